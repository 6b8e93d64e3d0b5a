import { z } from 'zod';
import { JSONResolver } from 'graphql-scalars';
import { parseArgs } from '../../http/errors.js';
import { entityTypeName } from '../../domain/entity.js';
import { asOfArg, idArg as id, kindsArg, linkTypesArg } from '../../http/args.js';
import { entityById, listOperations, neighbourhood } from './queries.js';
import { asOfQuestion } from '../../db/knownReports.js';
import type { EntityResolvers, Resolvers } from '../../generated/graphql.js';

/** The GraphQL types that implement Entity (from the SDL). */
type EntityTypeName = NonNullable<Awaited<ReturnType<NonNullable<EntityResolvers['__resolveType']>>>>;

export const MAX_NEIGHBOURHOOD_NODES = 5_000;

const neighbourhoodArgs = z.object({
  ids: z.array(id).min(1, 'give at least one id').max(500, 'at most 500 ids at once'),
  hops: z.number().int().min(1, 'hops must be 1 to 3').max(3, 'hops must be 1 to 3 (ask a path or connecting-network question for further)').default(1),
  linkTypes: linkTypesArg,
  kinds: kindsArg,
  asOf: asOfArg,
  asOfBasis: z.enum(['HAPPENED', 'KNOWN']).nullish(),
  limit: z.number().int().min(1).max(MAX_NEIGHBOURHOOD_NODES, `limit is at most ${MAX_NEIGHBOURHOOD_NODES}`).default(300),
});

export const graphResolvers: Resolvers = {
  JSON: JSONResolver,
  // kind is a vocabulary label; entityTypeName answers the type that implements Entity for it.
  Entity: { __resolveType: (e) => entityTypeName(e) as EntityTypeName },
  Query: {
    entity: (_, args, ctx) =>
      entityById(ctx.db, parseArgs(z.object({ id }), args).id),
    operations: (_, __, ctx) => listOperations(ctx.db),
    neighbourhood: async (_, args, ctx) => {
      const { asOfBasis, ...a } = parseArgs(neighbourhoodArgs, args);
      // "What we knew then" (issue 20 item 9): the same rule, supported by reports known by the date.
      const question = await asOfQuestion(ctx.db, a.asOf, asOfBasis, ctx.user?.agency);
      return neighbourhood(ctx.db, { ...a, asOf: question.asOf, known: question.known });
    },
  },
};
