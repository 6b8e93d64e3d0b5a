import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { readAudit, verifyAuditChain } from './audit.js';

const auditArgs = z.object({
  entityId: z.string().nullish().transform((v) => v ?? null),
  username: z.string().nullish().transform((v) => v?.toLowerCase() ?? null),
  limit: z.number().int().min(1).max(1000, 'limit is at most 1000').default(100),
});

export const auditResolvers = {
  Query: {
    auditLog: (_: unknown, args: unknown, ctx: RequestContext) => readAudit(ctx.db, parseArgs(auditArgs, args)),
    auditVerify: (_: unknown, __: unknown, ctx: RequestContext) => verifyAuditChain(ctx.db),
  },
};
