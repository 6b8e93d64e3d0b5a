import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { readAudit, verifyAuditChain } from './audit.js';
import type { Resolvers } from '../../generated/graphql.js';

/** The SDL types the arguments; what it cannot say is the limit's range. */
const limitArg = z.object({ limit: z.number().int().min(1).max(1000, 'limit is at most 1000').default(100) });

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, args, ctx) => {
      const { limit } = parseArgs(limitArg, args);
      return readAudit(ctx.db, { entityId: args.entityId ?? null, username: args.username?.toLowerCase() ?? null, limit });
    },
    auditVerify: (_, __, ctx) => verifyAuditChain(ctx.db),
  },
};
