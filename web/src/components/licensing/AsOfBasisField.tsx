import type { AsOfBasis } from '../../api/licensing';

/**
 * Beside an as-of date: is the date asked as "what had happened by then" or "what we knew then"
 * (only what reports received, and shared with licensing, by that date support; issue 20 item 9).
 */
export function AsOfBasisField({ id, value, onChange }: { id: string; value: AsOfBasis; onChange(v: AsOfBasis): void }) {
  return (
    <div className="sg-field">
      <label htmlFor={id}>Counting</label>
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => onChange(e.target.value as AsOfBasis)}
        title="Happened by: everything dated on or before the day. Known by: only what licensing had been told by then (reports received and shared with licensing by that day)."
      >
        <option value="HAPPENED">what had happened by then</option>
        <option value="KNOWN">what licensing knew by then</option>
      </select>
    </div>
  );
}
