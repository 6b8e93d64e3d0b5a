import { download } from '../chart/export';
import { rejectedCsv, rejectedFileName, type RejectedRow } from './rejected';

/** Rejected rows: row, column, why; downloadable as CSV with their values. */
export function RejectedTable({ rows, total, fileName, testId }: { rows: readonly RejectedRow[]; total: number; fileName: string; testId: string }) {
  if (total === 0) return <p className="muted" data-testid={`${testId}-none`}>No rows were rejected.</p>;
  return (
    <div className="import-rejected" data-testid={testId}>
      <div className="import-table-wrap" tabIndex={0} aria-label="Rejected rows">
        <table className="import-table">
          <caption className="visually-hidden">Rejected rows</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Why</th>
              <th scope="col">Values</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid={`${testId}-row`}>
                <td>{r.row}</td>
                <td>{r.column ?? <span className="muted">(whole row)</span>}</td>
                <td className="import-why-cell">{r.message}</td>
                <td className="muted small">{(r.values ?? []).filter((v) => v !== null && v !== '').join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import-actions">
        <button type="button" onClick={() => download(rejectedFileName(fileName), rejectedCsv(rows), 'text/csv;charset=utf-8')} data-testid={`${testId}-download`}>
          Download the rejected rows (CSV)
        </button>
        {rows.length < total && <span className="muted small">The first {rows.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} are listed and downloaded.</span>}
      </div>
    </div>
  );
}
