import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { fetchOperatorRisk, type OperatorRiskRow, type RiskArgs } from '../../api/licensing';
import { todayIso } from '../safeguarding/format';
import { day, Loading, operatorName, PanelError, useLatestRequest } from './common';
import { Trend, trendScale } from './Trend';
import { AsOfBasisField } from './AsOfBasisField';

const TOPS = [10, 20, 50, 100];

/** Operators ranked by concerns in a period, as of a date; a click opens the operator's page. */
export function OperatorsPanel({ onOpen }: { onOpen(operatorId: string, asOf: string): void }) {
  const [form, setForm] = useState<RiskArgs>(() => ({ from: '', to: '', asOf: todayIso(), top: 20 }));
  const [shown, setShown] = useState<{ rows: OperatorRiskRow[]; args: RiskArgs } | null>(null);
  const { loading, error, dismissError, run } = useLatestRequest();

  const load = useCallback(
    (args: RiskArgs): void => {
      // Retry (offered with the error) asks the same again.
      const ask = (): void => run((signal) => fetchOperatorRisk(args, signal), (rows) => setShown({ rows, args }), 'The operators could not be ranked.', ask);
      ask();
    },
    [run],
  );

  // The ranking as of today on first sight.
  useEffect(() => {
    load(form);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const badRange = form.from !== '' && form.to !== '' && form.from > form.to;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange) load(form);
  };
  const set = <K extends keyof RiskArgs>(k: K, v: RiskArgs[K]) => setForm((f) => ({ ...f, [k]: v }));
  const scale = useMemo(() => trendScale((shown?.rows ?? []).map((r) => r.detail.trend ?? {})), [shown]);
  const period = shown
    ? `${shown.args.from ? `from ${day(shown.args.from)}` : 'all dates'}${shown.args.to ? ` to ${day(shown.args.to)}` : ''}, ${shown.args.asOfBasis === 'KNOWN' ? 'known to licensing by' : 'as of'} ${shown.args.asOf ? day(shown.args.asOf) : 'today'}`
    : '';

  return (
    <div className="lic-section">
      <div className="lic-section-head">
        <h2 id="operators-heading">Operators ranked by concerns</h2>
        <p className="muted small">
          Concerns are incidents that name the operator, involve one of its vehicles, or have one of its drivers party to them while driving for it. Children are
          counted, never named.
        </p>
      </div>
      <form className="lic-form" onSubmit={submit} aria-label="Operator ranking">
        <div className="sg-field">
          <label htmlFor="risk-from">Concerns from</label>
          <input id="risk-from" data-testid="risk-from" type="date" value={form.from} onChange={(e) => set('from', e.target.value)} title="Blank: from the earliest record" />
        </div>
        <div className="sg-field">
          <label htmlFor="risk-to">to</label>
          <input id="risk-to" data-testid="risk-to" type="date" value={form.to} onChange={(e) => set('to', e.target.value)} title="Blank: up to the as-of date" aria-invalid={badRange} />
        </div>
        <div className="sg-field">
          <label htmlFor="risk-asof">As of</label>
          <input id="risk-asof" data-testid="risk-asof" type="date" value={form.asOf} onChange={(e) => set('asOf', e.target.value)} title="Records dated after this day are left out. Blank: today." />
        </div>
        <AsOfBasisField id="risk-basis" value={form.asOfBasis ?? 'HAPPENED'} onChange={(v) => set('asOfBasis', v)} />
        <div className="sg-field">
          <label htmlFor="risk-top">Show</label>
          <select id="risk-top" value={form.top} onChange={(e) => set('top', Number(e.target.value))}>
            {TOPS.map((t) => (
              <option key={t} value={t}>
                top {t}
              </option>
            ))}
          </select>
        </div>
        <div className="sg-actions">
          <button type="submit" className="primary" data-testid="risk-show" disabled={badRange || loading}>
            Rank
          </button>
          {badRange && <span className="sg-hint">The start date is after the end date.</span>}
          {loading && <Loading text="Ranking operators…" />}
        </div>
      </form>
      <PanelError error={error} onDismiss={dismissError} />
      {shown && (
        <div className="lic-table-wrap">
          <table className="admin-table lic-table" data-testid="operators-table" aria-describedby="operators-period">
            <caption id="operators-period" className="lic-caption">
              {shown.rows.length} operators · {period}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">Operator</th>
                <th scope="col" className="num">Concerns</th>
                <th scope="col" className="num">Meetings</th>
                <th scope="col" className="num" title="Child abduction notices served on its drivers">Notices on drivers</th>
                <th scope="col" className="num">Complaints</th>
                <th scope="col" className="num">Drivers</th>
                <th scope="col" className="num">Vehicles</th>
                <th scope="col" className="num" title="Children concerned: a count only">Children</th>
                <th scope="col">Concerns per year{scale.years.length ? ` (${scale.years[0]}–${scale.years[scale.years.length - 1]})` : ''}</th>
              </tr>
            </thead>
            <tbody className={loading ? 'stale' : undefined}>
              {shown.rows.length === 0 && (
                <tr className="admin-table-state">
                  <td colSpan={10} data-testid="operators-empty">
                    No operators hold records for this period. Widen the dates, or clear them.
                  </td>
                </tr>
              )}
              {shown.rows.map((r, i) => {
                const n = operatorName(r.entity);
                const d = r.detail;
                return (
                  <tr key={r.entity.id} className="selectable" data-testid="operator-row" data-id={r.entity.id} onClick={() => onOpen(r.entity.id, shown.args.asOf)}>
                    <td className="num muted">{i + 1}</td>
                    <td>
                      <button
                        type="button"
                        className="admin-link-button"
                        data-testid="operator-open"
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(r.entity.id, shown.args.asOf);
                        }}
                      >
                        {n.main}
                      </button>
                      {n.sub && <div className="muted small">{n.sub}</div>}
                    </td>
                    <td className={`num strong${d.concerns > 0 ? ' hot' : ''}`}>{d.concerns}</td>
                    <td className="num">{d.meetings}</td>
                    <td className={`num${d.noticesOnDrivers > 0 ? ' hot' : ''}`}>{d.noticesOnDrivers}</td>
                    <td className="num">{d.complaints}</td>
                    <td className="num">{d.drivers}</td>
                    <td className="num">{d.vehicles}</td>
                    <td className="num">{d.children}</td>
                    <td>
                      <Trend trend={d.trend ?? {}} years={scale.years} max={scale.max} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!shown && !loading && !error && <p className="empty-inline">Press Rank to list the operators.</p>}
    </div>
  );
}
