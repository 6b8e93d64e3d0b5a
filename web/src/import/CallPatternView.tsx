import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../api';
import { dayBars, fetchCallPattern, hourBars, patternSummary, type Bar, type CallPattern } from './callPattern';
import './import.css';

/** Simple bars, tallest = full height; each bar's count on hover and for screen readers. */
function Bars({ bars, label, every }: { bars: readonly Bar[]; label: string; every: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="call-bars" aria-label={label}>
      <div className="call-bars-plot" role="list">
        {bars.map((b, i) => (
          <div key={i} className="call-bar" role="listitem" title={b.title} aria-label={b.title}>
            <span style={{ height: `${(b.value / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <div className="call-bars-axis" aria-hidden="true">
        {bars.map((b, i) => (
          <span key={i}>{i % every === 0 ? b.label : ''}</span>
        ))}
      </div>
    </figure>
  );
}

/** The calls behind a CONTACTED link, in the details panel: per day and per hour of the day. */
export function CallPatternView({ a, b, aLabel }: { a: string; b: string; aLabel: string }) {
  const [state, setState] = useState<{ key: string; pattern?: CallPattern | null; error?: string } | null>(null);
  const key = `${a}|${b}`;
  useEffect(() => {
    const ctrl = new AbortController();
    fetchCallPattern(a, b, ctrl.signal).then(
      (pattern) => setState({ key, pattern }),
      (err: unknown) => !isAbort(err) && setState({ key, error: describeError(err).message }),
    );
    return () => ctrl.abort();
  }, [a, b, key]);

  const here = state?.key === key ? state : null;
  if (!here) return <p className="muted small">Loading the calls…</p>;
  if (here.error) return <p className="error-text small">The calls could not be read: {here.error}</p>;
  const p = here.pattern;
  if (!p || p.calls === 0) return <p className="muted small" data-testid="call-pattern-none">No call records you can see behind this link.</p>;
  const days = dayBars(p.perDay);
  return (
    <section className="call-pattern" data-testid="call-pattern">
      <h3>Calls</h3>
      <p className="small" data-testid="call-pattern-summary">
        {patternSummary(p, aLabel)}
      </p>
      <h4>{days.unit === 'week' ? 'Per week' : 'Per day'}</h4>
      <Bars bars={days.bars} label={days.unit === 'week' ? 'Calls per week' : 'Calls per day'} every={Math.max(1, Math.ceil(days.bars.length / 3))} />
      <h4>By hour of the day</h4>
      <Bars bars={hourBars(p.perHour)} label="Calls by hour of the day" every={6} />
    </section>
  );
}
