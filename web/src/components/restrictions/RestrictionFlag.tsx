/**
 * The existence flag of a record a restriction keeps from the user (issue 20 item 4): who holds
 * it, since when, when it is reviewed, whom to contact, and "Request access". Nothing of the
 * record itself is known here: the server sent only the flag. data-testid: restriction-flag.
 */
import { useState } from 'react';
import type { Json } from '../../api/json';
import { describeError } from '../../api/errors';
import { requestAccess, type AccessRequest } from '../../api/restrictions';
import { dayText } from '../../chart/withheld';
import './restrictions.css';

/** Whether an entity's properties are a restriction's flag (not a report held under conditions). */
export const isRestrictionFlag = (props: Record<string, Json>): boolean => typeof props.restrictionId === 'string';

export function RestrictionFlag({ props, compact = false }: { props: Record<string, Json>; compact?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<AccessRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const restrictionId = String(props.restrictionId);
  const contact = typeof props.contact === 'string' ? props.contact : 'the holding team';
  const reviewDue = typeof props.reviewDue === 'string' ? props.reviewDue : null;
  const overdue = reviewDue !== null && reviewDue < new Date().toISOString().slice(0, 10);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setSent(await requestAccess(restrictionId, reason));
      setAsking(false);
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="restriction-flag" data-testid="restriction-flag">
      <p>
        <strong>Restricted.</strong> Held by {contact}
        {props.heldSince ? <> since {dayText(props.heldSince)}</> : null}
        {reviewDue && (
          <>
            {' '}
            · review due {dayText(reviewDue)}
            {overdue && <span className="badge overdue"> overdue</span>}
          </>
        )}
        .
      </p>
      {!compact && (
        <p className="muted small">
          You see only that it exists. Someone in {contact} may be working on the same person: contact them before you act. They have been told that
          your team reached it.
        </p>
      )}
      {sent ? (
        <p className="restriction-sent" role="status" data-testid="access-requested">
          Access requested ({sent.status}). {contact} will answer; see Restrictions for the answer.
        </p>
      ) : asking ? (
        <form
          className="restriction-ask"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            Why do you need to see it?
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} required data-testid="access-reason" />
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={busy || !reason.trim()} data-testid="access-send">
              Send request
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="primary" onClick={() => setAsking(true)} data-testid="request-access">
          Request access
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
