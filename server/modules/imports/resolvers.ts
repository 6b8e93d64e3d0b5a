/**
 * Intake from what analysts receive (issue 22): upload a CSV, Excel or vCard file, choose or write a
 * mapping, preview it (with what would be matched to existing entities and why), import it as one
 * graded report with progress, get the rejected rows back; and the call pattern behind a
 * CONTACTED link. Queries and mutations pass through the guard (access/guard.ts) like every other;
 * the progress feed calls the same authorisation, as the alerts feed does.
 */
import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg } from '../../http/args.js';
import { authorize } from '../../access/guard.js';
import { displayLabel, toEntity } from '../../domain/entity.js';
import { builtInMappings, mappingFromArg, saveMapping, savedMappings } from './mappingStore.js';
import { asImportFile, describeUpload, readUpload, storeUpload } from './uploads.js';
import { previewImport } from './runImport.js';
import { followJob, jobFor, startJob, type ImportJob } from './jobs.js';
import { sourceFromArgs, sourceInput } from './source.js';
import { callPattern } from './callPattern.js';

const mappingArg = z.string().min(1, 'give a mapping (its id or its text)').max(200_000);

/** A job as the API shows it. */
const jobView = (j: ImportJob) => ({
  id: j.id,
  status: j.status,
  rowsDone: j.rowsDone,
  rowsTotal: j.rowsTotal,
  createdEntities: j.createdEntities,
  createdLinks: j.createdLinks,
  matched: j.matched,
  rejectedCount: j.rejectedCount,
  // All rows kept; the field's `first` takes the first of them (ImportJob.rejected below).
  rejected: j.rejectedRows,
  reportId: j.reportId,
  importedBefore: j.importedBefore,
  error: j.error,
});

export const importsResolvers = {
  Query: {
    importMappings: async (_: unknown, __: unknown, ctx: RequestContext) => [...builtInMappings(), ...(await savedMappings(ctx.db, ctx.user!.agency))],
    previewImport: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(z.object({ uploadId: idArg, mapping: mappingArg, rows: z.number().int().min(1, 'rows is at least 1').max(200, 'rows is at most 200').default(20) }), args);
      const upload = readUpload(a.uploadId, ctx.user!.username);
      const { mapping } = await mappingFromArg(ctx.db, a.mapping, ctx.user!.agency);
      const p = await previewImport(ctx.db, asImportFile(upload), mapping, ctx.viewer ?? null, a.rows);
      return {
        ...p,
        rows: p.rows.map((r) => ({
          ...r,
          entities: r.entities.map((e) => ({
            key: e.key,
            kind: e.kind,
            // A matched entity is shown as the caller may see it (through the viewer), never as read.
            ...(e.match
              ? (() => {
                  const entity = toEntity(e.match.node);
                  return { label: entity.label, properties: e.properties, match: { key: e.match.key, entity, reason: e.match.reason } };
                })()
              : { label: displayLabel(e.kind, e.properties), properties: e.properties, match: null }),
          })),
        })),
      };
    },
    importJob: (_: unknown, args: unknown, ctx: RequestContext) => {
      const { id } = parseArgs(z.object({ id: idArg }), args);
      const j = jobFor(id, ctx.user!.username);
      return j ? jobView(j) : null;
    },
    callPattern: (_: unknown, args: unknown, ctx: RequestContext) => {
      const { a, b } = parseArgs(z.object({ a: idArg, b: idArg }), args);
      return callPattern(ctx.db, ctx.viewer!, a, b);
    },
  },
  Mutation: {
    uploadImportFile: async (_: unknown, args: { file?: unknown }, ctx: RequestContext) => {
      const f = args.file as { name?: string; size?: number; arrayBuffer?: () => Promise<ArrayBuffer> } | null | undefined;
      if (!f || typeof f.arrayBuffer !== 'function' || typeof f.size !== 'number') throw badInput('Send the file as a multipart upload (the GraphQL multipart request spec).');
      const meta = await storeUpload({ name: String(f.name ?? 'upload'), size: f.size, arrayBuffer: () => f.arrayBuffer!() }, ctx.user!.username);
      return describeUpload(readUpload(meta.id, ctx.user!.username));
    },
    saveImportMapping: (_: unknown, args: unknown, ctx: RequestContext) => {
      const { name, text } = parseArgs(z.object({ name: z.string().trim().min(1, 'give the mapping a name').max(200), text: mappingArg }), args);
      return saveMapping(ctx.db, name, text, ctx.user!);
    },
    startImport: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const raw = (args ?? {}) as Record<string, unknown>;
      const a = parseArgs(z.object({ uploadId: idArg, mapping: mappingArg, source: sourceInput }), { ...raw, source: sourceFromArgs(raw.source) });
      const upload = readUpload(a.uploadId, ctx.user!.username);
      const { mapping } = await mappingFromArg(ctx.db, a.mapping, ctx.user!.agency);
      return jobView(startJob(ctx.db, asImportFile(upload), mapping, a.source, ctx.viewer ?? null, ctx.user!.username));
    },
  },
  Subscription: {
    importProgress: {
      // Whoever may read an import's job may follow it; only their own.
      subscribe: (_: unknown, args: { jobId?: unknown }, ctx: RequestContext) => {
        authorize(ctx, 'Query.importJob');
        const job = typeof args.jobId === 'string' ? jobFor(args.jobId, ctx.user!.username) : null;
        if (!job) throw badInput('No such import job.');
        return (async function* () {
          for await (const j of followJob(job)) yield jobView(j);
        })();
      },
      resolve: (j: ReturnType<typeof jobView>) => j,
    },
  },
  ImportJob: {
    rejected: <Row,>(j: { rejected: Row[] }, args: { first?: number | null }) => j.rejected.slice(0, Math.max(0, Math.min(args.first ?? 200, 10_000))),
  },
};
