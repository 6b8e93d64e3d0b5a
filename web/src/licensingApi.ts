/**
 * Licensing's server calls: operators ranked by concerns, one operator's page, suspected successor
 * operators and a driver's single record. The server redacts every answer for the licensing role
 * (children only as descriptors or counts); the app adds nothing of its own.
 */
import { gql, type Entity, type Json, type SearchHit, type SearchMatch } from './api';

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity { id kind label labels properties sources }
`;

/** What operatorRisk puts in `detail` (see licensing.graphql). */
export interface OperatorRiskDetail {
  concerns: number;
  complaints: number;
  meetings: number;
  noticesOnDrivers: number;
  drivers: number;
  vehicles: number;
  /** Children concerned: a count only. */
  children: number;
  /** Concerns per year, e.g. { "2009": 3 }. */
  trend: Record<string, number>;
}

export interface OperatorRiskRow {
  entity: Entity;
  score: number;
  detail: OperatorRiskDetail;
}

export interface RiskArgs {
  /** YYYY-MM-DD or blank (no limit). */
  from: string;
  to: string;
  asOf: string;
  top: number;
}

const omitBlank = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null));

export async function fetchOperatorRisk(args: RiskArgs, signal?: AbortSignal): Promise<OperatorRiskRow[]> {
  const data = await gql<{ operatorRisk: { entity: Entity; score: number; detail: Json }[] }>(
    `query OperatorRisk($from: String, $to: String, $asOf: String, $top: Int) {
      operatorRisk(from: $from, to: $to, asOf: $asOf, top: $top) { score detail entity { ...EntityFields } }
    } ${ENTITY_FIELDS}`,
    omitBlank({ from: args.from, to: args.to, asOf: args.asOf, top: args.top }),
    signal,
  );
  return data.operatorRisk.map((r) => ({ ...r, detail: r.detail as unknown as OperatorRiskDetail }));
}

export interface OperatorTie {
  entity: Entity;
  role: string | null;
  from: string | null;
  to: string | null;
}

export interface OperatorDriver {
  person: Entity;
  from: string | null;
  to: string | null;
  licenceStatus: string | null;
  notices: number;
}

export interface OperatorConcern {
  incident: Entity;
  via: string[];
  meetings: Entity[];
  /** Children the incident concerned: a count only; null when the incident is held under conditions. */
  children: number | null;
}

export interface OperatorProfile {
  operator: Entity;
  licences: Entity[];
  people: OperatorTie[];
  drivers: OperatorDriver[];
  vehicles: OperatorTie[];
  bases: OperatorTie[];
  phones: OperatorTie[];
  concerns: OperatorConcern[];
}

export async function fetchOperatorProfile(operatorId: string, asOf: string, signal?: AbortSignal): Promise<OperatorProfile | null> {
  const tie = 'entity { ...EntityFields } role from to';
  const data = await gql<{ operatorProfile: OperatorProfile | null }>(
    `query OperatorProfile($operatorId: ID!, $asOf: String) {
      operatorProfile(operatorId: $operatorId, asOf: $asOf) {
        operator { ...EntityFields }
        licences { ...EntityFields }
        people { ${tie} }
        drivers { person { ...EntityFields } from to licenceStatus notices }
        vehicles { ${tie} }
        bases { ${tie} }
        phones { ${tie} }
        concerns { incident { ...EntityFields } via meetings { ...EntityFields } children }
      }
    } ${ENTITY_FIELDS}`,
    omitBlank({ operatorId, asOf }),
    signal,
  );
  return data.operatorProfile;
}

export interface SuccessorFinding {
  operator: Entity;
  predecessor: Entity;
  predecessorStatus: string;
  predecessorEndedOn: string | null;
  signals: string[];
}

export async function fetchSuccessors(operatorId: string | null, signal?: AbortSignal): Promise<SuccessorFinding[]> {
  const data = await gql<{ successorOperators: SuccessorFinding[] }>(
    `query Successors($operatorId: ID) {
      successorOperators(operatorId: $operatorId) {
        operator { ...EntityFields } predecessor { ...EntityFields } predecessorStatus predecessorEndedOn signals
      }
    } ${ENTITY_FIELDS}`,
    omitBlank({ operatorId }),
    signal,
  );
  return data.successorOperators;
}

export interface DriverCase {
  incident: Entity;
  status: string;
  history: string[];
  via: string[];
}

export interface DriverRecord {
  person: Entity;
  licences: Entity[];
  operators: { operator: Entity; from: string | null; to: string | null }[];
  cases: DriverCase[];
  notices: Entity[];
  disclosures: Entity[];
  renewalCheck: { clear: boolean; open: string[] };
}

export async function fetchDriverRecord(personId: string, signal?: AbortSignal): Promise<DriverRecord | null> {
  const data = await gql<{ driverRecord: DriverRecord | null }>(
    `query DriverRecord($personId: ID!) {
      driverRecord(personId: $personId) {
        person { ...EntityFields }
        licences { ...EntityFields }
        operators { operator { ...EntityFields } from to }
        cases { incident { ...EntityFields } status history via }
        notices { ...EntityFields }
        disclosures { ...EntityFields }
        renewalCheck { clear open }
      }
    } ${ENTITY_FIELDS}`,
    { personId },
    signal,
  );
  return data.driverRecord;
}

/** A person found by the driver-record search, with why it matched. */
export interface PersonHit extends SearchHit {
  matched: SearchMatch | null;
}

/** Persons only: the driver-record search box. */
export async function searchPersons(text: string, signal?: AbortSignal): Promise<PersonHit[]> {
  const data = await gql<{ search: PersonHit[] }>(
    `query SearchPersons($text: String!) { search(text: $text, kinds: ["Person"], limit: 15) { score matched { field how value words { at matched how field } dates datesNote why } entity { ...EntityFields } } } ${ENTITY_FIELDS}`,
    { text },
    signal,
  );
  return data.search;
}
