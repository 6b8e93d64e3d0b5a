import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Entity } from '../api/entities';
import { ApiError, describeError, hasCode, isAbort, isUnauthenticated } from '../api/errors';
import { releaseText } from '../api/graph';
import { releasableFields } from '../chart/withheld';

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'done'; field: string } | { state: 'failed'; message: string };

/** What to say when the release fails: the server's refusal as it is (it names who can release), else the usual. */
function failure(err: unknown): string {
  if (hasCode(err, 'FORBIDDEN') && err instanceof ApiError && err.message) return err.message;
  return describeError(err).message;
}

/**
 * "Write a version for sharing…" (analysts, on a record with free text): the owning agency writes a
 * version of a summary, description, note or title that can be read by those who may not see the
 * protected person it concerns. The original stays as it is. The server refuses anyone else's
 * agency ("Only <agency> can release this record's text."), shown as it says.
 * data-testids: release-text, release-field, release-input, release-submit, release-done, release-error.
 */
export function ReleaseText({ entity }: { entity: Entity }) {
  const fields = releasableFields(entity.properties);
  const [field, setField] = useState(fields[0] ?? '');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const request = useRef<AbortController | null>(null);
  useEffect(() => () => request.current?.abort(), []);
  if (fields.length === 0) return null;

  const original = entity.properties[field];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || status.state === 'busy') return;
    request.current?.abort();
    const ctrl = new AbortController();
    request.current = ctrl;
    setStatus({ state: 'busy' });
    releaseText({ id: entity.id, field, text: text.trim() }, ctrl.signal).then(
      () => {
        if (ctrl.signal.aborted) return;
        setStatus({ state: 'done', field });
        setText('');
      },
      (err: unknown) => {
        if (isAbort(err) || ctrl.signal.aborted || isUnauthenticated(err)) return;
        setStatus({ state: 'failed', message: failure(err) });
      },
    );
  };

  return (
    <details className="release" data-testid="release-text">
      <summary>Write a version for sharing…</summary>
      <form onSubmit={submit}>
        <p className="muted small">
          For those who may not see a protected person this record concerns: they read your version instead of “withheld”. Only the agency that owns the
          record can release it; the original stays as it is, and the release is recorded in the audit log.
        </p>
        {fields.length > 1 && (
          <label className="field-inline">
            <span>Field </span>
            <select
              data-testid="release-field"
              value={field}
              onChange={(e) => {
                setField(e.target.value);
                setStatus({ state: 'idle' });
              }}
            >
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        )}
        {typeof original === 'string' && (
          <div className="original" aria-label={`The ${field} as recorded`}>
            {original}
          </div>
        )}
        <label htmlFor={`release-${entity.id}`} className="small">
          The {field} for sharing: leave out whatever identifies the protected person
        </label>
        <textarea
          id={`release-${entity.id}`}
          data-testid="release-input"
          value={text}
          maxLength={20000}
          onChange={(e) => {
            setText(e.target.value);
            if (status.state !== 'busy') setStatus({ state: 'idle' });
          }}
        />
        <div>
          <button type="submit" className="primary" data-testid="release-submit" disabled={!text.trim() || status.state === 'busy'}>
            {status.state === 'busy' ? 'Releasing…' : `Release this ${field}`}
          </button>
        </div>
        <div aria-live="polite">
          {status.state === 'done' && (
            <p className="small" data-testid="release-done">
              Released: those who may not see the protected person now read your version of the {status.field}. Recorded in the audit log.
            </p>
          )}
          {status.state === 'failed' && (
            <p className="error-text small" role="alert" data-testid="release-error">
              {status.message}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}
