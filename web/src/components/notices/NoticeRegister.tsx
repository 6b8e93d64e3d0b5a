import { useEffect, useState } from 'react';
import type { Entity } from '../../api/entities';
import { describeError, isAbort } from '../../api/errors';
import { fetchNoticeRegister, type NoticeEntry, type NoticeRegister as Register } from '../../api/notices';
import { ErrorBanner, type ErrorState } from '../Banners';
import { day, Loading } from '../licensing/common';
import { str } from '../safeguarding/format';
import './notices.css';

const KIND_WORDS: Record<string, string> = {
  sighting: 'seen together',
  missing: 'missing episode',
  concern: 'concern',
  crime: 'crime',
  complaint: 'complaint',
  threat: 'threat',
  phone_call: 'phone call',
  phone_contact: 'calls between their phones',
  handset_contact: 'number saved in a handset',
  knows: 'known to each other',
};

/** A person or child as the server gave it: other children are descriptors ("looked-after girl, 14"). */
const named = (e: Entity | null | undefined) => (e ? (str(e.properties?.descriptor) ?? e.label) : 'not recorded');

function Breaches({ entry }: { entry: NoticeEntry }) {
  if (!entry.breaches.length) return <span className="muted">none found</span>;
  return (
    <ul className="ntc-breaches" aria-label={`Breaches of notice ${entry.notice.id}`}>
      {entry.breaches.map((b, i) => (
        <li key={`${b.evidenceId ?? 'link'}-${i}`} data-testid="notice-breach">
          <b>{day(b.date)}</b> {KIND_WORDS[b.kind] ?? b.kind.replace(/_/g, ' ')}
          {b.evidenceId && <span className="muted small"> ({b.evidenceId})</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The notice register (issue 20, item 3): every child abduction notice the user may see, newest
 * first, breached ones highlighted with their evidence, repeat subjects counted. Breaches are worked
 * out by the server on each request from what the graph holds.
 */
export function NoticeRegister() {
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [register, setRegister] = useState<Register | null>(null);
  const [error, setError] = useState<ErrorState | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetchNoticeRegister(breachedOnly, ctrl.signal).then(
      (r) => {
        setRegister(r);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError({ ...describeError(err), message: `The notice register could not be loaded: ${describeError(err).message}`, retry: () => setAttempt((n) => n + 1) });
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [breachedOnly, attempt]);

  return (
    <div className="ntc-register" data-testid="notice-register">
      <div className="ntc-head">
        <h2>Child abduction notices</h2>
        {register && (
          <p className="ntc-summary" data-testid="notice-summary">
            <b>{register.notices.length}</b> {breachedOnly ? 'breached' : ''} notice{register.notices.length === 1 ? '' : 's'} shown ·{' '}
            <b className={register.breachedNotices ? 'ntc-alarm' : undefined}>{register.breachedNotices}</b> breached ({register.breaches} piece{register.breaches === 1 ? '' : 's'} of evidence) ·{' '}
            <b>{register.repeatSubjects.length}</b> repeat subject{register.repeatSubjects.length === 1 ? '' : 's'}
          </p>
        )}
        {register && <p className="muted small">{register.scope} A breach is anything dated after the notice was served that joins its subject and the child: seen together, a missing episode, an incident, a call or a saved number.</p>}
        <label className="ntc-filter">
          <input type="checkbox" checked={breachedOnly} onChange={(e) => setBreachedOnly(e.target.checked)} data-testid="breached-only" /> Breached notices only
        </label>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {loading && !register && <Loading text="Loading the notice register…" />}
      {register && register.repeatSubjects.length > 0 && (
        <section className="ntc-repeats" data-testid="repeat-subjects" aria-label="Repeat subjects">
          <h3>Served more than once</h3>
          <ul>
            {register.repeatSubjects.map((s) => (
              <li key={s.subject.id}>
                <b>{named(s.subject)}</b> — {s.notices} notices ({s.noticeIds.join(', ')})
              </li>
            ))}
          </ul>
        </section>
      )}
      {register && register.notices.length === 0 && (
        <p className="empty-inline" data-testid="notice-empty">
          {breachedOnly ? 'No notice on the register has been breached.' : 'No child abduction notices are on the register for you.'}
        </p>
      )}
      {register && register.notices.length > 0 && (
        <table className="ntc-table">
          <thead>
            <tr>
              <th scope="col">Notice</th>
              <th scope="col">Served</th>
              <th scope="col">Served on</th>
              <th scope="col">Protects</th>
              <th scope="col">Licensing told</th>
              <th scope="col">Breaches</th>
            </tr>
          </thead>
          <tbody>
            {register.notices.map((e) => (
              <tr key={e.notice.id} className={e.breaches.length ? 'ntc-breached' : undefined} data-testid="notice-row" data-id={e.notice.id} data-breached={e.breaches.length > 0}>
                <td>
                  <b>{e.notice.id}</b>
                  {e.breaches.length > 0 && <span className="ntc-badge">breached</span>}
                </td>
                <td>
                  {day(e.servedOn)}
                  {e.servedAt && <div className="muted small">at {named(e.servedAt)}</div>}
                </td>
                <td>
                  {named(e.subject)}
                  {e.subjectNoticeCount >= 2 && (
                    <span className="ntc-badge repeat" data-testid="repeat-badge">
                      {e.subjectNoticeCount} notices
                    </span>
                  )}
                </td>
                <td>{named(e.child)}</td>
                <td>{e.licensingNotified ? day(e.licensingNotifiedOn) : <span className="ntc-never">never told</span>}</td>
                <td>
                  <Breaches entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
