import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { asOfArg, idArg, topArg } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** Suspected successors (of `operatorId` as successor or predecessor; all when null), every signal listed. */
export async function findSuccessors(db: Database, operatorId: string | null) {
  const rows = await db.read(q('successorSignals.cypher'), { operatorId }, { what: 'This successor search' });
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

export const licensingResolvers = {
  Query: {
    operatorRisk: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(riskArgs, args);
      const rows = await ctx.db.read(q('operatorConcerns.cypher'), a, { what: 'This operator ranking' });
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
    successorOperators: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const { operatorId } = parseArgs(z.object({ operatorId: idArg.nullish().transform((v) => v ?? null) }), args);
      return findSuccessors(ctx.db, operatorId);
    },
  },
};
