/**
 * The server's import API (server/modules/imports, `imports.graphql`): upload a file (a GraphQL
 * multipart request), mappings, preview, start, follow the job (GraphQL over server-sent events
 * through the app's transport, as the alerts feed; polling `importJob` when the stream is not there).
 */
import { ApiError, gql, purposeHeader, readAnswer, readToken, stream, type Entity, type Json } from '../api';
import { TypedDocumentString } from '../gql/graphql';
import { multipartBody } from './multipart';
import type { RejectedRow } from './rejected';

export interface ImportUpload {
  id: string;
  fileName: string;
  fileKind: string;
  sheets: string[];
  columns: string[];
  rowCount: number | null;
  sampleRows: (string | null)[][];
}

export interface ImportMapping {
  id: string;
  name: string;
  builtIn: boolean;
  /** The mapping as YAML. */
  text: string;
}

export interface ImportMatch {
  key: string;
  entity: Entity;
  reason: string;
}

export interface ImportPreviewEntity {
  key: string;
  kind: string;
  label: string;
  properties: Record<string, Json> | null;
  match: ImportMatch | null;
}

export interface ImportPreviewLink {
  type: string;
  from: string;
  to: string;
  properties: Record<string, Json> | null;
}

export interface ImportPreviewRow {
  row: number;
  entities: ImportPreviewEntity[];
  links: ImportPreviewLink[];
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  rejected: RejectedRow[];
  entityCount: number;
  linkCount: number;
  matchedCount: number;
}

export interface ImportJob {
  id: string;
  /** queued | running | done | failed (the server's words; anything else is shown as it is). */
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  createdEntities: number;
  createdLinks: number;
  matched: number;
  rejectedCount: number;
  rejected?: RejectedRow[];
  reportId: string | null;
  /** The same file had been imported before as this report: nothing new was written. */
  importedBefore?: boolean;
  error: string | null;
}

const ENTITY = 'id kind label labels properties sources';
const REJECTED = 'row column message values';
const JOB = 'id status rowsDone rowsTotal createdEntities createdLinks matched rejectedCount reportId importedBefore error';

/** The signed-in user's agency (the grading form's default owner). */
export async function fetchAgency(signal?: AbortSignal): Promise<string | null> {
  const data = await gql<{ me: { agency: string | null } | null }>('query MeAgency { me { agency } }', {}, signal);
  return data.me?.agency ?? null;
}

export async function fetchMappings(signal?: AbortSignal): Promise<ImportMapping[]> {
  const data = await gql<{ importMappings: ImportMapping[] }>('query ImportMappings { importMappings { id name builtIn text } }', {}, signal);
  return data.importMappings;
}

export async function saveMapping(name: string, text: string, signal?: AbortSignal): Promise<ImportMapping> {
  const data = await gql<{ saveImportMapping: ImportMapping }>(
    'mutation SaveImportMapping($name: String!, $text: String!) { saveImportMapping(name: $name, text: $text) { id name builtIn text } }',
    { name, text },
    signal,
  );
  return data.saveImportMapping;
}

export async function previewImport(uploadId: string, mapping: string, rows = 20, signal?: AbortSignal): Promise<ImportPreview> {
  const data = await gql<{ previewImport: ImportPreview }>(
    `query PreviewImport($uploadId: ID!, $mapping: String!, $rows: Int) {
      previewImport(uploadId: $uploadId, mapping: $mapping, rows: $rows) {
        rows { row entities { key kind label properties match { key reason entity { ${ENTITY} } } } links { type from to properties } }
        rejected { ${REJECTED} }
        entityCount linkCount matchedCount
      }
    }`,
    { uploadId, mapping, rows },
    signal,
  );
  return data.previewImport;
}

export async function startImport(uploadId: string, mapping: string, source: Record<string, string | number>, signal?: AbortSignal): Promise<ImportJob> {
  const data = await gql<{ startImport: ImportJob }>(
    `mutation StartImport($uploadId: ID!, $mapping: String!, $source: ImportSourceInput!) {
      startImport(uploadId: $uploadId, mapping: $mapping, source: $source) { ${JOB} }
    }`,
    { uploadId, mapping, source },
    signal,
  );
  return data.startImport;
}

/** The job now; with its rejected rows (at most `first`) when asked. */
export async function fetchJob(id: string, withRejected = false, signal?: AbortSignal, first = 1000): Promise<ImportJob | null> {
  const data = await gql<{ importJob: ImportJob | null }>(
    `query ImportJob($id: ID!, $first: Int) { importJob(id: $id) { ${JOB} ${withRejected ? `rejected(first: $first) { ${REJECTED} }` : ''} } }`,
    withRejected ? { id, first } : { id },
    signal,
  );
  return data.importJob;
}

