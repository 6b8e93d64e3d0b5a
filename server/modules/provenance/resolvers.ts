import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);
const MAX_REPORTS = 2_000;
const id = z.string().min(1).max(200);

export const provenanceResolvers: Resolvers = {
  Query: {
    // Withholding of restricted reports happens in the guard (withholdReports), after this returns.
    provenance: async (_, args, ctx) => {
      const a = parseArgs(
        z.object({ reportIds: z.array(id).max(MAX_REPORTS, `at most ${MAX_REPORTS} report ids`).nullish(), entityId: id.nullish() }),
        args,
      );
      const reportIds = [...new Set(a.reportIds ?? [])];
      if (!reportIds.length && !a.entityId) return [];
      const rows = await ctx.db.read(q('provenance.cypher'), { reportIds, entityId: a.entityId ?? null, cap: MAX_REPORTS + 500 }, { what: 'This provenance' });
      return rows.map((r) => toEntity(r.r as PlainNode));
    },
  },
};
