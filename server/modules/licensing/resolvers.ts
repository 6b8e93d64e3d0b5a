import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { asOfArg, idArg, topArg } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

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

const riskArgs = z.object({ from: asOfArg, to: asOfArg, asOf: asOfArg, top: topArg });

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
      const { operatorId, asOf } = parseArgs(z.object({ operatorId: idArg, asOf: asOfArg }), args);
      const [row] = await ctx.db.read(q('operatorProfile.cypher'), { operatorId, asOf, withheld: withheldIds() }, { what: 'This operator page' });
      if (!row) return null;
      return {
        operator: toEntity(row.o as PlainNode),
        licences: (row.licences as PlainNode[]).map(toEntity),
        people: (row.people as Tie[]).map(tie),
        drivers: (row.drivers as { person: PlainNode; from: string | null; to: string | null; licenceStatus: string | null; notices: number }[]).map((d) => ({
          person: toEntity(d.person),
          from: d.from ?? null,
          to: d.to ?? null,
          licenceStatus: d.licenceStatus ?? null,
          notices: d.notices,
        })),
        vehicles: (row.vehicles as Tie[]).map(tie),
        bases: (row.bases as Tie[]).map(tie),
        phones: (row.phones as Tie[]).map(tie),
        concerns: (row.concerns as { incident: PlainNode; via: string[]; meetings: PlainNode[]; children: number }[]).map((c) => {
          // A concern only withheld reports support says that it exists and whom to ask, not how it
          // touches the operator nor how many children it concerned.
          const incident = toEntity(c.incident);
          const held = incident.kind === 'HeldItem';
          return { incident, via: held ? ['held under conditions'] : c.via, meetings: c.meetings.map(toEntity), children: held ? null : c.children };
        }),
      };
    },
    driverRecord: async (_, args, ctx) => {
      const { personId } = parseArgs(z.object({ personId: idArg }), args);
      const [row] = await ctx.db.read(q('driverRecord.cypher'), { personId, withheld: withheldIds() }, { what: 'This driver record' });
      if (!row) return null;
      const cases = (row.cases as { incident: PlainNode; via: string[] }[]).map((c) => {
        const incident = toEntity(c.incident);
        const history = (incident.properties.history as string[] | undefined) ?? [];
        // A case only withheld reports support is on the record as held: licensing learns that there is
        // one and whom to ask, not what it says.
        const held = incident.kind === 'HeldItem';
        const status = held ? 'held' : String(incident.properties.status ?? 'open');
        return { incident, status, history: held ? [] : history, via: held ? ['held under conditions'] : c.via };
      });
      const record = {
        person: toEntity(row.p as PlainNode),
        licences: (row.licences as PlainNode[]).map(toEntity),
        operators: (row.spells as { operator: PlainNode; from: string | null; to: string | null }[]).map((s) => ({ operator: toEntity(s.operator), from: s.from ?? null, to: s.to ?? null })),
        cases,
        notices: (row.notices as PlainNode[]).map(toEntity),
        disclosures: (row.disclosures as PlainNode[]).map(toEntity),
      };
      return { ...record, renewalCheck: renewalCheck(record) };
    },
    operatorRisk: async (_, args, ctx) => {
      const a = parseArgs(riskArgs, args);
      const rows = await ctx.db.read(q('operatorConcerns.cypher'), { ...a, withheld: withheldIds() }, { what: 'This operator ranking' });
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
