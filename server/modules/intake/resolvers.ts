import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { whoIs } from './whoIs.js';
import { reportInput, submitReport } from './submitReport.js';
import { runAlertRules } from '../alerts/rules.js';
import { duplicateCandidates, mergePersons, unmergePerson } from './merge.js';
import { releaseText } from './release.js';
import type { Resolvers } from '../../generated/graphql.js';

const whoIsArgs = z.object({ nickname: z.string().trim().min(1, 'give a nickname').max(60, 'at most 60 characters') });

const mergeArgs = z.object({
  ids: z
    .array(z.string().min(1))
    .min(2, 'give at least two person ids')
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'the same id is given twice'),
  reason: z.string().trim().min(3, 'say why these are one person').max(2000),
});

export const intakeResolvers: Resolvers = {
  Query: {
    whoIs: (_, args, ctx) => whoIs(ctx.db, parseArgs(whoIsArgs, args).nickname),
    duplicateCandidates: (_, args, ctx) =>
      duplicateCandidates(ctx.db, parseArgs(z.object({ limit: z.number().int().min(1).max(500, 'limit is at most 500').default(50) }), args).limit, ctx.viewer?.withheldReportIds() ?? []),
  },
  Mutation: {
    submitReport: async (_, args, ctx) => {
      const saved = await submitReport(ctx.db, parseArgs(z.object({ input: reportInput }), args).input, ctx.viewer ?? null);
      // The report is committed; the alert rules look at what it touched. A failing rule must not
      // lose the report, so it is logged, and the rules run again on the next write or start.
      const touched = [saved.report.id, ...saved.entities.map((e) => e.entity.id)];
      await runAlertRules(ctx.db, touched).catch((e) => ctx.log.error({ err: e }, 'alert rules failed'));
      return saved;
    },
    merge: (_, args, ctx) => {
      const { ids, reason } = parseArgs(mergeArgs, args);
      return mergePersons(ctx.db, ids, reason, ctx.user!.username, ctx.viewer ?? null);
    },
    unmerge: (_, args, ctx) => {
      const { id, reason } = parseArgs(z.object({ id: z.string().min(1), reason: z.string().max(2000).nullish() }), args);
      return unmergePerson(ctx.db, id, reason ?? '', ctx.user!.username, ctx.viewer ?? null);
    },
    releaseText: (_, args, ctx) => releaseText(ctx, args),
  },
};
