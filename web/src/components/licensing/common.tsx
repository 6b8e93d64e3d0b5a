import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Entity } from '../../api/entities';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import type { ErrorState } from '../Banners';
import { ErrorBanner } from '../Banners';
import { formatDate, str } from '../safeguarding/format';

/** A date as '20 Nov 2009', or a dash. */
export const day = (v: string | null | undefined) => formatDate(v ?? undefined) ?? '—';

/** 'from 3 Apr 2006 to 1 Jun 2010', 'since 3 Apr 2006'. */
export function spell(from: string | null, to: string | null): string {
  if (from && to) return `${day(from)} – ${day(to)}`;
  if (from) return `since ${day(from)}`;
  if (to) return `until ${day(to)}`;
  return 'dates not recorded';
}

const STATUS_TONE: Record<string, string> = {
  active: 'ok',
  closed: 'ok',
  clear: 'ok',
  suspended: 'warn',
  open: 'warn',
  with_police: 'warn',
  revoked: 'bad',
  refused: 'bad',
  surrendered: 'bad',
  expired: 'muted',
};

/** A status in words and colour; with_police reads as it is meant. */
export function Status({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="muted">—</span>;
  const text = status === 'with_police' ? 'with police' : status;
  return <span className={`status-pill tone-${STATUS_TONE[status] ?? 'muted'}`}>{text}</span>;
}

/** An operator's name as licensing knows it: trading name, and the company behind it. */
export function operatorName(e: Entity): { main: string; sub: string | null } {
  const trading = str(e.properties.tradingName);
  const name = str(e.properties.name);
  const main = trading ?? name ?? e.label ?? e.id;
  return { main, sub: name && name !== main ? name : null };
}

export function Loading({ text }: { text: string }) {
  return (
    <p className="lic-loading" role="status" aria-live="polite" data-testid="lic-loading">
      <span className="spinner small-spinner" aria-hidden="true" /> {text}
    </p>
  );
}

export function PanelError({ error, onDismiss }: { error: ErrorState | null; onDismiss(): void }) {
  return error ? <ErrorBanner error={error} onDismiss={onDismiss} /> : null;
}

/** A titled block of the operator page or driver record, with its count and an empty line. */
export function Block({ title, count, empty, children, testId }: { title: string; count?: number; empty?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="lic-block" data-testid={testId}>
      <h3>
        {title}
        {count !== undefined && <span className="lic-count">{count}</span>}
      </h3>
      {count === 0 && empty ? <p className="empty-inline">{empty}</p> : children}
    </section>
  );
}

/**
 * One request at a time for a panel: a new one aborts the one before, and an aborted request's
 * answer or failure is dropped. `loading` and `error` follow the latest; a lapsed session is left
 * to the app's sign-in (no error here). `failed` starts the error message, `retry` is offered with it.
 */
export function useLatestRequest(initiallyLoading = false) {
  const [loading, setLoading] = useState(initiallyLoading);
  const [error, setError] = useState<ErrorState | null>(null);
  const latest = useRef<AbortController | null>(null);
  useEffect(() => () => latest.current?.abort(), []);
  const run = useCallback(<T,>(fetch: (signal: AbortSignal) => Promise<T>, onAnswer: (answer: T) => void, failed: string, retry: () => void) => {
    latest.current?.abort();
    const ctrl = new AbortController();
    latest.current = ctrl;
    setLoading(true);
    setError(null);
    fetch(ctrl.signal).then(
      (answer) => {
        if (ctrl.signal.aborted) return;
        onAnswer(answer);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err) || ctrl.signal.aborted) return;
        setLoading(false);
        if (isUnauthenticated(err)) return;
        const { message, code } = describeError(err);
        setError({ message: `${failed} ${message}`, code, retry });
      },
    );
  }, []);
  return { loading, error, dismissError: useCallback(() => setError(null), []), run };
}

/** Licences as 'driver DL-123 [revoked] granted 3 Apr 2006, ended 1 Jun 2010'. */
export function LicenceList({ licences }: { licences: Entity[] }) {
  return (
    <ul className="lic-list plain">
      {licences.map((l) => (
        <li key={l.id}>
          {str(l.properties.kind) ?? 'licence'} <span className="mono">{str(l.properties.number) ?? l.id}</span> <Status status={str(l.properties.status)} />{' '}
          <span className="small">
            granted {day(str(l.properties.grantedOn))}
            {str(l.properties.endedOn) ? `, ended ${day(str(l.properties.endedOn))}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
