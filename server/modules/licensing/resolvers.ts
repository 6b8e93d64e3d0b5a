import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { asOfArg, idArg, topArg } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { RenderOptions } from '../../db/cypher.js';
import { asOfQuestion } from '../../db/knownReports.js';
import { decisionsFor } from '../decisions/resolvers.js';

const q = (name: string, opts?: RenderOptions) => cypherFile(import.meta.url, name, opts);
const basisArg = z.enum(['HAPPENED', 'KNOWN']).nullish();
/** The agency whose knowledge `knownToLicensingOn` dates (compared in lower case). */
const LICENSING_AGENCY = 'licensing';
const today = () => new Date().toISOString().slice(0, 10);

type Statement = { name: string; runs: string[]; family: string[] };
/**
 * What the Casey inspection found unflagged on a closed case: closed on the word of an interested
 * party (a person who runs an operator the driver drives for, or family of the driver), or on police
 * "no further action" alone (closingBasis police_nfa and nothing else).
 */
export function closingFlags(status: string, closingBasis: unknown, statements: Statement[]): string[] {
  if (status !== 'closed') return [];
  const flags: string[] = [];
  for (const s of statements) {
    const ties = [...s.runs, ...s.family.map((f) => `${f} of the driver`)];
    if (ties.length) flags.push(`closed on the word of an interested party: ${s.name} (${ties.join('; ')})`);
  }
  const basis = Array.isArray(closingBasis) ? closingBasis.map(String) : closingBasis ? [String(closingBasis)] : [];
  if (basis.length && basis.every((b) => b === 'police_nfa') && statements.every((s) => s.runs.length + s.family.length === 0))
    flags.push('closed on police "no further action" alone: licensing has not weighed it itself');
  return flags;
}

/** Suspected successors (of `operatorId` as successor or predecessor; all when null), every signal listed. */
export async function findSuccessors(db: Database, operatorId: string | null) {
  // Alert rules run without a caller: they see every link (their alerts pass the caller's view later).
  const rows = await db.read(q('successorSignals.cypher'), { operatorId, withheld: withheldIds() }, { what: 'This successor search' });
  return rows
    .filter((r) => (r.signals as string[]).length > 0)
    .map((r) => ({
      operator: toEntity(r.operator as PlainNode),
      predecessor: toEntity(r.predecessor as PlainNode),
      predecessorStatus: r.predecessorStatus as string,
      predecessorEndedOn: (r.predecessorEndedOn as string | null) ?? null,
      signals: r.signals as string[],
    }));
}

const riskArgs = z.object({ from: asOfArg, to: asOfArg, asOf: asOfArg, asOfBasis: basisArg, top: topArg });

/** The renewal check: what is open today, in words. */
function renewalCheck(record: { licences: EntityView[]; cases: { incident: EntityView; status: string }[]; notices: EntityView[] }) {
  const open: string[] = [];
  for (const c of record.cases) {
    if (c.status === 'held') {
      open.push(`a case held under conditions (${c.incident.label}): ask the holder before deciding`);
      continue;
    }
    if (c.incident.properties.kind === 'licence_event') continue;
    if (c.status === 'with_police') open.push(`case ${c.incident.id} (${c.incident.properties.kind ?? 'incident'}, ${c.incident.properties.date ?? 'undated'}) is with police: open until licensing decides`);
    else if (c.status !== 'closed') open.push(`case ${c.incident.id} (${c.incident.properties.kind ?? 'incident'}, ${c.incident.properties.date ?? 'undated'}) is open`);
  }
  for (const l of record.licences) if (l.properties.status === 'suspended') open.push(`licence ${l.properties.number ?? l.id} is suspended`);
  for (const n of record.notices)
    open.push(`notice ${n.id} served ${n.properties.servedOn ?? '(date not recorded)'}${n.properties.licensingNotifiedOn ? '' : ' — licensing was never told of it'}: to be considered`);
  return { clear: open.length === 0, open };
}

/** Reports withheld from the caller: what only they support is neither counted nor followed (DESIGN.md §6). */
const withheldIds = () => currentViewer()?.withheldReportIds() ?? [];

type Tie = { entity: PlainNode; role: string | null; from: string | null; to: string | null };
const tie = (t: Tie) => ({ entity: toEntity(t.entity), role: t.role ?? null, from: t.from ?? null, to: t.to ?? null });