const UPLOAD = /* GraphQL */ `
  mutation UploadImportFile($file: File!) {
    uploadImportFile(file: $file) { id fileName fileKind sheets columns rowCount sampleRows }
  }
`;

/** The upload's answer: its data, or an ApiError with the server's messages (a 413 said in words). */
async function answer<T>(res: Response): Promise<T> {
  const read = await readAnswer<T>(res);
  if ('data' in read) return read.data;
  if (res.status === 413 && !read.error.errors.length) throw new ApiError('The file is larger than the server accepts.', { code: 'REQUEST_TOO_LARGE', status: 413 });
  throw read.error;
}

/** Uploads the file (multipart POST to /graphql with the session's token and purpose). */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<ImportUpload> {
  const token = readToken();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      // No Content-Type: the browser writes multipart/form-data with its boundary. The preflight
      // header tells graphql-yoga's CSRF check that this is not a plain form post.
      headers: { Accept: 'application/json', 'x-graphql-yoga-csrf': 'upload', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...purposeHeader() },
      body: multipartBody(UPLOAD, { file: null }, [{ variable: 'file', file }]),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Cannot reach the server. Check the connection, or that the service is running.', { code: 'NETWORK' });
  }
  return (await answer<{ uploadImportFile: ImportUpload }>(res)).uploadImportFile;
}

export interface ProgressHandlers {
  onJob(job: ImportJob): void;
  /** 'live' over the stream, 'polling' when the stream is not available. */
  onMode?(mode: 'live' | 'polling'): void;
}

export const isFinished = (job: Pick<ImportJob, 'status'>): boolean => /^(done|failed|finished|complete|completed|error|cancelled)$/i.test(job.status);

const PROGRESS = new TypedDocumentString<{ importProgress: ImportJob }, { jobId: string }>(
  `subscription ImportProgress($jobId: ID!) { importProgress(jobId: $jobId) { ${JOB} } }`,
);

/**
 * One pass over the subscription, through the app's one SSE transport (api/transport.ts `stream`,
 * as the alerts feed): resolves with the last job seen when the stream ends or the job finishes.
 */
async function streamProgress(jobId: string, h: ProgressHandlers, signal: AbortSignal): Promise<ImportJob | null> {
  const ctrl = new AbortController();
  const stop = () => ctrl.abort();
  signal.addEventListener('abort', stop, { once: true });
  let last: ImportJob | null = null;
  try {
    await stream(
      PROGRESS,
      { jobId },
      {
        onOpen: () => h.onMode?.('live'),
        onData: (d) => {
          last = d.importProgress;
          // The finished job is shown once, with its rejected rows (followImport asks for them).
          if (isFinished(last)) ctrl.abort();
          else h.onJob(last);
        },
      },
      ctrl.signal,
    );
  } catch (err) {
    // Our own stop at the finish is not a failure.
    if (!(ctrl.signal.aborted && !signal.aborted && last && isFinished(last))) throw err;
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return last;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Follows a job until it finishes (or `signal` aborts): the `importProgress` stream first; if it
 * cannot be opened or ends early, `importJob` every second. Resolves with the finished job, its
 * rejected rows included.
 */
export async function followImport(jobId: string, h: ProgressHandlers, signal: AbortSignal): Promise<ImportJob | null> {
  let last: ImportJob | null = null;
  try {
    last = await streamProgress(jobId, h, signal);
  } catch (err) {
    if (signal.aborted) return null;
    // A refusal stops here; anything else (no stream, a dropped connection) falls back to polling.
    if (err instanceof ApiError && (err.code === 'FORBIDDEN' || err.code === 'UNAUTHENTICATED')) throw err;
  }
  if (!last || !isFinished(last)) h.onMode?.('polling');
  while (!signal.aborted && (!last || !isFinished(last))) {
    const job = await fetchJob(jobId, false, signal);
    if (!job) throw new ApiError('The server no longer knows this import job.', { code: 'NOT_FOUND' });
    last = job;
    if (isFinished(job)) break;
    h.onJob(job);
    await wait(1000, signal);
  }
  if (signal.aborted) return null;
  const full = await fetchJob(jobId, true, signal).catch((err: unknown) => {
    if (signal.aborted) throw err;
    return null; // the counts at least
  });
  const end = full ?? last;
  if (end) h.onJob(end);
  return end;
}
