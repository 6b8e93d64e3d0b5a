import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { whoIs } from './whoIs.js';
import { reportInput, submitReport } from './submitReport.js';

const whoIsArgs = z.object({ nickname: z.string().trim().min(1, 'give a nickname').max(60, 'at most 60 characters') });

export const intakeResolvers = {
  Query: {
    whoIs: (_: unknown, args: unknown, ctx: RequestContext) => whoIs(ctx.db, parseArgs(whoIsArgs, args).nickname),
  },
  Mutation: {
    submitReport: (_: unknown, args: { input: unknown }, ctx: RequestContext) =>
      submitReport(ctx.db, parseArgs(z.object({ input: reportInput }), args).input),
  },
};
