import { isFinished, type ImportJob } from './importApi';
import { RejectedTable } from './RejectedTable';

interface Props {
  /** What will happen, in words, before the start. */
  plan: string;
  /** Why the import cannot start yet (null: it can). */
  blocked: string | null;
  starting: boolean;
  job: ImportJob | null;
  mode: 'live' | 'polling' | null;
  error: string | null;
  fileName: string;
  opening: boolean;
  onStart(): void;
  onOpen(): void;
  onAnother(): void;
}

const n = (k: number) => k.toLocaleString('en-GB');

/** The share done, 0–100, or null while the total is unknown. */
export function percent(job: Pick<ImportJob, 'rowsDone' | 'rowsTotal' | 'status'>): number | null {
  if (isFinished(job) && /done|finished|complete/i.test(job.status)) return 100;
  if (!job.rowsTotal) return null;
  return Math.min(100, Math.floor((job.rowsDone / job.rowsTotal) * 100));
}

/** Step 5: start, progress, and what the import made. */
export function ImportStep({ plan, blocked, starting, job, mode, error, fileName, opening, onStart, onOpen, onAnother }: Props) {
  const finished = !!job && isFinished(job);
  const failed = !!job && finished && /fail|error|cancel/i.test(job.status);
  const pct = job ? percent(job) : null;
  return (
    <>
      {!job && (
        <>
          <p className="import-plan" data-testid="import-plan">
            {plan}
          </p>
          <div className="import-actions">
            <button type="button" className="primary" onClick={onStart} disabled={!!blocked || starting} aria-describedby={blocked ? 'import-start-why' : undefined} data-testid="import-start">
              {starting ? 'Starting…' : 'Start the import'}
            </button>
            {blocked && (
              <span id="import-start-why" className="import-why" data-testid="import-start-why">
                {blocked}
              </span>
            )}
          </div>
        </>
      )}
      {job && (
        <section aria-label="Progress" className="import-progress" data-testid="import-progress" data-mode={mode ?? ''}>
          <label htmlFor="import-progress-bar" className="import-progress-label">
            {finished ? (failed ? 'The import stopped.' : 'The import is done.') : job.status === 'queued' ? 'Waiting to start…' : 'Importing…'}
          </label>
          <progress id="import-progress-bar" max={100} value={pct ?? undefined} data-testid="import-progress-bar" data-status={job.status} />
          <p className="import-status" aria-live="polite" data-testid="import-progress-text">
            {n(job.rowsDone)}
            {job.rowsTotal !== null ? ` of ${n(job.rowsTotal)}` : ''} rows{pct !== null ? ` (${pct} %)` : ''}
            {!finished && mode === 'polling' && <span className="muted"> · checking every second (the live feed is not available)</span>}
          </p>
        </section>
      )}
      {(error || (failed && job?.error)) && (
        <p className="import-error" role="alert" data-testid="import-error">
          {error ?? `The import stopped: ${job!.error}`}
        </p>
      )}
      {job && finished && (
        <section aria-label="Summary" data-testid="import-summary">
          <h3>What the import made</h3>
          {job.importedBefore && (
            <p className="import-note" role="status" data-testid="import-before">
              This file had been imported before, as the same report: nothing new was written, and the report keeps the source and grading it was first given.
            </p>
          )}
          <dl className="import-counts">
            <div>
              <dt>Entities created</dt>
              <dd data-testid="import-created-entities">{n(job.createdEntities)}</dd>
            </div>
            <div>
              <dt>Links created</dt>
              <dd data-testid="import-created-links">{n(job.createdLinks)}</dd>
            </div>
            <div>
              <dt>Matched to existing entities</dt>
              <dd data-testid="import-matched">{n(job.matched)}</dd>
            </div>
            <div className={job.rejectedCount ? 'warn' : undefined}>
              <dt>Rows rejected</dt>
              <dd data-testid="import-rejected-count">{n(job.rejectedCount)}</dd>
            </div>
          </dl>
          {job.rejectedCount > 0 && <h3>Rejected rows</h3>}
          <RejectedTable rows={job.rejected ?? []} total={job.rejectedCount} fileName={fileName} testId="import-rejected" />
          <div className="import-actions">
            <button type="button" className="primary" onClick={onOpen} disabled={!job.reportId || opening} aria-describedby={!job.reportId ? 'import-open-why' : undefined} data-testid="import-open-chart">
              {opening ? 'Opening…' : 'Show the imported entities on the chart'}
            </button>
            {!job.reportId && (
              <span id="import-open-why" className="import-why">
                The import made no report to open.
              </span>
            )}
            <button type="button" onClick={onAnother} data-testid="import-another">
              Import another file
            </button>
          </div>
        </section>
      )}
    </>
  );
}
