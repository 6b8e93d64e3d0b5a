/**
 * The holder's screen (issue 20 item 4): reviews due, the restrictions the user's team holds,
 * access requests to answer (grant, or refuse with a reason), and the user's own requests with
 * their answers. Route /restrictions.
 */
import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../../api/errors';
import { answerAccessRequest, fetchRestrictions, reviewRestriction, type AccessRequest, type Restriction } from '../../api/restrictions';
import type { User } from '../../api/session';
import { dayText } from '../../chart/withheld';
import './restrictions.css';

const SCOPE: Record<string, string> = { Report: 'report', Entity: 'record', Operation: 'whole operation' };

function ReviewButton({ r, onDone }: { r: Restriction; onDone(): void }) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="answer"
      onSubmit={(e) => {
        e.preventDefault();
        reviewRestriction(r.id, date).then(onDone, (err: unknown) => setError(describeError(err).message));
      }}
    >
      <label>
        Reviewed: next review on <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required data-testid={`review-date-${r.id}`} />
      </label>
      <button type="submit" disabled={!date}>
        Record review
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}

function AnswerForm({ req, onDone }: { req: AccessRequest; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const answer = (grant: boolean) => answerAccessRequest(req.id, grant, reason).then(onDone, (err: unknown) => setError(describeError(err).message));
  return (
    <div className="answer">
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (needed to refuse)" aria-label="Reason for your answer" maxLength={1000} data-testid={`answer-reason-${req.id}`} />
      <button type="button" className="primary" onClick={() => void answer(true)} data-testid={`grant-${req.id}`}>
        Grant
      </button>
      <button type="button" onClick={() => (reason.trim() ? void answer(false) : setError('Give a reason to refuse: the requester sees it.'))} data-testid={`refuse-${req.id}`}>
        Refuse
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function RestrictionsScreen({ user, onSignOut, onBack }: { user: User; onSignOut(): void; onBack(): void }) {
  const [data, setData] = useState<{ restrictions: Restriction[]; requests: AccessRequest[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchRestrictions(ctrl.signal).then(setData, (e: unknown) => !isAbort(e) && setError(describeError(e).message));
    return () => ctrl.abort();
  }, [reload]);
  const again = () => setReload((n) => n + 1);

  const held = data?.restrictions.filter((r) => r.held) ?? [];
  const granted = data?.restrictions.filter((r) => !r.held) ?? [];
  const due = held.filter((r) => r.overdue);
  const toAnswer = data?.requests.filter((q) => q.status === 'pending' && q.requester !== user.username) ?? [];
  const answered = data?.requests.filter((q) => q.status !== 'pending' && q.requester !== user.username) ?? [];
  const mine = data?.requests.filter((q) => q.requester === user.username) ?? [];

  return (
    <div className="app rst-app" data-testid="restrictions-screen">
      <header className="topbar">
        <div className="brand">
          Link chart <span className="operation"> · Restrictions</span>
        </div>
        <nav aria-label="Restrictions">
          <button type="button" onClick={onBack} data-testid="rst-back">
            Back
          </button>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </nav>
      </header>
      <main>
        {error && (
          <p className="error" role="alert">
            Could not load restrictions: {error}
          </p>
        )}
        {!data && !error && <p className="muted">Loading…</p>}
        {data && (
          <>
            <section data-testid="reviews-due">
              <h2>Reviews due ({due.length})</h2>
              {due.length === 0 ? (
                <p className="empty">No review is overdue.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>Restriction</th>
                      <th>Since</th>
                      <th>Review was due</th>
                      <th>Reason</th>
                      <th>Review</th>
                    </tr>
                  </thead>
                  <tbody>
                    {due.map((r) => (
                      <tr key={r.id} className="overdue" data-testid="review-due">
                        <td>
                          {SCOPE[r.scope] ?? r.scope} {r.targetId}
                          <div className="muted small">{r.id}</div>
                        </td>
                        <td>{dayText(r.since)}</td>
                        <td>
                          {dayText(r.reviewDue)} <span className="badge overdue">overdue</span>
                        </td>
                        <td>{r.reason}</td>
                        <td>
                          <ReviewButton r={r} onDone={again} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section data-testid="requests-to-answer">
              <h2>Access requests to answer ({toAnswer.length})</h2>
              {toAnswer.length === 0 ? (
                <p className="empty">No one is waiting for an answer from your team.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>Who</th>
                      <th>Asks to see</th>
                      <th>Why</th>
                      <th>Answer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {toAnswer.map((q) => (
                      <tr key={q.id} data-testid="request-to-answer">
                        <td>
                          {q.requester}
                          <div className="muted small">
                            {[q.requesterTeam, q.requesterAgency].filter(Boolean).join(', ') || 'no team'} · asked {dayText(q.requestedAt)}
                          </div>
                        </td>
                        <td>{q.flag}</td>
                        <td>{q.reason}</td>
                        <td>
                          <AnswerForm req={q} onDone={again} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section data-testid="held-restrictions">
              <h2>Restrictions your team holds ({held.length})</h2>
              {held.length === 0 ? (
                <p className="empty">Your team holds no restriction. (A restriction belongs to a team: an administrator sets yours.)</p>
              ) : (
                <table>
                  <tbody>
                    {held.map((r) => (
                      <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                        <td>
                          {SCOPE[r.scope] ?? r.scope} {r.targetId}
                        </td>
                        <td>{r.reason}</td>
                        <td>
                          since {dayText(r.since)}, review due {dayText(r.reviewDue)}
                          {r.overdue && <span className="badge overdue">overdue</span>}
                        </td>
                        <td>{r.pendingRequests > 0 ? `${r.pendingRequests} request${r.pendingRequests > 1 ? 's' : ''} waiting` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {answered.length > 0 && (
                <p className="muted small">
                  Answered: {answered.map((q) => `${q.requester} ${q.status}${q.answer ? ` (${q.answer})` : ''}`).join('; ')}
                </p>
              )}
            </section>

            <section data-testid="my-requests">
              <h2>Your requests ({mine.length})</h2>
              {mine.length === 0 ? (
                <p className="empty">You have not asked for access to anything. Ask from a restricted item's flag (select it on the chart).</p>
              ) : (
                <ul>
                  {mine.map((q) => (
                    <li key={q.id} data-testid="my-request">
                      {q.flag}: <strong>{q.status}</strong>
                      {q.answer && <> — “{q.answer}”</>}
                      {q.answeredBy && <span className="muted small"> (by {q.answeredBy})</span>}
                    </li>
                  ))}
                </ul>
              )}
              {granted.length > 0 && <p className="muted small">You were granted access to {granted.length} restricted item{granted.length > 1 ? 's' : ''}.</p>}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
