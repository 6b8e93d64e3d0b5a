import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { fetchAuditLog, verifyAudit, type AuditCheck, type AuditEntry, type AuditLogArgs } from '../../api/admin';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { ErrorBanner, type ErrorState } from '../Banners';
import { formatTime, isMutation, plural, readArgs, shortOperation } from './format';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface Filters {
  entityId: string;
  username: string;
  /** As typed; checked before searching. */
  limit: string;
}

const DEFAULT_FILTERS: Filters = { entityId: '', username: '', limit: String(DEFAULT_LIMIT) };

/** The limit as a number, or null when it is not a whole number from 1 to 1000. */
function readLimit(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= MAX_LIMIT ? n : null;
}

/** What a search asks the server; blank filters are left out. */
function toArgs(f: Filters): AuditLogArgs | null {
  const limit = readLimit(f.limit);
  if (limit === null) return null;
  const args: AuditLogArgs = { limit };
  const entityId = f.entityId.trim();
  const username = f.username.trim().toLowerCase();
  if (entityId) args.entityId = entityId;
  if (username) args.username = username;
  return args;
}

interface Results {
  entries: AuditEntry[];
  args: AuditLogArgs;
}

interface Verified {
  check: AuditCheck;
  at: Date;
}

/** What the shown entries are: '42 entries, newest first, that returned or changed E12, by alice'. */
function describeResults({ entries, args }: Results): string {
  let s = `${plural(entries.length, 'entry', 'entries')}, newest first`;
  if (args.entityId) s += `, that returned or changed ${args.entityId}`;
  if (args.username) s += `, by ${args.username}`;
  return s;
}

