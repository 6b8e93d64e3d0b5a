import { type FormEvent } from 'react';
import type { ChildSummary } from '../../api';
import { childOption } from './format';

export interface MeetingQuery {
  childId: string;
  purpose: string;
  /** YYYY-MM-DD; blank means today (the server's default). */
  asOf: string;
  hops: number;
}

interface Props {
  value: MeetingQuery;
  onChange(next: MeetingQuery): void;
  onShow(): void;
  /** Null while the list is loading (or could not be loaded). */
  children: ChildSummary[] | null;
  childrenLoading: boolean;
}

const HOPS = [1, 2, 3] as const;
/** The server refuses a shorter purpose ('x' is not a reason anyone can audit). */
export const PURPOSE_MIN = 3;

/** Why Show is not available yet; null when it is. */
export function missingInput(q: MeetingQuery): string | null {
  const child = q.childId !== '';
  const purpose = q.purpose.trim();
  if (!child && !purpose) return 'Choose the child and state the purpose first.';
  if (!child) return 'Choose the child first.';
  if (!purpose) return 'State the purpose first: it goes in the audit log.';
  if (purpose.length < PURPOSE_MIN) return `The purpose needs at least ${PURPOSE_MIN} characters: it goes in the audit log.`;
  return null;
}

/** Which child, why (for the audit log), as of when, and how far out. */
export function MeetingForm({ value, onChange, onShow, children, childrenLoading }: Props) {
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
          disabled={childrenLoading || !children}
          required
        >
          <option value="">
            {childrenLoading ? 'Loading children…' : !children ? 'List of children not available' : children.length ? 'Choose a child…' : 'No children available'}
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
      </div>
    </form>
  );
}
