import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { asOfArg, idArg as id, kindsArg, linkTypesArg, topArg as top } from '../../http/args.js';
import { MAX_HOPS, connectingNetwork, shortestPaths } from './paths.js';
import { MEASURES, atRiskPersons, communities, householdRisk, rank } from './ranking.js';
import { deriveChildLinks } from './childLinks.js';
import type { Resolvers } from '../../generated/graphql.js';

const hops = z.number().int().min(1, `maxHops must be 1 to ${MAX_HOPS}`).max(MAX_HOPS, `maxHops must be 1 to ${MAX_HOPS}`).default(4);
/** Limits a ranking to these entities (the ones on a chart); at most a large chart's worth. */
const within = z
  .array(id)
  .max(10_000, 'within takes at most 10,000 ids')
  .nullish()
  .transform((v) => v ?? null);
const scope = { kinds: kindsArg, linkTypes: linkTypesArg, within, asOf: asOfArg };

export const analysisResolvers: Resolvers = {
  Query: {
    paths: (_, args, ctx) =>
      shortestPaths(ctx.db, {
        ...parseArgs(z.object({ from: id, to: id, maxHops: hops, linkTypes: linkTypesArg, asOf: asOfArg }), args),
        all: Boolean(args.all),
      }),
    connectingNetwork: (_, args, ctx) =>
      connectingNetwork(
        ctx.db,
        parseArgs(
          z.object({ ids: z.array(id).min(2, 'give at least two ids').max(10, 'at most 10 ids (45 pairs)'), maxHops: hops, linkTypes: linkTypesArg, asOf: asOfArg }),
          args,
        ),
      ),
    rank: (_, args, ctx) => rank(ctx.db, parseArgs(z.object({ measure: z.enum(MEASURES), ...scope, top }), args)),
    atRiskPersons: (_, args, ctx) =>
      atRiskPersons(
        ctx.db,
        parseArgs(z.object({ hops: z.number().int().min(1, 'hops must be 1 to 3').max(3, 'hops must be 1 to 3').default(2), linkTypes: linkTypesArg, asOf: asOfArg, top }), args),
      ),
    communities: (_, args, ctx) =>
      communities(ctx.db, parseArgs(z.object({ ...scope, minSize: z.number().int().min(1).max(1000).default(3), top }), args)),
    householdRisk: (_, args, ctx) => householdRisk(ctx.db, parseArgs(z.object({ asOf: asOfArg, top }), args)),
    linkedChildren: (_, args, ctx) => {
      const { personIds, asOf } = parseArgs(z.object({ personIds: z.array(id).min(1, 'give at least one person id').max(500, 'at most 500 persons at once'), asOf: asOfArg }), args);
      return deriveChildLinks(ctx.db, personIds, asOf);
    },
  },
};
