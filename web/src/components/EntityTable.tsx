import { useMemo, useState } from 'react';
import { entityRows, rowsCsv, sortRows, type SortKey } from '../chart/entityTable';
import { kindStyle } from '../chart/kinds';
import { fileBase, plural, today } from '../format';
import { recordExport } from '../api/charts';
import { useChart, useWorkspace } from '../store/WorkspaceContext';
import { KindBadge } from './KindBadge';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'kind', label: 'Kind' },
  { key: 'label', label: 'Name / label' },
  { key: 'links', label: 'Links', numeric: true },
  { key: 'date', label: 'Date' },
  { key: 'state', label: 'On view' },
];

/**
 * The chart's entities as a table: sort by any column (click its heading), click a row to select it
 * on the chart, export the table as CSV (audited, as every export). data-testids: entity-table,
 * table-sort-<key>, table-row (data-id), table-export.
 */
export function EntityTable() {
  const { ops } = useWorkspace();
  const version = useChart((s) => s.chart.version);
  const viewTick = useChart((s) => s.chart.viewTick);
  const selected = useChart((s) => s.chart.selectedIds);
  const chartName = useChart((s) => s.session.chartName);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'links', dir: 'desc' });
  const [busy, setBusy] = useState(false);
  const rows = useMemo(
    () => (ops ? sortRows(entityRows(ops.cy), sort.key, sort.dir) : []),
    // version and viewTick stand for the chart's content and visibility.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ops, version, viewTick, sort],
  );
  if (!ops) return null;

  const exportCsv = async () => {
    setBusy(true);
    try {
      // The audit entry first: no entry, no file.
      await recordExport('CSV', rows.map((r) => r.id), chartName);
      const { download } = await import('../chart/export');
      download(`${fileBase(chartName)}-entities-${today()}.csv`, rowsCsv(rows), 'text/csv');
      ops.say(`Exported the table of ${plural(rows.length, 'entity', 'entities')} as CSV; recorded in the audit log.`);
    } catch (err) {
      ops.showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="entity-table" data-testid="entity-table" aria-label="Entities on the chart">
      <div className="entity-table-head">
        <h3>{plural(rows.length, 'entity', 'entities')} on the chart</h3>
        {ops.analyst && (
          <button type="button" data-testid="table-export" disabled={busy || rows.length === 0} onClick={() => void exportCsv()} title="Download this table as CSV, in this order; recorded in the audit log">
            Export CSV
          </button>
        )}
      </div>
      <div className="entity-table-scroll">
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const on = sort.key === c.key;
                return (
                  <th key={c.key} scope="col" aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
                    <button
                      type="button"
                      data-testid={`table-sort-${c.key}`}
                      onClick={() => setSort(on ? { key: c.key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key: c.key, dir: c.numeric ? 'desc' : 'asc' })}
                    >
                      {c.label}
                      <span aria-hidden="true">{on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                data-testid="table-row"
                data-id={r.id}
                className={selected.has(r.id) ? 'selected' : r.state !== 'shown' ? 'out' : undefined}
                aria-selected={selected.has(r.id)}
                onClick={(e) => ops.select(r.id, e.shiftKey)}
              >
                <td className="kind-cell">
                  <KindBadge kind={r.kind} /> {kindStyle(r.kind).name}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={(e) => (e.stopPropagation(), ops.select(r.id, e.shiftKey))}>
                    {r.label}
                  </button>
                  {r.pinned && <span className="muted small"> · pinned</span>}
                </td>
                <td className="num">{r.links}</td>
                <td>{r.date}</td>
                <td>{r.state === 'shown' ? '' : r.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
