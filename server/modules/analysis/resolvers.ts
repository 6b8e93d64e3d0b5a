import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { linkTypesArg } from '../graph/resolvers.js';
import { MAX_HOPS, connectingNetwork, shortestPaths } from './paths.js';

const hops = z.number().int().min(1, `maxHops must be 1 to ${MAX_HOPS}`).max(MAX_HOPS, `maxHops must be 1 to ${MAX_HOPS}`).default(4);
const id = z.string().min(1).max(200);

export const analysisResolvers = {
  Query: {
    paths: (_: unknown, args: unknown, ctx: RequestContext) =>
      shortestPaths(ctx.db, parseArgs(z.object({ from: id, to: id, maxHops: hops, linkTypes: linkTypesArg, all: z.boolean().nullish().transform(Boolean) }), args)),
    connectingNetwork: (_: unknown, args: unknown, ctx: RequestContext) =>
      connectingNetwork(
        ctx.db,
        parseArgs(z.object({ ids: z.array(id).min(2, 'give at least two ids').max(10, 'at most 10 ids (45 pairs)'), maxHops: hops, linkTypes: linkTypesArg }), args),
      ),
  },
};
