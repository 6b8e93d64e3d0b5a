/**
 * Import jobs: startImport answers at once and the import runs on in this server process; its
 * progress lives in this process (a Map and a pub/sub channel, as the alerts feed), because the
 * rows are being read and written here and nothing else needs it: the result that matters — the
 * report and everything it asserts — is in the graph, committed batch by batch. A job is only the
 * caller's to follow, and is forgotten an hour after it ends (or when the server stops: the import
 * stops with it, leaving whole batches, and running the same file again finishes it).
 * Every rejected row is also written to DATA_DIR/imports/rejected-<job>.csv.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createPubSub } from 'graphql-yoga';
import type { Database } from '../../db/database.js';
import type { Viewer } from '../../access/viewer.js';
import { loadConfig } from '../../config.js';
import { log } from '../../log.js';
import { runAlertRules } from '../alerts/rules.js';
import type { Mapping } from './mapping.js';
import type { RejectedRow } from './rows.js';
import { REJECTED_KEPT, runImport, type ImportFile, type ImportProgress } from './runImport.js';
import type { SourceInput } from './source.js';

export interface ImportJob extends ImportProgress {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  username: string;
  rejectedRows: RejectedRow[];
  reportId: string | null;
  /** The report was there already (the same file, mapping and agency): nothing new was written. */
  importedBefore: boolean;
  error: string | null;
  rejectedFile: string | null;
  endedAt: number | null;
}

const jobs = new Map<string, ImportJob>();
const channel = createPubSub<{ progress: [ImportJob] }>();
const KEEP_MS = 3_600_000;

export function jobFor(id: string, username: string): ImportJob | null {
  const j = jobs.get(id);
  return j && j.username === username ? j : null;
}

/** The job's updates until it ends (the current state first). */
export async function* followJob(job: ImportJob): AsyncGenerator<ImportJob> {
  const source = channel.subscribe('progress');
  const ended = (j: ImportJob) => j.status === 'done' || j.status === 'failed';
  try {
    yield { ...job, rejectedRows: [...job.rejectedRows] };
    if (ended(job)) return;
    const it = source[Symbol.asyncIterator]();
    let next = it.next();
    for (;;) {
      // The job itself is looked at every second too: an update published before this feed was
      // listening is not missed, and a feed never outlives its job.
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((resolve) => (timer = setTimeout(() => resolve('tick'), 1_000)));
      const got = await Promise.race([next, tick]);
      clearTimeout(timer);
      if (got === 'tick') {
        if (ended(job)) {
          yield { ...job, rejectedRows: [...job.rejectedRows] };
          return;
        }
        continue;
      }
      if (got.done) return;
      next = it.next();
      if (got.value.id !== job.id) continue;
      yield got.value;
      if (ended(got.value)) return;
    }
  } finally {
    await source.return?.(undefined);
  }
}

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Starts an import and returns its job at once. */
export function startJob(db: Database, file: ImportFile, mapping: Mapping, source: SourceInput, viewer: Viewer | null, username: string): ImportJob {
  for (const [id, j] of jobs) if (j.endedAt && Date.now() - j.endedAt > KEEP_MS) jobs.delete(id);
  const id = `import-${randomUUID()}`;
  const job: ImportJob = { id, status: 'queued', username, rowsDone: 0, rowsTotal: null, createdEntities: 0, createdLinks: 0, matched: 0, rejectedCount: 0, rejectedRows: [], reportId: null, importedBefore: false, error: null, rejectedFile: null, endedAt: null };
  jobs.set(id, job);
  const publish = () => channel.publish('progress', { ...job, rejectedRows: [...job.rejectedRows] });
  const dir = path.join(loadConfig().dataDir, 'imports');
  let out: fs.WriteStream | null = null;
  const onRejected = (r: RejectedRow) => {
    if (job.rejectedRows.length < REJECTED_KEPT) job.rejectedRows.push(r);
    if (!out) {
      fs.mkdirSync(dir, { recursive: true });
      job.rejectedFile = path.join(dir, `rejected-${id}.csv`);
      out = fs.createWriteStream(job.rejectedFile, { mode: 0o600 });
      out.write('row,column,reason,values\n');
    }
    out.write(`${r.row},${csvCell(r.column ?? '')},${csvCell(r.message)},${csvCell(r.values.join(' | '))}\n`);
  };
  setImmediate(async () => {
    job.status = 'running';
    publish();
    try {
      const result = await runImport(db, file, mapping, source, {
        viewer,
        importedBy: username,
        onRejected,
        onProgress: (p) => {
          Object.assign(job, p);
          publish();
        },
      });
      Object.assign(job, { ...result, status: 'done', rejectedRows: result.rejected, reportId: result.reportId, importedBefore: result.reportExisted });
      // The alert rules look at what the import wrote (a failing rule does not fail the import).
      await runAlertRules(db, null).catch((e) => log.error({ err: e }, 'alert rules after an import failed'));
    } catch (e) {
      job.status = 'failed';
      const code = (e as { extensions?: { code?: string } }).extensions?.code;
      job.error = code === 'BAD_USER_INPUT' ? (e as Error).message : `The import stopped: ${code === 'DATABASE_UNAVAILABLE' ? (e as Error).message : 'an error on the server (logged)'}. Whole batches were written; import the same file again to finish it.`;
      if (code !== 'BAD_USER_INPUT') log.error({ err: e, job: id }, 'import failed');
    } finally {
      (out as fs.WriteStream | null)?.end();
      job.endedAt = Date.now();
      publish();
    }
  });
  return job;
}
