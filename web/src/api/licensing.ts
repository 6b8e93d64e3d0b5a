/**
 * Licensing's server calls: operators ranked by concerns, one operator's page, suspected successor
 * operators and a driver's single record. The server redacts every answer for the licensing role
 * (children only as descriptors or counts); the app adds nothing of its own.
 */
import {
  DriverRecordDocument,
  OperatorProfileDocument,
  OperatorRiskDocument,
  SearchPersonsDocument,
  SuccessorsDocument,
  type DriverRecordQuery,
  type OperatorProfileQuery,
  type OperatorRiskQuery,
  type SearchPersonsQuery,
  type SuccessorsQuery,
} from '../gql/graphql';
import { gql } from './transport';

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

export type OperatorRiskRow = Omit<OperatorRiskQuery['operatorRisk'][number], 'detail'> & { detail: OperatorRiskDetail };

export interface RiskArgs {
  /** YYYY-MM-DD or blank (no limit). */
  from: string;
  to: string;
  asOf: string;
  /** "Happened by" the date (HAPPENED, the default) or "known by" it (KNOWN: what licensing had been told). */
  asOfBasis?: AsOfBasis;
  top: number;
}

/** How an as-of date is asked: what had happened by then, or what we knew then (issue 20 item 9). */
export type AsOfBasis = 'HAPPENED' | 'KNOWN';

/** The variables given, blank ones left out (the server's defaults apply). */
const omitBlank = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as Partial<T>;

export async function fetchOperatorRisk(args: RiskArgs, signal?: AbortSignal): Promise<OperatorRiskRow[]> {
  const data = await gql(OperatorRiskDocument, omitBlank({ from: args.from, to: args.to, asOf: args.asOf, asOfBasis: args.asOfBasis, top: args.top }), signal);
  // detail is JSON in the schema; for operatorRisk the server fills it as OperatorRiskDetail says.
  return data.operatorRisk.map((r) => ({ ...r, detail: r.detail as unknown as OperatorRiskDetail }));
}

/** One operator's page; children appear nowhere but as counts. */
export type OperatorProfile = NonNullable<OperatorProfileQuery['operatorProfile']>;
export type OperatorTie = OperatorProfile['people'][number];
export type OperatorDriver = OperatorProfile['drivers'][number];
export type OperatorConcern = OperatorProfile['concerns'][number];

export async function fetchOperatorProfile(operatorId: string, asOf: string, signal?: AbortSignal, asOfBasis: AsOfBasis = 'HAPPENED'): Promise<OperatorProfile | null> {
  const data = await gql(OperatorProfileDocument, { operatorId, asOfBasis, ...omitBlank({ asOf }) }, signal);
  return data.operatorProfile;
}

export type SuccessorFinding = SuccessorsQuery['successorOperators'][number];

export async function fetchSuccessors(operatorId: string | null, signal?: AbortSignal): Promise<SuccessorFinding[]> {
  const data = await gql(SuccessorsDocument, omitBlank({ operatorId }), signal);
  return data.successorOperators;
}

/** A driver's single record for a renewal decision. */
export type DriverRecord = NonNullable<DriverRecordQuery['driverRecord']>;
export type DriverCase = DriverRecord['cases'][number];
export type LicensingDecision = DriverRecord['decisions'][number];

export async function fetchDriverRecord(personId: string, signal?: AbortSignal): Promise<DriverRecord | null> {
  const data = await gql(DriverRecordDocument, { personId }, signal);
  return data.driverRecord;
}

/** A person found by the driver-record search, with why it matched. */
export type PersonHit = SearchPersonsQuery['search'][number];

/** Persons only: the driver-record search box. */
export async function searchPersons(text: string, signal?: AbortSignal): Promise<PersonHit[]> {
  const data = await gql(SearchPersonsDocument, { text }, signal);
  return data.search;
}
