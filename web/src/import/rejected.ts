/** The rejected rows of a preview or an import, as a table and as a CSV to take away. Pure. */
import { csvCell } from '../chart/dataExport';

export interface RejectedRow {
  row: number;
  column: string | null;
  message: string;
  values: (string | null)[] | null;
}

/**
 * One line per rejected row: row, column, why, then the row's own values (so the file can be
 * corrected and imported again). Cells go through the chart export's csvCell: quoted, formulas
 * neutralised.
 */
export function rejectedCsv(rows: readonly RejectedRow[]): string {
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  const header = ['row', 'column', 'message', ...Array.from({ length: width }, (_, i) => `value ${i + 1}`)];
  const lines = [header, ...rows.map((r) => [r.row, r.column ?? '', r.message, ...Array.from({ length: width }, (_, i) => r.values?.[i] ?? '')])];
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** "calls.csv" → "calls-rejected.csv". */
export function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]+$/, '').replace(/[^\w.-]+/g, '_') || 'import';
  return `${base}-rejected.csv`;
}

/** The column as people read it: "column caller", or "the row" when the whole row failed. */
export const whereText = (r: Pick<RejectedRow, 'column'>): string => (r.column ? `column “${r.column}”` : 'the whole row');
