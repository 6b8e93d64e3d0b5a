import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { linkTypesArg } from '../graph/resolvers.js';
import { MAX_HOPS, connectingNetwork, shortestPaths } from './paths.js';
import { MEASURES, atRiskPersons, communities, householdRisk, rank } from './ranking.js';
import { kindsArg } from '../graph/resolvers.js';

const hops = z.number().int().min(1, `maxHops must be 1 to ${MAX_HOPS}`).max(MAX_HOPS, `maxHops must be 1 to ${MAX_HOPS}`).default(4);
const id = z.string().min(1).max(200);
const top = z.number().int().min(1).max(500, 'top is at most 500').default(20);

export const analysisResolvers = {
  Query: {
    paths: (_: unknown, args: unknown, ctx: RequestContext) =>
      shortestPaths(ctx.db, parseArgs(z.object({ from: id, to: id, maxHops: hops, linkTypes: linkTypesArg, all: z.boolean().nullish().transform(Boolean) }), args)),
    connectingNetwork: (_: unknown, args: unknown, ctx: RequestContext) =>
      connectingNetwork(
        ctx.db,
        parseArgs(z.object({ ids: z.array(id).min(2, 'give at least two ids').max(10, 'at most 10 ids (45 pairs)'), maxHops: hops, linkTypes: linkTypesArg }), args),
      ),
    rank: (_: unknown, args: unknown, ctx: RequestContext) =>
      rank(ctx.db, parseArgs(z.object({ measure: z.enum(MEASURES), kinds: kindsArg, linkTypes: linkTypesArg, top }), args)),
    atRiskPersons: (_: unknown, args: unknown, ctx: RequestContext) =>
      atRiskPersons(ctx.db, parseArgs(z.object({ hops: z.number().int().min(1, 'hops must be 1 to 3').max(3, 'hops must be 1 to 3').default(2), linkTypes: linkTypesArg, top }), args)),
    communities: (_: unknown, args: unknown, ctx: RequestContext) =>
      communities(ctx.db, parseArgs(z.object({ kinds: kindsArg, linkTypes: linkTypesArg, minSize: z.number().int().min(1).max(1000).default(3), top }), args)),
    householdRisk: (_: unknown, args: unknown, ctx: RequestContext) => householdRisk(ctx.db, parseArgs(z.object({ top }), args).top),
  },
};
