import { useEffect, useState } from 'react';
import { KIND_STYLES } from '../chart/kinds';
import { isFiltering, NO_FILTERS, type Filters } from '../chart/filters';
import { KindBadge } from './KindBadge';
import './FilterPanel.css';

interface Props {
  filters: Filters;
  onChange(f: Filters): void;
  /** Style keys and link types on the chart now: only those are offered. */
  kinds: string[];
  linkTypes: string[];
  sourceTypes: string[];
  /** What the filters take out of view now. */
  outOfView: { nodes: number; links: number };
}

const GRADES = ['A', 'B', 'C', 'D', 'E', 'ungraded'];
const GRADE_HINT: Record<string, string> = {
  A: 'known to be true without reservation',
  B: 'known personally to the source',
  C: 'not known personally, corroborated',
  D: 'cannot be judged',
  E: 'suspected false or malicious',
  ungraded: 'no report known behind the link',
};

/** A date the chart can filter by: '' (no bound) or a whole ISO date in a plausible year. */
export function usableDate(v: string): boolean {
  if (v === '') return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) <= 2100 && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
}

/**
 * A date input that hands on only usable dates. While a year is being typed the browser reports
 * "0002-…", "0020-…" or a six-digit year; those stay in the box (marked invalid) and never reach
 * the chart or the timeline, which would draw them at NaN.
 */
function DateInput({ value, onDate, testId, label }: { value: string; onDate(v: string): void; testId: string; label: string }) {
  const [typed, setTyped] = useState(value);
  // A change from outside (the timeline brush, "Clear filters") replaces what is in the box.
  useEffect(() => setTyped(value), [value]);
  const invalid = !usableDate(typed);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="date"
        data-testid={testId}
        min="1900-01-01"
        max="2100-12-31"
        value={typed}
        aria-invalid={invalid}
        onChange={(e) => {
          setTyped(e.target.value);
          if (usableDate(e.target.value) && e.target.value !== value) onDate(e.target.value);
        }}
      />
    </label>
  );
}

const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/**
 * Filters of the chart. Ticked means shown. Filters hide (class `filtered`), never remove: lifting
 * one brings the items back where they were. data-testids: filter-kind-<Kind>, filter-link-<TYPE>,
 * filter-from, filter-to, filter-grade-<G>, filter-source-<type>, filter-clear, filter-status.
 */
export function FilterPanel({ filters: f, onChange, kinds, linkTypes, sourceTypes, outOfView }: Props) {
  const active = isFiltering(f);
  return (
    <section className="panel-section filter-panel" aria-label="Filters">
      <p className={active ? 'filter-status active' : 'filter-status'} data-testid="filter-status">
        {active ? `Filtered out: ${outOfView.nodes} entities, ${outOfView.links} links.` : 'No filter: everything on the chart is shown.'}
      </p>
      <button data-testid="filter-clear" disabled={!active} onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>

      <h3>Dates</h3>
      <div className="date-range">
        <DateInput label="From" testId="filter-from" value={f.from} onDate={(from) => onChange({ ...f, from })} />
        <DateInput label="To" testId="filter-to" value={f.to} onDate={(to) => onChange({ ...f, to })} />
      </div>
      <p className="muted small">Dated records (incidents, notices, meetings, licences, reports, dated links) outside the range are hidden; undated ones stay.</p>

      <h3>Kinds</h3>
      {kinds.length === 0 && <p className="muted small">Nothing on the chart.</p>}
      <div className="checks">
        {kinds.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" data-testid={`filter-kind-${k}`} checked={!f.kinds.includes(k)} onChange={() => onChange({ ...f, kinds: toggle(f.kinds, k) })} />
            <KindBadge kind={k} /> {KIND_STYLES.find((s) => s.key === k)?.name ?? k}
          </label>
        ))}
      </div>

      <h3>Link types</h3>
      <div className="checks">
        {linkTypes.map((t) => (
          <label key={t} className="check mono small">
            <input type="checkbox" data-testid={`filter-link-${t}`} checked={!f.linkTypes.includes(t)} onChange={() => onChange({ ...f, linkTypes: toggle(f.linkTypes, t) })} />
            {t}
          </label>
        ))}
      </div>

      <h3>Grade of the reports behind links</h3>
      <div className="checks">
        {GRADES.map((g) => (
          <label key={g} className="check" title={GRADE_HINT[g]}>
            <input type="checkbox" data-testid={`filter-grade-${g}`} checked={!f.grades.includes(g)} onChange={() => onChange({ ...f, grades: toggle(f.grades, g) })} />
            {g === 'ungraded' ? 'ungraded' : `${g} — ${GRADE_HINT[g]}`}
          </label>
        ))}
      </div>

      <h3>Source type</h3>
      {sourceTypes.length === 0 && <p className="muted small">No graded reports known on this chart yet.</p>}
      <div className="checks">
        {sourceTypes.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" data-testid={`filter-source-${s}`} checked={!f.sourceTypes.includes(s)} onChange={() => onChange({ ...f, sourceTypes: toggle(f.sourceTypes, s) })} />
            {s.replace('_', ' ')}
          </label>
        ))}
      </div>
    </section>
  );
}
