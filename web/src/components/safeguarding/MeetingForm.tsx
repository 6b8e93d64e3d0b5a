import { type FormEvent } from 'react';
import type { ChildSummary } from '../../api/safeguarding';
import { childOption } from './format';

export interface MeetingQuery {
  /** The child picked from the list (those assigned to the user). */
  childId: string;
  purpose: string;
  /** YYYY-MM-DD; blank means today (the server's default). */
  asOf: string;
  hops: number;
  /** Opening a child not on the user's list: by id, with a reason that is recorded and reviewed. */
  other: boolean;
  otherId: string;
  openReason: string;
}

export const NEW_QUERY: Omit<MeetingQuery, 'purpose' | 'asOf'> = { childId: '', hops: 2, other: false, otherId: '', openReason: '' };

interface Props {
  value: MeetingQuery;
  onChange(next: MeetingQuery): void;
  onShow(): void;
  /** Null while the list is loading (or could not be loaded). */
  children: ChildSummary[] | null;
  childrenLoading: boolean;
  /** The server's refusal of the last view ("This child is not assigned to you…"), shown as it is. */
  refusal?: string | null;
}

const HOPS = [1, 2, 3] as const;
/** The server refuses a shorter purpose ('x' is not a reason anyone can audit). */
export const PURPOSE_MIN = 3;
/** The server refuses a shorter reason to open a child not assigned to the user. */
export const REASON_MIN = 10;

/** The child the view is asked about: picked from the list, or typed in to open one not on it. */
export const childOf = (q: MeetingQuery): string => (q.other ? q.otherId.trim() : q.childId);

/** The reason sent with the view: only when opening a child not on the list, and only when given. */
export const reasonOf = (q: MeetingQuery): string | undefined => (q.other && q.openReason.trim() ? q.openReason.trim() : undefined);

/**
 * Why Show is not available yet; null when it is. A child not on the list may be asked for without
 * a reason: the server opens it when it is assigned after all (the list may be older than the
 * assignment) and otherwise refuses, saying so, and the reason is then asked for.
 */
export function missingInput(q: MeetingQuery): string | null {
  const child = childOf(q) !== '';
  const purpose = q.purpose.trim();
  const what = q.other ? "Enter the child's id" : 'Choose the child';
  if (!child && !purpose) return `${what} and state the purpose first.`;
  if (!child) return `${what} first.`;
  if (!purpose) return 'State the purpose first: it goes in the audit log.';
  if (purpose.length < PURPOSE_MIN) return `The purpose needs at least ${PURPOSE_MIN} characters: it goes in the audit log.`;
  const reason = q.other ? q.openReason.trim() : '';
  if (reason && reason.length < REASON_MIN) return `The reason needs at least ${REASON_MIN} characters: say in a sentence why you need this child.`;
  return null;
}

/** Which child, why (for the audit log), as of when, and how far out. */
export function MeetingForm({ value, onChange, onShow, children, childrenLoading, refusal = null }: Props) {
  const missing = missingInput(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!missing) onShow();
  };
  const set = <K extends keyof MeetingQuery>(key: K, v: MeetingQuery[K]) => onChange({ ...value, [key]: v });

  return (
    <form className="sg-form" onSubmit={submit} aria-label="Strategy meeting" noValidate>
      <div className="sg-field sg-field-child">
        <label htmlFor="sg-child">Child</label>
        <select
          id="sg-child"
          data-testid="sg-child-select"
          value={value.childId}
          onChange={(e) => set('childId', e.target.value)}
          disabled={childrenLoading || !children || value.other}
          required
        >
          <option value="">
            {childrenLoading ? 'Loading children…' : !children ? 'List of children not available' : children.length ? 'Choose a child…' : 'No children are assigned to you'}
          </option>
          {(children ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {childOption(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="sg-field sg-field-purpose">
        <label htmlFor="sg-purpose-input">Purpose</label>
        <input
          id="sg-purpose-input"
          data-testid="sg-purpose"
          type="text"
          value={value.purpose}
          onChange={(e) => set('purpose', e.target.value)}
          placeholder="e.g. Strategy meeting 25/11"
          maxLength={500}
          autoComplete="off"
          required
          aria-describedby="sg-purpose-note"
        />
        <span id="sg-purpose-note" className="visually-hidden">
          Recorded in the audit log with every view of the child.
        </span>
      </div>
      <div className="sg-field">
        <label htmlFor="sg-asof-input">As of</label>
        <input
          id="sg-asof-input"
          data-testid="sg-asof"
          type="date"
          value={value.asOf}
          onChange={(e) => set('asOf', e.target.value)}
          title="Records dated after this day are left out. Blank means today."
        />
      </div>
      <div className="sg-field">
        <label htmlFor="sg-hops-input">Reach</label>
        <select id="sg-hops-input" data-testid="sg-hops" value={value.hops} onChange={(e) => set('hops', Number(e.target.value))}>
          {HOPS.map((h) => (
            <option key={h} value={h}>
              {h} {h === 1 ? 'link' : 'links'}
            </option>
          ))}
        </select>
      </div>
      <div className="sg-actions">
        <button
          type="submit"
          className="primary"
          data-testid="sg-show"
          disabled={missing !== null}
          aria-describedby={missing ? 'sg-show-hint' : undefined}
        >
          Show
        </button>
        {missing && (
          <span id="sg-show-hint" className="sg-hint" data-testid="sg-show-hint">
            {missing}
          </span>
        )}
        <button
          type="button"
          className="link-button sg-other-toggle"
          data-testid="sg-open-other"
          aria-expanded={value.other}
          aria-controls="sg-other"
          onClick={() => onChange({ ...value, other: !value.other, otherId: value.otherId || value.childId })}
        >
          {value.other ? 'Back to my list' : 'Open a child not on my list'}
        </button>
      </div>
      {value.other && (
        <fieldset id="sg-other" className="sg-other" data-testid="sg-other">
          <legend>Open a child not on my list</legend>
          <div className="sg-field">
            <label htmlFor="sg-other-id-input">Child's id</label>
            <input
              id="sg-other-id-input"
              data-testid="sg-other-id"
              type="text"
              value={value.otherId}
              onChange={(e) => set('otherId', e.target.value)}
              placeholder="e.g. per-c05"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
            />
          </div>
          <div className="sg-field sg-field-reason">
            <label htmlFor="sg-open-reason-input">Reason (required, {REASON_MIN} characters or more)</label>
            <input
              id="sg-open-reason-input"
              data-testid="sg-open-reason"
              type="text"
              value={value.openReason}
              onChange={(e) => set('openReason', e.target.value)}
              placeholder="e.g. Covering for the allocated social worker at the 25/11 meeting"
              maxLength={1000}
              autoComplete="off"
              aria-invalid={refusal ? true : undefined}
              aria-describedby="sg-other-note"
            />
          </div>
          <p id="sg-other-note" className="sg-other-note">
            Opening a child who is not assigned to you is recorded in the audit log with your name and this reason, and reviewed.
          </p>
        </fieldset>
      )}
      {refusal && (
        <p className="sg-refusal" role="alert" data-testid="sg-refusal">
          {refusal}
        </p>
      )}
    </form>
  );
}
