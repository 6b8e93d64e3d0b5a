import { z } from 'zod';
import { isoDate } from '../../http/args.js';
import { GraphQLError } from 'graphql';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode, type PlainRel } from '../../db/database.js';
import { toEntity, toLink } from '../../domain/entity.js';
import { DISPOSITIONS } from '../../domain/vocabulary.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

const dispositionArgs = z.object({
  operationId: z.string().min(1),
  personId: z.string().min(1),
  disposition: z.enum(DISPOSITIONS),
  on: isoDate,
  sentenceYears: z.number().min(0).max(100).nullish(),
});

export const operationsResolvers: Resolvers = {
  Query: {
    operationCoverage: async (_, args, ctx) => {
      const { operationId } = parseArgs(z.object({ operationId: z.string().min(1) }), args);
      const rows = await ctx.db.read(q('coverage.cypher'), { operationId, withheld: ctx.viewer?.withheldReportIds() ?? [] }, { what: 'This coverage' });
      if (!rows.length) return null;
      const byDisposition: Record<string, number> = {};
      const suspects = rows.filter((r) => r.p);
      for (const r of suspects) byDisposition[r.disposition as string] = (byDisposition[r.disposition as string] ?? 0) + 1;
      return {
        operation: toEntity(rows[0].o as PlainNode),
        onChart: suspects.length,
        byDisposition,
        neverActioned: suspects.filter((r) => !r.actioned).map((r) => toEntity(r.p as PlainNode)),
        licensed: suspects.filter((r) => r.licensed).map((r) => toEntity(r.p as PlainNode)),
      };
    },
  },
  Mutation: {
    recordDisposition: async (_, args, ctx) => {
      const a = parseArgs(dispositionArgs, args);
      const rows = await ctx.db.write(
        q('recordDisposition.cypher'),
        { ...a, sentenceYears: a.sentenceYears ?? null, by: ctx.user!.username },
      );
      if (!rows.length) throw new GraphQLError('That person is not on that operation’s chart.', { extensions: { code: 'BAD_USER_INPUT' } });
      return toLink(rows[0].c as PlainRel, rows[0].source as string, rows[0].target as string);
    },
  },
};