export const licensingResolvers: Resolvers = {
  Query: {
    operatorProfile: async (_, args, ctx) => {
      const a = parseArgs(z.object({ operatorId: idArg, asOf: asOfArg, asOfBasis: basisArg }), args);
      const question = await asOfQuestion(ctx.db, a.asOf, a.asOfBasis, ctx.user?.agency);
      const [row] = await ctx.db.read(
        q('operatorProfile.cypher', { on: question.on }),
        { operatorId: a.operatorId, asOf: question.asOf, known: question.known, licensingAgency: LICENSING_AGENCY, withheld: withheldIds() },
        { what: 'This operator page' },
      );
      if (!row) return null;
      const on = question.asOf ?? today();
      const concerns = (row.concerns as { incident: PlainNode; via: string[]; meetings: PlainNode[]; children: number; knownToLicensingOn: string | null }[]).map((c) => {
        // A concern only withheld reports support says that it exists and whom to ask, not how it
        // touches the operator nor how many children it concerned.
        const incident = toEntity(c.incident);
        const held = incident.kind === 'HeldItem';
        return { incident, via: held ? ['held under conditions'] : c.via, meetings: c.meetings.map(toEntity), children: held ? null : c.children, knownToLicensingOn: c.knownToLicensingOn ?? null };
      });
      const known = concerns.map((c) => c.knownToLicensingOn).filter((d): d is string => !!d).sort();
      const drivers = (row.drivers as { person: PlainNode; from: string | null; to: string | null; licenceStatus: string | null; notices: number }[]).map((d) => {
        const person = toEntity(d.person);
        // Driving for it now (as of the date asked) with no active driver licence: Casey's blank status.
        const current = (!d.from || d.from <= on) && (!d.to || d.to >= on);
        const flags = current && d.licenceStatus !== 'active' ? [`drives for this operator with no valid driver licence (${d.licenceStatus ? `latest licence ${d.licenceStatus}` : 'none held'})`] : [];
        return { person, from: d.from ?? null, to: d.to ?? null, licenceStatus: d.licenceStatus ?? null, notices: d.notices, flags };
      });
      return {
        operator: toEntity(row.o as PlainNode),
        licences: (row.licences as PlainNode[]).map(toEntity),
        people: (row.people as Tie[]).map(tie),
        drivers,
        vehicles: (row.vehicles as Tie[]).map(tie),
        bases: (row.bases as Tie[]).map(tie),
        phones: (row.phones as Tie[]).map(tie),
        concerns,
        knownToLicensingOn: known[0] ?? null,
        flags: drivers.flatMap((d) => d.flags.map((f) => `${d.person.label} ${f}`)),
      };
    },
    driverRecord: async (_, args, ctx) => {
      const { personId } = parseArgs(z.object({ personId: idArg }), args);
      const [row] = await ctx.db.read(q('driverRecord.cypher'), { personId, withheld: withheldIds() }, { what: 'This driver record' });
      if (!row) return null;
      const cases = (row.cases as { incident: PlainNode; via: string[]; closingBasis: unknown; statements: Statement[] }[])
        // Licence events are decisions, not cases (issue 20 item 10): listed under `decisions`.
        .filter((c) => c.incident.props.kind !== 'licence_event')
        .map((c) => {
          const incident = toEntity(c.incident);
          const history = (incident.properties.history as string[] | undefined) ?? [];
          // A case only withheld reports support is on the record as held: licensing learns that there is
          // one and whom to ask, not what it says.
          const held = incident.kind === 'HeldItem';
          const status = held ? 'held' : String(incident.properties.status ?? 'open');
          const flags = held ? [] : closingFlags(status, c.closingBasis, c.statements);
          return { incident, status, history: held ? [] : history, via: held ? ['held under conditions'] : c.via, flags };
        });
      const record = {
        person: toEntity(row.p as PlainNode),
        licences: (row.licences as PlainNode[]).map(toEntity),
        operators: (row.spells as { operator: PlainNode; from: string | null; to: string | null }[]).map((s) => ({ operator: toEntity(s.operator), from: s.from ?? null, to: s.to ?? null })),
        cases,
        notices: (row.notices as PlainNode[]).map(toEntity),
        disclosures: (row.disclosures as PlainNode[]).map(toEntity),
      };
      const decisions = await decisionsFor(ctx.db, { licenceId: null, holderId: personId });
      const flags: string[] = [];
      const on = today();
      const valid = record.licences.some((l) => l.properties.kind === 'driver' && l.properties.status === 'active');
      for (const s of record.operators)
        if (!valid && (!s.from || s.from <= on) && (!s.to || s.to >= on)) flags.push(`drives for ${s.operator.label} (since ${s.from ?? 'an unrecorded date'}) with no valid driver licence`);
      for (const c of cases) for (const f of c.flags) flags.push(`case ${c.incident.id} (${c.incident.properties.kind ?? 'incident'}, ${c.incident.properties.date ?? 'undated'}): ${f}`);
      for (const d of decisions) for (const f of d.flags) flags.push(`decision ${d.decision} of ${d.decidedOn}: ${f}`);
      return { ...record, renewalCheck: renewalCheck(record), decisions, flags };
    },
    operatorRisk: async (_, args, ctx) => {
      const { asOfBasis, ...a } = parseArgs(riskArgs, args);
      const question = await asOfQuestion(ctx.db, a.asOf, asOfBasis, ctx.user?.agency);
      const rows = await ctx.db.read(
        q('operatorConcerns.cypher', { on: question.on }),
        { ...a, asOf: question.asOf, known: question.known, withheld: withheldIds() },
        { what: 'This operator ranking' },
      );
      return rows.map((r) => {
        const trend: Record<string, number> = {};
        for (const y of r.years as string[]) trend[y] = (trend[y] ?? 0) + 1;
        return {
          entity: toEntity(r.o as PlainNode),
          score: r.concernCount as number,
          detail: {
            concerns: r.concernCount,
            complaints: r.complaints,
            meetings: r.meetings,
            noticesOnDrivers: r.notices,
            drivers: r.drivers,
            vehicles: r.vehicles,
            children: r.children,
            trend: Object.fromEntries(Object.entries(trend).sort(([x], [y]) => x.localeCompare(y))),
          },
        };
      });
    },
    successorOperators: async (_, args, ctx) => {
      const { operatorId } = parseArgs(z.object({ operatorId: idArg.nullish().transform((v) => v ?? null) }), args);
      return findSuccessors(ctx.db, operatorId);
    },
  },
};
