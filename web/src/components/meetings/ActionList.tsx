import { useState } from 'react';
import { describeError } from '../../api/errors';
import { updateAction, type MeetingAction } from '../../api/meetings';
import { day } from '../licensing/common';
import './meetings.css';

const STATUS_WORDS: Record<string, string> = { open: 'open', done: 'done', dropped: 'dropped' };

/** An action's status in words and colour; an open one past its date says so. */
export function ActionStatus({ action }: { action: Pick<MeetingAction, 'status' | 'overdue'> }) {
  const tone = action.overdue ? 'bad' : action.status === 'open' ? 'warn' : action.status === 'done' ? 'ok' : 'muted';
  return (
    <span className={`status-pill tone-${tone}`} data-testid="action-status">
      {action.overdue ? 'overdue' : (STATUS_WORDS[action.status] ?? action.status)}
    </span>
  );
}

/** What an action says, or why it says nothing. */
function ActionText({ action }: { action: MeetingAction }) {
  if (action.text) return <span className="mtg-action-text">{action.text}</span>;
  return <span className="muted">Text withheld: it concerns a child you may not see, and no version was released for sharing.</span>;
}

/** The change form of one action: status, outcome, new due date. */
function ActionUpdate({ action, onSaved }: { action: MeetingAction; onSaved(a: MeetingAction): void }) {
  const [status, setStatus] = useState(action.status);
  const [outcome, setOutcome] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await updateAction(action.id, status, outcome.trim() || null, dueOn || null);
      setOutcome('');
      setDueOn('');
      onSaved(saved);
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="mtg-action-update"
      data-testid="action-update"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Status{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="action-status-select">
          <option value="open">open</option>
          <option value="done">done</option>
          <option value="dropped">dropped</option>
        </select>
      </label>
      <label className="mtg-grow">
        Outcome{' '}
        <input value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder={status === 'open' ? 'progress so far (optional)' : 'what came of it (needed)'} data-testid="action-outcome" />
      </label>
      <label>
        New due date <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} data-testid="action-due" />
      </label>
      <button type="submit" className="primary" disabled={saving} data-testid="action-save">
        {saving ? 'Saving…' : 'Save change'}
      </button>
      {error && (
        <span className="error-text" role="alert" data-testid="action-error">
          {error}
        </span>
      )}
    </form>
  );
}

/**
 * Actions as a list: what, who owns it, when due, status (overdue in red), the items it is about,
 * and its history; with `editable`, a form to change its status, outcome or due date.
 */
export function ActionList({ actions, editable, empty, showMeeting, onChanged }: { actions: MeetingAction[]; editable: boolean; empty: string; showMeeting?: boolean; onChanged?(a: MeetingAction): void }) {
  const [open, setOpen] = useState<string | null>(null);
  if (!actions.length) return <p className="empty-inline" data-testid="actions-empty">{empty}</p>;
  return (
    <ul className="mtg-actions" data-testid="action-list">
      {actions.map((a) => (
        <li key={a.id} className={`mtg-action${a.overdue ? ' overdue' : ''}`} data-testid="action" data-action={a.id} data-status={a.status} data-overdue={a.overdue ? 'yes' : 'no'}>
          <div className="mtg-action-head">
            <ActionStatus action={a} />
            <ActionText action={a} />
          </div>
          <div className="small mtg-action-meta">
            <span>
              Owner: <b>{a.owner}</b>
            </span>
            <span>
              Due: <b className={a.overdue ? 'mtg-late' : undefined}>{day(a.dueOn)}</b>
            </span>
            {showMeeting && a.meeting && <span>From: {a.meeting.label}</span>}
            {a.items.length > 0 && <span>About: {a.items.map((i) => i.label).join('; ')}</span>}
            {a.outcome && <span>Outcome: {a.outcome}</span>}
          </div>
          <button type="button" className="admin-link-button small" onClick={() => setOpen(open === a.id ? null : a.id)} aria-expanded={open === a.id}>
            {open === a.id ? 'Hide history' : editable ? `History (${a.history.length}) and update` : `History (${a.history.length})`}
          </button>
          {open === a.id && (
            <div className="mtg-action-more">
              <ol className="mtg-history small" data-testid="action-history">
                {a.history.map((h, i) => (
                  <li key={i}>
                    {new Date(h.at).toLocaleString('en-GB')} — {h.by}: {h.status}
                    {h.dueOn ? `, due ${day(h.dueOn)}` : ''}
                    {h.outcome ? ` — ${h.outcome}` : ''}
                  </li>
                ))}
              </ol>
              {editable && <ActionUpdate action={a} onSaved={(s) => onChanged?.(s)} />}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
