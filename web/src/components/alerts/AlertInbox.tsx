import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import type { Alert } from '../../api/alerts';
import { ErrorBanner } from '../Banners';
import type { AlertsState } from './useAlerts';

/** Each rule in words a tired reader takes in at a glance. */
export const RULE_TITLES: Record<string, string> = {
  notice_on_licensed: 'Notice served on a licensed driver',
  found_at_notice_premises: 'Missing child found where a notice was served',
  second_notice: 'Second notice on the same person',
  linked_children: 'Person linked to several children',
  renewal_while_open: 'Licence renewed with cases open',
  successor_operator: 'Suspected successor operator',
};

type Filter = 'open' | 'acknowledged' | 'all';
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'open', label: 'Open' },
  { key: 'acknowledged', label: 'Acknowledged' },
  { key: 'all', label: 'All' },
];

/** "25 Nov 2026, 14:03" in the browser's time zone; the ISO text when unreadable. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function FeedStatus({ feed }: { feed: AlertsState['feed'] }) {
  const text = feed.state === 'live' ? 'Live' : feed.state === 'connecting' ? 'Connecting…' : 'Offline';
  return (
    <span className={`feed-state feed-${feed.state}`} data-testid="alerts-feed-state" data-state={feed.state} title={feed.detail ?? 'New alerts appear here as they are raised.'}>
      <span className="feed-dot" aria-hidden="true" /> {text}
      {feed.state === 'offline' && feed.detail && <span className="visually-hidden">: {feed.detail}</span>}
    </span>
  );
}

function AlertItem({ alert, fresh, onAcknowledge }: { alert: Alert; fresh: boolean; onAcknowledge(note: string): Promise<void> }) {
  const [acking, setAcking] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const open = alert.status === 'open';

  useEffect(() => {
    if (acking) noteRef.current?.focus();
  }, [acking]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge(note);
      setAcking(false);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`alert-item ${open ? 'open' : 'acknowledged'}${fresh && open ? ' fresh' : ''}`}
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-rule={alert.rule}
      data-status={alert.status}
    >
      <div className="alert-head">
        <span className="alert-title">{RULE_TITLES[alert.rule] ?? alert.rule}</span>
        {fresh && open && <span className="badge new">new</span>}
        <span className={`alert-status ${alert.status}`} data-testid="alert-status">
          {open ? 'open' : 'acknowledged'}
        </span>
        <time className="alert-time" dateTime={alert.raisedAt}>
          {formatTime(alert.raisedAt)}
        </time>
      </div>
      <p className="alert-summary">{alert.summary}</p>
      {!open && (
        <p className="alert-ack muted small" data-testid="alert-ack-info">
          Acknowledged by {alert.acknowledgedBy ?? 'someone'} {formatTime(alert.acknowledgedAt)}
          {alert.note ? (
            <>
              : <q data-testid="alert-note-text">{alert.note}</q>
            </>
          ) : (
            ' (no note)'
          )}
        </p>
      )}
      {open && !acking && (
        <button type="button" data-testid="alert-ack-open" onClick={() => setAcking(true)}>
          Acknowledge…
        </button>
      )}
      {open && acking && (
        <form className="alert-ack-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && !busy && setAcking(false)}>
          <label htmlFor={`note-${alert.id}`}>Note (what was done, optional)</label>
          <textarea
            id={`note-${alert.id}`}
            ref={noteRef}
            data-testid="alert-note"
            value={note}
            maxLength={2000}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            placeholder="e.g. Driver suspended pending review"
          />
          <div className="button-row">
            <button type="submit" className="primary" data-testid="alert-ack-confirm" disabled={busy}>
              {busy ? 'Acknowledging…' : 'Acknowledge'}
            </button>
            <button type="button" onClick={() => setAcking(false)} disabled={busy}>
              Cancel
            </button>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

/** The inbox: open alerts first, a filter, the live-feed state, acknowledge with a note. */
export function AlertInbox({ state, headingId }: { state: AlertsState; headingId?: string }) {
  const [filter, setFilter] = useState<Filter>('open');
  const { alerts, loading, error, feed, fresh, open } = state;
  const shown = (alerts ?? []).filter((a) => filter === 'all' || a.status === filter);
  const acknowledged = (alerts ?? []).length - open;

  return (
    <section className="alert-inbox" data-testid="alerts-inbox" aria-labelledby={headingId ?? 'alerts-heading'}>
      <div className="alert-inbox-head">
        <h2 id={headingId ?? 'alerts-heading'}>Alerts</h2>
        <FeedStatus feed={feed} />
        <div className="segmented" role="group" aria-label="Show alerts">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              data-testid={`alerts-filter-${f.key}`}
              aria-pressed={filter === f.key}
              onClick={() => setFilter(f.key)}
            >
              {f.label}
              {f.key === 'open' ? ` (${open})` : f.key === 'acknowledged' ? ` (${acknowledged})` : ''}
            </button>
          ))}
        </div>
        <button type="button" onClick={state.reload} disabled={loading} title="Read the inbox again from the server">
          Refresh
        </button>
      </div>
      {error && <ErrorBanner error={error} onDismiss={state.reload} />}
      {alerts === null && loading && (
        <p className="muted" role="status">
          <span className="spinner small-spinner" aria-hidden="true" /> Loading alerts…
        </p>
      )}
      {alerts !== null && shown.length === 0 && (
        <p className="empty-inline" data-testid="alerts-empty">
          {filter === 'open' ? 'No open alerts. New ones appear here as soon as they are raised.' : filter === 'acknowledged' ? 'Nothing acknowledged yet.' : 'No alerts for your role.'}
        </p>
      )}
      <ul className="alert-list" aria-live="polite">
        {shown.map((a) => (
          <AlertItem key={a.id} alert={a} fresh={fresh.has(a.id)} onAcknowledge={(note) => state.acknowledge(a.id, note)} />
        ))}
      </ul>
    </section>
  );
}
