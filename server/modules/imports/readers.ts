/**
 * Reading what analysts receive, row by row, in chunks: CSV (csv-parse, streamed from disk), Excel
 * (exceljs's streaming reader) and vCard contact lists (vcard.ts). A row is its cells as strings
 * and its number as the person who made the file sees it: the line of a CSV, the row of a sheet,
 * the contact's place in a vCard file. No reader holds the whole file's rows in memory.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { readVCards, VCARD_COLUMNS } from './vcard.js';

export type FileKind = 'csv' | 'xlsx' | 'vcf';

export interface SourceRow {
  row: number;
  cells: string[];
  /** Set when the row could not be read at all (a vCard that is not one): the row is rejected with it. */
  problem?: string;
}

export interface ReadOptions {
  sheet?: string;
  headerRow?: number;
  delimiter?: string;
}

export class FileReadError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' };
}

/** Rows handed on per chunk: one await per chunk, not per row. */
const CHUNK = 1_000;

/** The kind of a file from its first bytes and its name: an .xlsx is a zip, a vCard starts BEGIN:VCARD. */
export function detectKind(fileName: string, head: Buffer): FileKind | null {
  const name = fileName.toLowerCase();
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'; // a zip: an Excel workbook (anything else fails to open, saying so)
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(text)) return 'vcf';
  if (name.endsWith('.xls')) return null; // the old binary format: saved as .xlsx or CSV first
  if (head.includes(0)) return null;
  return 'csv';
}

/** Excel cells as text: dates as ISO (YYYY-MM-DDTHH:mm:ss, as written in the sheet), formulas by their result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 19).replace(/T00:00:00$/, '');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
    return '';
  }
  return String(v);
}

function sniffDelimiter(file: string, headerRow: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const line = buf.subarray(0, n).toString('utf8').split(/\r?\n/)[headerRow - 1] ?? '';
    const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
    return counts[0]![1] > 0 ? counts[0]![0] : ',';
  } finally {
    fs.closeSync(fd);
  }
}

/** The sheets of an Excel file, in order (empty for other kinds). */
export async function sheetNames(file: string, kind: FileKind): Promise<string[]> {
  if (kind !== 'xlsx') return [];
  const names: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const ws of reader) {
    names.push(String((ws as unknown as { name: string }).name));
    for await (const _ of ws) {
      // drained: the reader moves on to the next sheet only once this one is read
    }
  }
  return names;
}

/** The column names and the rows below them, in chunks. */
export async function openRows(file: string, kind: FileKind, opts: ReadOptions = {}): Promise<{ columns: string[]; rows: AsyncGenerator<SourceRow[]> }> {
  const headerRow = opts.headerRow ?? 1;
  if (kind === 'vcf') {
    const cards = readVCards(fs.readFileSync(file, 'utf8'));
    async function* rows(): AsyncGenerator<SourceRow[]> {
      for (let i = 0; i < cards.length; i += CHUNK) yield cards.slice(i, i + CHUNK);
    }
    return { columns: [...VCARD_COLUMNS], rows: rows() };
  }
  if (kind === 'csv') return openCsv(file, headerRow, opts.delimiter ?? sniffDelimiter(file, headerRow));
  return openXlsx(file, headerRow, opts.sheet);
}

async function openCsv(file: string, headerRow: number, delimiter: string) {
  const parser = fs.createReadStream(file).pipe(
    parse({ from_line: headerRow, delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, relax_quotes: true, info: true, trim: false }),
  ) as AsyncIterable<{ record: string[]; info: { lines: number } }>;
  const it = parser[Symbol.asyncIterator]();
  let first: IteratorResult<{ record: string[]; info: { lines: number } }>;
  try {
    first = await it.next();
  } catch (e) {
    throw new FileReadError(`the file could not be read as CSV: ${(e as Error).message}`);
  }
  if (first.done) throw new FileReadError(`the file has no row ${headerRow} (the header row)`);
  const columns = first.value.record.map((c) => c.trim());
  async function* rows(): AsyncGenerator<SourceRow[]> {
    let chunk: SourceRow[] = [];
    for (;;) {
      let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
      try {
        next = await it.next();
      } catch (e) {
        // An unclosed quote spoils the rest of the file: what was read is kept, the rest reported.
        if (chunk.length) yield chunk;
        throw new FileReadError(`CSV: ${(e as Error).message}`);
      }
      if (next.done) break;
      chunk.push({ row: next.value.info.lines, cells: next.value.record });
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
  }
  return { columns, rows: rows() };
}

async function openXlsx(file: string, headerRow: number, sheet?: string) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  let ws: AsyncIterable<ExcelJS.Row> | null = null;
  for (;;) {
    const n = await sheets.next();
    if (n.done) break;
    const name = String((n.value as unknown as { name: string }).name);
    seen.push(name);
    if (sheet === undefined || name === sheet || name.trim().toLowerCase() === sheet.trim().toLowerCase()) {
      ws = n.value as unknown as AsyncIterable<ExcelJS.Row>;
      break;
    }
    for await (const _ of n.value) {
      // a sheet before the one asked for: read past it
    }
  }
  if (!ws) throw new FileReadError(`no sheet "${sheet}" in the workbook (sheets: ${seen.join(', ') || 'none'})`);
  const rowsIt = ws[Symbol.asyncIterator]();
  let columns: string[] | null = null;
  const cellsOf = (r: ExcelJS.Row) => {
    const values = r.values as unknown[];
    const out: string[] = [];
    for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
    return out;
  };
  for (;;) {
    const n = await rowsIt.next();
    if (n.done) break;
    if (n.value.number === headerRow) {
      columns = cellsOf(n.value).map((c) => c.trim());
      break;
    }
    if (n.value.number > headerRow) break;
  }
  if (!columns) throw new FileReadError(`the sheet has no row ${headerRow} (the header row)`);
  async function* rows(): AsyncGenerator<SourceRow[]> {
    let chunk: SourceRow[] = [];
    for (;;) {
      const n = await rowsIt.next();
      if (n.done) break;
      const cells = cellsOf(n.value);
      if (!cells.some((c) => c.trim() !== '')) continue;
      chunk.push({ row: n.value.number, cells });
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
    // The rest of the workbook is not needed.
    for (;;) {
      const n = await sheets.next().catch(() => ({ done: true as const, value: undefined }));
      if (n.done) break;
      for await (const _ of n.value) {
        // drained
      }
    }
  }
  return { columns, rows: rows() };
}

/** Counts the rows of a file below its header (a CSV's non-blank lines; null when it would take reading every row of a sheet). */
export async function countRows(file: string, kind: FileKind, opts: ReadOptions = {}): Promise<number> {
  const { rows } = await openRows(file, kind, opts);
  let n = 0;
  for await (const chunk of rows) n += chunk.length;
  return n;
}
