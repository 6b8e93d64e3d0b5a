import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../../api/errors';
import { acknowledgeDelivery, fetchDeliveries, fetchMyActions, type Delivery, type MeetingAction } from '../../api/meetings';
import { day } from '../licensing/common';
import { ActionList } from './ActionList';
import './meetings.css';

/**
 * Licensing's actions from meetings: those assigned to licensing, open ones first (or all), each
 * with its status and history and a form to update it. Children appear only as descriptors, and an
 * action's text about a child only as its agency released it (the server's rule).
 */
export function LicensingActions() {
  const [status, setStatus] = useState<'open' | 'done' | 'dropped'>('open');
  const [actions, setActions] = useState<MeetingAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    setActions(null);
    fetchMyActions(status, ctrl.signal).then(setActions, (e: unknown) => !isAbort(e) && setError(describeError(e).message));
    return () => ctrl.abort();
  }, [status]);
  const overdue = actions?.filter((a) => a.overdue).length ?? 0;
  return (
    <div className="lic-section" data-testid="licensing-actions">
      <div className="lic-section-head">
        <h2>Actions for licensing</h2>
        <p className="muted small">What meetings asked licensing to do, with due dates. Overdue ones are in red; record what was done, or why it was dropped.</p>
        <label>
          Show{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid="actions-filter">
            <option value="open">open</option>
            <option value="done">done</option>
            <option value="dropped">dropped</option>
          </select>
        </label>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!actions && !error && <p className="muted">Loading actions…</p>}
      {actions && status === 'open' && overdue > 0 && (
        <p className="mtg-late" data-testid="actions-overdue-count">
          {overdue} of {actions.length} open actions are overdue.
        </p>
      )}
      {actions && (
        <ActionList
          actions={actions}
          editable
          showMeeting
          empty={`No ${status} action for licensing.`}
          onChanged={(a) => setActions((list) => (list ? (a.status === status ? list.map((x) => (x.id === a.id ? a : x)) : list.filter((x) => x.id !== a.id)) : list))}
        />
      )}
    </div>
  );
}

const KIND_WORDS: Record<string, string> = { concerns_grid: 'Concerns grid', notice_notification: 'Notice notification', evidence_pack: 'Evidence pack', other: 'Delivery' };

function AcknowledgeForm({ delivery, onDone }: { delivery: Delivery; onDone(d: Delivery): void }) {
  const [decision, setDecision] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="mtg-action-update"
      data-testid="ack-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        acknowledgeDelivery(delivery.id, decision.trim())
          .then(onDone, (err: unknown) => setError(describeError(err).message))
          .finally(() => setSaving(false));
      }}
    >
      <label className="mtg-grow">
        What you decided{' '}
        <input value={decision} onChange={(e) => setDecision(e.target.value)} placeholder="e.g. taken to the licensing committee; operator to be reviewed" data-testid="ack-decision" />
      </label>
      <button type="submit" className="primary" disabled={saving} data-testid="ack-save">
        {saving ? 'Saving…' : 'Acknowledge receipt'}
      </button>
      {error && (
        <span className="error-text" role="alert" data-testid="ack-error">
          {error}
        </span>
      )}
    </form>
  );
}

/**
 * What other agencies sent to the caller's agency: unacknowledged first (escalated ones marked),
 * each acknowledged with what was decided; the acknowledged ones below with who received them.
 */
export function DeliveriesInbox() {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((signal?: AbortSignal) => fetchDeliveries('INBOX', signal).then(setDeliveries, (e: unknown) => !isAbort(e) && setError(describeError(e).message)), []);
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);
  const waiting = deliveries?.filter((d) => d.status === 'unacknowledged') ?? [];
  const done = deliveries?.filter((d) => d.status !== 'unacknowledged') ?? [];
  const row = (d: Delivery) => (
    <li key={d.id} className={`mtg-action${d.status === 'unacknowledged' ? ' overdue' : ''}`} data-testid="delivery" data-delivery={d.id} data-status={d.status}>
      <div className="mtg-action-head">
        <span className={`status-pill tone-${d.status === 'unacknowledged' ? 'bad' : 'ok'}`}>{d.status === 'unacknowledged' ? 'to acknowledge' : 'acknowledged'}</span>
        <b>{KIND_WORDS[d.deliveryKind] ?? d.deliveryKind}</b>
        <span>{d.title ?? <span className="muted">title withheld: it concerns a child you may not see</span>}</span>
      </div>
      <div className="small mtg-action-meta">
        <span>
          From {d.fromAgency} ({d.fromRole}), sent by {d.sentBy} on {day(d.sentAt.slice(0, 10))}
        </span>
        {d.subjects.length > 0 && <span>About: {d.subjects.map((s) => s.label).join('; ')}</span>}
        {d.note && <span>Note: {d.note}</span>}
        {d.escalatedAt && (
          <span className="mtg-late" data-testid="delivery-escalated">
            Escalated {day(d.escalatedAt.slice(0, 10))}
            {d.escalatedTo.length ? ` to ${d.escalatedTo.join(', ')}` : ''} for want of an acknowledgement
          </span>
        )}
        {d.receivedBy && (
          <span>
            Received by {d.receivedBy} on {day((d.receivedAt ?? '').slice(0, 10))}: {d.decision ?? <span className="muted">decision withheld</span>}
          </span>
        )}
      </div>
      {d.status === 'unacknowledged' && <AcknowledgeForm delivery={d} onDone={(nd) => setDeliveries((list) => list?.map((x) => (x.id === nd.id ? nd : x)) ?? null)} />}
    </li>
  );
  return (
    <div className="lic-section" data-testid="deliveries-inbox">
      <div className="lic-section-head">
        <h2>Deliveries to acknowledge</h2>
        <p className="muted small">
          What other agencies sent to yours: concerns grids, notice notifications, evidence packs. Acknowledge each with what you decided; one left unacknowledged is escalated to the
          sender and to your managers.
        </p>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!deliveries && !error && <p className="muted">Loading deliveries…</p>}
      {deliveries && (
        <>
          <h3>Waiting for acknowledgement ({waiting.length})</h3>
          {waiting.length ? <ul className="mtg-actions">{waiting.map(row)}</ul> : <p className="empty-inline">Nothing waiting.</p>}
          <h3>Acknowledged ({done.length})</h3>
          {done.length ? <ul className="mtg-actions">{done.map(row)}</ul> : <p className="empty-inline">None yet.</p>}
        </>
      )}
    </div>
  );
}