function EntityCell({ ids, highlight, onFilter }: { ids: string[]; highlight: string | undefined; onFilter(id: string): void }) {
  if (ids.length === 0) return <td className="muted">none</td>;
  return (
    <td className="audit-entities">
      <details>
        <summary title={ids.join('\n')}>{plural(ids.length, 'entity', 'entities')}</summary>
        <ul className="audit-id-list">
          {ids.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={`admin-link-button mono${id === highlight ? ' highlight' : ''}`}
                title={`Who else viewed ${id}: search the log for this entity`}
                onClick={() => onFilter(id)}
              >
                {id}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </td>
  );
}

function ArgsCell({ text }: { text: string }) {
  const a = readArgs(text);
  if (a.empty) return <td className="audit-args muted mono">{a.short || '—'}</td>;
  if (!a.truncated) {
    return (
      <td className="audit-args">
        <code>{a.short}</code>
      </td>
    );
  }
  return (
    <td className="audit-args">
      <details>
        <summary title="Show all the arguments">
          <code>{a.short}</code>
        </summary>
        <pre>{a.full}</pre>
      </details>
    </td>
  );
}

function AuditRow({ e, highlightId, onFilter }: { e: AuditEntry; highlightId: string | undefined; onFilter(id: string): void }) {
  const op = shortOperation(e.operation);
  return (
    <tr data-testid="audit-row" data-seq={e.seq} className={e.outcome !== 'ok' ? 'not-ok' : undefined}>
      <td className="audit-seq mono" title={`hash ${e.hash}\nprevious ${e.prevHash || '(none: first entry)'}`}>
        {e.seq}
      </td>
      <td className="admin-time">
        <time dateTime={e.at} title={e.at}>
          {formatTime(e.at)}
        </time>
      </td>
      <td className="audit-user">
        <span className="audit-username">{e.username}</span> <span className="muted">({e.role})</span>
      </td>
      <td className="audit-purpose">{e.purpose ? e.purpose : <span className="muted">—</span>}</td>
      <td className="audit-operation">
        <span className={`mono${isMutation(e.operation) ? ' op-mutation' : ''}`} title={e.operation}>
          {op}
        </span>
        {e.outcome !== 'ok' && <span className="audit-outcome">{e.outcome}</span>}
      </td>
      <EntityCell ids={e.entityIds} highlight={highlightId} onFilter={onFilter} />
      <ArgsCell text={e.args} />
    </tr>
  );
}

/**
 * The audit log: who consulted or changed what, newest first, filtered by entity ("who viewed
 * this?") and by user; and the check that the chain of entries is intact. Searching the log is
 * itself recorded in it.
 */
export function AuditPanel() {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorState | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [verifying, setVerifying] = useState(false);
  const searchRequest = useRef<AbortController | null>(null);
  const verifyRequest = useRef<AbortController | null>(null);

  const showError = useCallback((err: unknown, what: string, retry: () => void) => {
    // UNAUTHENTICATED: the app shell has already ended the session and shows the sign-in form.
    if (isAbort(err) || isUnauthenticated(err)) return;
    const { message, code } = describeError(err);
    setError({ message: `${what} ${message}`, code, retry });
  }, []);

  const search = useCallback(
    (f: Filters) => {
      const args = toArgs(f);
      if (!args) return;
      // Retry (offered with the error) runs the same search again.
      const run = (): void => {
        searchRequest.current?.abort();
        const ctrl = new AbortController();
        searchRequest.current = ctrl;
        setLoading(true);
        setError(null);
        fetchAuditLog(args, ctrl.signal).then(
          (entries) => {
            if (ctrl.signal.aborted) return;
            setResults({ entries, args });
            setLoading(false);
          },
          (err: unknown) => {
            if (ctrl.signal.aborted) return;
            setLoading(false);
            showError(err, 'The audit log could not be searched.', run);
          },
        );
      };
      run();
    },
    [showError],
  );

  const verify = useCallback(() => {
    // Retry (offered with the error) checks again.
    const run = (): void => {
      verifyRequest.current?.abort();
      const ctrl = new AbortController();
      verifyRequest.current = ctrl;
      setVerifying(true);
      setVerified(null);
      verifyAudit(ctrl.signal).then(
        (check) => {
          if (ctrl.signal.aborted) return;
          setVerified({ check, at: new Date() });
          setVerifying(false);
        },
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          setVerifying(false);
          showError(err, 'The audit chain could not be checked.', run);
        },
      );
    };
    run();
  }, [showError]);

  // The newest entries on opening; later searches are the admin's.
  useEffect(() => {
    search(DEFAULT_FILTERS);
    return () => {
      searchRequest.current?.abort();
      verifyRequest.current?.abort();
    };
  }, [search]);

  const limitOk = readLimit(filters.limit) !== null;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search(filters);
  };
  const filterByEntity = (id: string) => {
    const next = { ...filters, entityId: id, username: '' };
    setFilters(next);
    search(next);
  };
  const filtered = filters.entityId.trim() !== '' || filters.username.trim() !== '';
  const clear = () => {
    const next = { ...DEFAULT_FILTERS, limit: filters.limit };
    setFilters(next);
    search(next);
  };

  const broken = verified && !verified.check.ok ? verified.check : null;
  const checkedAt = verified ? `Checked at ${verified.at.toLocaleTimeString()}` : undefined;
  const atLimit = results !== null && results.args.limit !== undefined && results.entries.length >= results.args.limit;

  return (
    <>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="audit-bar">
        <form className="audit-filters" onSubmit={submit} noValidate aria-label="Search the audit log">
          <div className="admin-field">
            <label htmlFor="audit-entity-input">Who viewed this entity</label>
            <input
              id="audit-entity-input"
              data-testid="audit-entity"
              type="text"
              value={filters.entityId}
              onChange={(e) => set('entityId', e.target.value)}
              placeholder="entity id"
              autoComplete="off"
              spellCheck={false}
              className="mono"
            />
          </div>
          <div className="admin-field">
            <label htmlFor="audit-username-input">Username</label>
            <input
              id="audit-username-input"
              data-testid="audit-username"
              type="text"
              value={filters.username}
              onChange={(e) => set('username', e.target.value)}
              placeholder="anyone"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="admin-field audit-limit">
            <label htmlFor="audit-limit-input">Limit</label>
            <input
              id="audit-limit-input"
              data-testid="audit-limit"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_LIMIT}
              step={1}
              value={filters.limit}
              onChange={(e) => set('limit', e.target.value)}
              aria-invalid={!limitOk}
              aria-describedby={limitOk ? undefined : 'audit-limit-note'}
            />
          </div>
          <div className="audit-actions">
            <button type="submit" className="primary" data-testid="audit-search" disabled={!limitOk} aria-disabled={loading || undefined}>
              {loading ? 'Searching…' : 'Search'}
            </button>
            {filtered && (
              <button type="button" onClick={clear} data-testid="audit-clear">
                Clear filters
              </button>
            )}
            {!limitOk && (
              <span id="audit-limit-note" className="sg-hint">
                The limit is a whole number from 1 to {MAX_LIMIT}.
              </span>
            )}
          </div>
        </form>
        <div className="audit-verify">
          <button
            type="button"
            data-testid="audit-verify"
            onClick={verify}
            aria-disabled={verifying || undefined}
            disabled={verifying}
            title="Recompute every entry's hash and check that each one chains to the one before"
          >
            {verifying ? 'Verifying…' : 'Verify chain'}
          </button>
          {verifying && <span className="spinner small-spinner" aria-label="Verifying the audit chain" />}
          {verified?.check.ok && (
            <span className="verify-ok" role="status" title={checkedAt}>
              <span className="verify-mark" aria-hidden="true">
                ✓
              </span>
              <span data-testid="audit-verify-result">Intact: {plural(verified.check.entries, 'entry', 'entries')}</span>
            </span>
          )}
        </div>
      </div>
      {broken && (
        <div className="verify-broken" role="alert">
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div>
            <strong className="verify-broken-title" data-testid="audit-verify-result" title={checkedAt}>
              BROKEN at entry {broken.brokenAt ?? '?'}
            </strong>
            <p>
              The audit chain does not hold from entry {broken.brokenAt ?? '?'} on ({plural(broken.entries, 'entry', 'entries')} checked): an entry
              there was altered or removed. Keep the database as it is and report this.
            </p>
          </div>
        </div>
      )}

      <section className="admin-section audit-results" aria-label="Audit entries" aria-busy={loading}>
        <div className="admin-section-head">
          <h2>Audit log</h2>
          <span className="muted small" data-testid="audit-summary" aria-live="polite">
            {loading ? (
              <>
                <span className="spinner small-spinner" aria-hidden="true" /> Searching the audit log…
              </>
            ) : results ? (
              <>
                {describeResults(results)}
                {atLimit && ' (the limit: older entries may match; raise the limit to see them)'}
              </>
            ) : null}
          </span>
        </div>
        <div className="admin-table-wrap">
          <table className="admin-table audit-table">
            <thead>
              <tr>
                <th scope="col">Seq</th>
                <th scope="col">Time</th>
                <th scope="col">User (role)</th>
                <th scope="col">Purpose</th>
                <th scope="col">Operation</th>
                <th scope="col">Entities</th>
                <th scope="col">Arguments</th>
              </tr>
            </thead>
            <tbody className={loading && results ? 'stale' : undefined}>
              {results === null ? (
                <tr className="admin-table-state">
                  <td colSpan={7} data-testid={loading ? 'audit-loading' : 'audit-unavailable'}>
                    {loading ? 'Searching the audit log…' : 'The audit log could not be read.'}
                  </td>
                </tr>
              ) : results.entries.length === 0 ? (
                <tr className="admin-table-state">
                  <td colSpan={7} data-testid="audit-empty">
                    {results.args.entityId || results.args.username ? 'No audit entries match these filters.' : 'The audit log is empty.'}
                  </td>
                </tr>
              ) : (
                results.entries.map((e) => <AuditRow key={e.seq} e={e} highlightId={results.args.entityId} onFilter={filterByEntity} />)
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
