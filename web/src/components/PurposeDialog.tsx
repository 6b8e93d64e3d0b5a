import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { cleanPurpose, purposeFor, purposeProblem, recentPurposes, setPurpose, subscribePurpose, PURPOSE_MAX } from '../purpose';

/** The working session's purpose for `username`, kept up to date when it is set or cleared. */
export function usePurpose(username: string): string | null {
  return useSyncExternalStore(subscribePurpose, () => purposeFor(username));
}

interface Props {
  username: string;
  /** Heading: "What is this work for?" unless said otherwise (opening a chart). */
  title?: string;
  /** A line under the heading, when the occasion needs one. */
  lead?: string;
  /** The button's words: `changed` is true when the field differs from the purpose in force. */
  submitLabel?(changed: boolean): string;
  /** Called with the purpose, already set for the session and remembered among the recent ones. */
  onDone(purpose: string): void;
  /** Without it there is no way round the question (after sign-in), but for signing out. */
  onCancel?(): void;
  onSignOut?(): void;
}

/**
 * Asks what the work is for, once per working session: after sign-in, from the header's purpose
 * button, and on opening a saved chart (keep or change). The purpose is recorded in the audit log
 * with every read. data-testids: purpose-dialog, purpose-input, purpose-recent, purpose-submit,
 * purpose-cancel, purpose-error.
 */
export function PurposeDialog({ username, title = 'What is this work for?', lead, submitLabel, onDone, onCancel, onSignOut }: Props) {
  const current = purposeFor(username);
  const [text, setText] = useState(current ?? '');
  const [tried, setTried] = useState(false);
  const [recent] = useState(() => recentPurposes(username));
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // Escape cancels where cancelling is possible.
  useEffect(() => {
    if (!onCancel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  const problem = purposeProblem(text);
  const cleaned = cleanPurpose(text);
  const changed = cleaned !== (current ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) {
      input.current?.focus();
      return;
    }
    onDone(setPurpose(username, cleaned));
  };

  return (
    <div className="overlay purpose-overlay" role="dialog" aria-modal="true" aria-labelledby="purpose-title" data-testid="purpose-dialog">
      <form className="overlay-card purpose-card" onSubmit={submit} noValidate>
        <h2 id="purpose-title">{title}</h2>
        {lead && <p className="purpose-lead">{lead}</p>}
        <label htmlFor="purpose-input" className="purpose-label">
          Purpose <span className="muted small">e.g. Operation Central review, licence renewal of driver X</span>
        </label>
        <input
          ref={input}
          id="purpose-input"
          data-testid="purpose-input"
          type="text"
          value={text}
          maxLength={PURPOSE_MAX}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={tried && problem ? true : undefined}
          aria-describedby="purpose-note"
        />
        {tried && problem && (
          <p className="error-text small" role="alert" data-testid="purpose-error">
            {problem}
          </p>
        )}
        {recent.length > 0 && (
          <div className="purpose-recent" role="group" aria-label="Recent purposes">
            <span className="muted small">Recent:</span>
            {recent.map((r) => (
              <button key={r} type="button" className="chip" data-testid="purpose-recent" aria-pressed={cleaned === r} onClick={() => setText(r)}>
                {r}
              </button>
            ))}
          </div>
        )}
        <p id="purpose-note" className="muted small">
          Recorded in the audit log with everything you open until you change it or sign out. Change it from the header when the work changes.
        </p>
        <div className="purpose-actions">
          <button type="submit" className="primary" data-testid="purpose-submit">
            {submitLabel ? submitLabel(changed) : 'Continue'}
          </button>
          {onCancel && (
            <button type="button" data-testid="purpose-cancel" onClick={onCancel}>
              Cancel
            </button>
          )}
          {onSignOut && (
            <button type="button" className="link-button" data-testid="purpose-signout" onClick={onSignOut}>
              Sign out
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
