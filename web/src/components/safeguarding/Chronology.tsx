import { useMemo } from 'react';
import type { Entity } from '../../api/entities';
import { chronologyRow, type ChronologyContext } from './format';

interface Props {
  records: Entity[];
  /** What the child's network adds (on whom each notice was served). */
  context: ChronologyContext;
  selectedId: string | null;
  /** True when the record is on the chart (then the item selects it there). */
  onChart(id: string): boolean;
  onSelect(id: string, label: string): void;
}

/** Dated records about the child, oldest first, as the server sends them. */
export function Chronology({ records, context, selectedId, onChart, onSelect }: Props) {
  const rows = useMemo(() => records.map((e) => chronologyRow(e, context)), [records, context]);
  if (rows.length === 0) {
    return <p className="muted">Nothing dated is recorded about this child up to this date.</p>;
  }
  return (
    <ol className="sg-list sg-chronology">
      {rows.map((r, i) => {
        const selectable = onChart(r.id);
        const selected = selectedId === r.id;
        const alerts = r.facts.some((f) => f.alert);
        return (
          <li
            key={`${r.id}:${i}`}
            data-testid="sg-chronology-item"
            data-id={r.id}
            className={`sg-item sg-chrono tone-${r.tone}${alerts ? ' has-alert' : ''}${selected ? ' selected' : ''}${selectable ? ' selectable' : ''}`}
            onClick={selectable ? () => onSelect(r.id, r.kind) : undefined}
          >
            <div className="sg-chrono-head">
              <time className="sg-date" dateTime={r.iso ?? undefined} title={r.iso ?? undefined}>
                {r.date ?? 'no date'}
              </time>
              {selectable ? (
                <button type="button" className="sg-kind sg-item-button" aria-pressed={selected} title="Select on the chart">
                  {r.kind}
                </button>
              ) : (
                <span className="sg-kind">{r.kind}</span>
              )}
            </div>
            <p className="sg-chrono-text">{r.text}</p>
            {r.facts.length > 0 && (
              <div className="sg-facts">
                {r.facts.map((f, j) => (
                  <span key={j} className={`sg-fact${f.alert ? ' alert' : ''}`}>
                    {f.alert && (
                      <span className="sg-alert-mark" aria-hidden="true">
                        !
                      </span>
                    )}
                    {f.text}
                  </span>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
