import { useEffect, useState, type FormEvent } from 'react';
import { describeError, isAbort } from '../../api/errors';
import { fetchReasonCodes, recordChange, type Change, type ReasonCodeOption } from '../../api/notices';
import '../notices/notices.css';

export const KIND_WORDS: Record<string, string> = {
  monitoring_removed: 'Removed from monitoring',
  monitoring_restored: 'Put back on monitoring',
  case_closed: 'Case closed',
  grade_downgraded: 'Grade downgraded',
  risk_downgraded: 'Risk downgraded',
  risk_raised: 'Risk raised',
  report_discounted: 'Report discounted',
  allegation_excluded: 'Left out of an evidence pack',
};

/** Kinds that need a new value, and what to ask for. */
const NEW_VALUE: Record<string, { label: string; options: string[] }> = {
  grade_downgraded: { label: 'New grade', options: ['B', 'C', 'D', 'E', '2', '3'] },
  risk_downgraded: { label: 'New risk level', options: ['medium', 'low'] },
  risk_raised: { label: 'New risk level', options: ['medium', 'high'] },
};

/**
 * The change-with-reason dialog (issue 20, item 5): a reason from the fixed list, the colleague who
 * reviewed it, a note. The server decides; a refusal (pregnancy or being looked after as a reason to
 * stop monitoring a child) is shown in its own plain words, and is kept in the history even so.
 */
export function ChangeDialog({
  kind,
  subjectId,
  subjectLabel,
  onClose,
  onRecorded,
}: {
  kind: string;
  subjectId: string;
  subjectLabel: string;
  onClose(): void;
  /** Called after a change was made, or refused and kept: the history should be read again. */
  onRecorded(change: Change | null): void;
}) {
  const [codes, setCodes] = useState<ReasonCodeOption[] | null>(null);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [reasonCode, setReasonCode] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchReasonCodes(kind, ctrl.signal).then(
      (d) => {
        setCodes(d.reasonCodes);
        setReviewers(d.reviewers);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(`The reasons could not be loaded: ${describeError(err).message}`);
      },
    );
    return () => ctrl.abort();
  }, [kind]);

  const chosen = codes?.find((c) => c.code === reasonCode);
  const newValue = NEW_VALUE[kind];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setRefusal(null);
    try {
      const change = await recordChange({ kind, subjectId, reasonCode, reviewer, note: note.trim() || null, to: newValue ? to : null });
      onRecorded(change);
      onClose();
    } catch (err) {
      const { message } = describeError(err);
      // A refusal is kept on the record: the history shows it; the dialog says why in plain words.
      if (chosen?.refused || /is not a reason to stop monitoring/.test(message)) {
        setRefusal(message);
        onRecorded(null);
      } else setError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="chg-dialog" role="dialog" aria-modal="true" aria-labelledby="chg-title" data-testid="change-dialog">
      <form onSubmit={submit}>
        <h3 id="chg-title">
          {KIND_WORDS[kind] ?? kind}: {subjectLabel}
        </h3>
        <p className="muted small">Nothing is removed silently: give the reason, and the colleague who reviewed this with you. It is recorded, with your name, in the history.</p>
        {newValue && (
          <label>
            {newValue.label}
            <select value={to} onChange={(e) => setTo(e.target.value)} required data-testid="change-to">
              <option value="">Choose…</option>
              {newValue.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Reason
          <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} required data-testid="change-reason">
            <option value="">{codes ? 'Choose a reason…' : 'Loading…'}</option>
            {codes?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reviewed by
          <select value={reviewer} onChange={(e) => setReviewer(e.target.value)} required data-testid="change-reviewer">
            <option value="">Choose a colleague…</option>
            {reviewers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note{chosen?.needsNote ? ' (needed for this reason)' : ' (optional)'}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} data-testid="change-note" />
        </label>
        {refusal && (
          <p className="chg-refusal" role="alert" data-testid="change-refusal">
            <b>Not done.</b> {refusal}
          </p>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="change-error">
            {error}
          </p>
        )}
        <div className="chg-buttons">
          <button type="button" onClick={onClose}>
            {refusal ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || !reasonCode || !reviewer} data-testid="change-submit">
            {busy ? 'Recording…' : 'Record the change'}
          </button>
        </div>
      </form>
    </div>
  );
}
