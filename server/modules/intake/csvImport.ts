/**
 * Loads a directory of CSV files with neo4j-admin import headers into the running database.
 * Node files first, then relationship files; every batch is one transaction of MERGEs, so a run
 * killed half-way leaves whole batches only, and running it again adds exactly what is missing.
 * Bad rows are rejected with file, line and reason; every good row is loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { cypherFile, type Database } from '../../db/database.js';
import { groupBy, linkProps, mergeNodeBatch } from '../../db/bulkLoad.js';
import { isLabel, isLinkType } from '../../domain/vocabulary.js';
import { convert, parseHeader, type Column } from './csvHeader.js';
import { noPreset, type NodeRow, type Preset } from './presets.js';

const BATCH = 5_000;

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface ImportSummary {
  files: number;
  /** Rows written (merged) by this run. */
  nodes: number;
  relationships: number;
  /** What the graph gained: zero on a re-run over the same files. */
  added: { nodes: number; relationships: number };
  rejected: Rejection[];
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  preset?: Preset;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

interface CsvFile {
  file: string;
  header: Column[];
  kind: 'nodes' | 'relationships';
  rows: number;
  encoding: Encoding;
  /** Bytes that are not UTF-8: rows holding them are rejected, saying why. */
  notUtf8: boolean;
  /** No quotes and no lone carriage returns: read line by line (see `plainRecords`). */
  plain: boolean;
}

/** Lines that are not blank, as `text.split('\n').filter((l) => l.trim() !== '')` counts them, without making the strings. */
function countLines(text: string): number {
  let n = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!blank) n++;
      blank = true;
    } else if (blank && !(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f)) {
      blank = false;
    }
  }
  return blank ? n : n + 1;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The file's encoding, from its byte-order mark: UTF-8 (with or without one) or UTF-16. UTF-16
 * without a mark, and files that are not valid UTF-8 (latin-1, Windows-1252), are said to be so.
 */
function detectEncoding(buf: Buffer): { encoding: Encoding; notUtf8: boolean } | { error: string } {
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', notUtf8: false };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', notUtf8: false };
  if (buf.subarray(0, 4096).includes(0)) return { error: 'the file looks UTF-16 encoded without a byte-order mark (it has NUL bytes): save it as UTF-8' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { encoding: 'utf-8', notUtf8: false };
  } catch {
    return { encoding: 'utf-8', notUtf8: true };
  }
}

const NOT_UTF8 = 'not valid UTF-8: the file looks latin-1 / Windows-1252 encoded; save it as UTF-8';

/** Reads the first line of each CSV to tell node files from relationship files; files that cannot be read are rejected whole. */
async function inspect(dir: string, reject: (file: string, line: number, reason: string) => void): Promise<CsvFile[]> {
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
  const out: CsvFile[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const buf = fs.readFileSync(file);
    const enc = detectEncoding(buf);
    if ('error' in enc) {
      reject(name, 1, enc.error);
      continue;
    }
    const text = new TextDecoder(enc.encoding).decode(buf); // drops a byte-order mark
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0).replace(/\r$/, '');
    try {
      if (!firstLine.trim()) throw new Error('the file is empty or its first line (the header) is blank');
      const headerCells = await new Promise<string[]>((resolve, reject) =>
        parse(firstLine, { to_line: 1 }, (err, rec: string[][]) => (err ? reject(err) : resolve(rec[0] ?? []))),
      );
      const header = parseHeader(headerCells);
      const roles = new Set(header.map((c) => c.role));
      const kind = roles.has('start') && roles.has('end') ? 'relationships' : roles.has('id') ? 'nodes' : null;
      if (!kind) throw new Error('the header has neither :ID nor :START_ID and :END_ID');
      if (enc.notUtf8 && firstLine.includes('\uFFFD')) throw new Error(NOT_UTF8);
      const rows = Math.max(0, countLines(text) - 1);
      // Without a quote or a lone carriage return, a record is a line and a cell is what lies between
      // commas: such files (most machine-made exports) are read without csv-parse, several times faster.
      const plain = enc.encoding === 'utf-8' && !enc.notUtf8 && !text.includes('"') && !/\r(?!\n)/.test(text);
      out.push({ file, header, kind, rows, plain, ...enc });
    } catch (e) {
      reject(name, 1, `header: ${(e as Error).message}`);
    }
  }
  return out;
}

/** What csv-parse's errors mean for the person who made the file. */
function csvProblem(err: { code?: string; message: string }): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote opened on this line is never closed: the rest of the file was read as one value';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote inside a value: quote the whole value and double the quotes inside ("")';
  return err.message;
}

type Rec = { line: number; cells: string[] } | { line: number; problem: string };

/** Records per chunk handed on by the readers: one await per chunk, not per row. */
const CHUNK = 1_000;

/**
 * A plain file (no quotes, no lone carriage returns) read as csv-parse reads it: one record per
 * line that is not empty, cells split at commas, "\r\n" taken as "\n", line numbers from 1.
 */
async function* plainRecords(f: CsvFile): AsyncGenerator<Rec[]> {
  const text = fs.readFileSync(f.file, 'utf8');
  let chunk: Rec[] = [];
  let line = 1;
  let at = text.indexOf('\n') + 1; // the header is line 1
  if (at === 0) return;
  while (at < text.length) {
    line++;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const stop = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > at) {
      chunk.push({ line, cells: text.slice(at, stop).split(',') });
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
    at = end + 1;
  }
  if (chunk.length) yield chunk;
}

/**
 * Streams records with their line numbers (1 = header), and the records csv-parse could not read
 * (unbalanced quotes) as problems with their line, so that the rows around them still load.
 */
async function* records(f: CsvFile): AsyncGenerator<Rec[]> {
  if (f.plain) {
    yield* plainRecords(f);
    return;
  }
  const skipped: { line: number; problem: string }[] = [];
  let lastLine = 1;
  const parser = parse({
    from_line: 2,
    relax_column_count: true,
    info: true,
    skip_empty_lines: true,
    bom: true,
    // A quote inside an unquoted value (O"Brien, 12" screen) is kept as a character, as people mean it.
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (!err) return;
      // An unclosed quote is found at the end of the file; the record it spoiled starts after the last good one.
      const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : Number((err as { lines?: number }).lines ?? lastLine + 1);
      if (!skipped.some((x) => x.line === line)) skipped.push({ line, problem: csvProblem(err) }); // one reason per line
    },
  });
  const source =
    f.encoding === 'utf-8' ? fs.createReadStream(f.file) : Readable.from([new TextDecoder(f.encoding).decode(fs.readFileSync(f.file))]);
  let chunk: Rec[] = [];
  for await (const rec of source.pipe(parser) as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) chunk.push(skipped.shift()!);
    lastLine = rec.info.lines;
    chunk.push({ line: rec.info.lines, cells: rec.record });
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  while (skipped.length) chunk.push(skipped.shift()!);
  if (chunk.length) yield chunk;
}

/**
 * A file's rows that pass, in chunks: the right number of columns, values that parse as their
 * types, and whatever `make` checks (it returns the row, or the reason to reject it).
 */
async function* acceptedRows<T>(
  f: CsvFile,
  reject: (line: number, reason: string) => void,
  make: (cells: string[], props: Record<string, unknown>, line: number) => T | string,
): AsyncGenerator<(T & { line: number })[]> {
  const width = f.header.length;
  const readProps = propsReader(f.header);
  for await (const chunk of records(f)) {
    const out: (T & { line: number })[] = [];
    for (const rec of chunk) {
      if ('problem' in rec) {
        reject(rec.line, rec.problem);
        continue;
      }
      const { line, cells } = rec;
      if (f.notUtf8 && cells.some((c) => c.includes('\uFFFD'))) {
        reject(line, NOT_UTF8);
        continue;
      }
      if (cells.length !== width) {
        reject(line, `expected ${width} columns, found ${cells.length}`);
        continue;
      }
      let made: T | string;
      try {
        made = make(cells, readProps(cells), line);
      } catch (e) {
        made = (e as Error).message;
      }
      if (typeof made === 'string') reject(line, made);
      else {
        (made as T & { line: number }).line = line;
        out.push(made as T & { line: number });
      }
    }
    if (out.length) yield out;
  }
}

/** The property columns of a header, read from a row's cells; an empty cell is an absent property, as in neo4j-admin. */
function propsReader(header: Column[]): (cells: string[]) => Record<string, unknown> {
  const cols = header.flatMap((col, i) => (col.role === 'property' ? [{ col, i, plain: col.type === 'string' && !col.array }] : []));
  return (cells) => {
    const props: Record<string, unknown> = {};
    for (const { col, i, plain } of cols) {
      const v = cells[i];
      if (v === undefined || v === '') continue;
      if (plain) {
        props[col.name] = v;
        continue;
      }
      try {
        props[col.name] = convert(v, col);
      } catch (e) {
        throw new Error(`column ${col.name}: ${(e as Error).message}`, { cause: e });
      }
    }
    return props;
  };
}

const IMPORT_CONCURRENCY = 2;

/**
 * A batch again after a transient failure (a deadlock: two batches in flight both link a busy phone
 * or a hub), once the database's own retries (a few seconds) have given up. The batch was rolled
 * back whole, so writing it again is safe; on a busy machine this is what keeps a long import going.
 */
async function retryTransient<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await work();
    } catch (e) {
      const code = (e as { code?: string })?.code ?? '';
      if (n >= attempts || !code.startsWith('Neo.TransientError.Transaction.DeadlockDetected')) throw e;
      await new Promise((r) => setTimeout(r, 200 * n + Math.random() * 300));
    }
  }
}

/**
 * At most `limit` writes in flight; the first failure is thrown by the next add or by drain, once
 * the other writes in flight have settled, so a failed run never returns with a write still going.
 */
class InFlight {
  private running = new Set<Promise<void>>();
  private failure: unknown = null;
  constructor(private readonly limit: number) {}
  async add(work: () => Promise<void>): Promise<void> {
    await this.check();
    while (this.running.size >= this.limit) await Promise.race(this.running);
    await this.check();
    const p: Promise<void> = work()
      .catch((e) => {
        this.failure ??= e;
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }
  async drain(): Promise<void> {
    await Promise.all(this.running);
    await this.check();
  }
  private async check() {
    if (!this.failure) return;
    await Promise.allSettled(this.running);
    throw this.failure;
  }
}

export async function importDirectory(db: Database, dir: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const preset = opts.preset ?? noPreset;
  const started = Date.now();
  const before = await graphSize(db);
  const rejected: Rejection[] = [];
  const files = await inspect(dir, (file, line, reason) => rejected.push({ file, line, reason }));
  const total = files.reduce((s, f) => s + f.rows, 0);
  let done = 0;
  // The first row of each id wins; a later one is a duplicate, reported, not merged over it. The
  // value says where the first row was: file index and line, as one number (no string per row).
  const firstSeen = new Map<string, number>();
  const names = files.map((f) => path.basename(f.file));
  const seenAt = (fileIndex: number, line: number) => line * names.length + fileIndex;
  const whereSeen = (v: number) => `${names[v % names.length]}:${Math.floor(v / names.length)}`;
  let nodes = 0;
  let relationships = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };

  // Two batches in flight: Neo4j writes one while the next is parsed and sent, using both cores.
  const inFlight = new InFlight(IMPORT_CONCURRENCY);
  const rejectIn = (file: string) => (line: number, reason: string) => {
    rejected.push({ file, line, reason });
    progress(1);
  };

  for (const f of files.filter((x) => x.kind === 'nodes')) {
    const fileIndex = files.indexOf(f);
    const idCol = f.header.findIndex((c) => c.role === 'id');
    const labelCol = f.header.findIndex((c) => c.role === 'label');
    let batch: (NodeRow & { line: number })[] = [];
    const flush = async () => {
      const rowsOut = batch;
      batch = [];
      await inFlight.add(async () => {
        const written = await writeNodes(db, rowsOut); // not `nodes += await …`: that reads `nodes` before waiting
        nodes += written;
        progress(rowsOut.length);
      });
    };
    const rows = acceptedRows(f, rejectIn(names[fileIndex]!), (cells, props, line) => {
      const rawId = cells[idCol]?.trim();
      if (!rawId) return 'missing id';
      const labels = labelCol >= 0 ? cells[labelCol]!.split(';').map((l) => l.trim()).filter(Boolean) : [];
      if (!labels.length) return 'no label';
      const unknown = labels.filter((l) => !isLabel(l));
      if (unknown.length) return `label ${unknown.join(', ')} is not in the vocabulary`;
      const id = preset.mapId(rawId);
      const first = firstSeen.get(id);
      if (first !== undefined) return `duplicate id ${rawId} (first on ${whereSeen(first)})`;
      const made = preset.mapNode({ id, labels, props });
      if (typeof made !== 'string') firstSeen.set(id, seenAt(fileIndex, line));
      return made;
    });
    for await (const chunk of rows) {
      for (const row of chunk) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
    }
    if (batch.length) await flush();
  }
  await inFlight.drain(); // every node is in before any relationship looks for its ends

  for (const f of files.filter((x) => x.kind === 'relationships')) {
    const name = path.basename(f.file);
    const col = (role: string) => f.header.findIndex((c) => c.role === role);
    const [startCol, endCol, typeCol] = [col('start'), col('end'), col('type')];
    // Relationships have no id in neo4j-admin files: theirs is type + ends, with a running number for
    // repeats, which is the same on every run over the same files (so re-runs MERGE, not duplicate).
    const seen = new Map<string, number>();
    let batch: RelRow[] = [];
    const flush = async () => {
      const rowsOut = batch;
      batch = [];
      await inFlight.add(async () => {
        const result = await writeRelationships(db, rowsOut);
        relationships += result.written;
        for (const r of result.missing) rejected.push({ file: name, line: r.line, reason: r.reason });
        progress(rowsOut.length);
      });
    };
    const rows = acceptedRows(f, rejectIn(name), (cells, props) => {
      const start = cells[startCol]?.trim();
      const end = cells[endCol]?.trim();
      const type = preset.mapType((typeCol >= 0 ? cells[typeCol] : '')?.trim() ?? '');
      if (!start) return 'missing start id';
      if (!end) return 'missing end id';
      if (!isLinkType(type)) return type ? `relationship type ${type} is not in the vocabulary` : 'missing relationship type';
      const [s, e] = [preset.mapId(start), preset.mapId(end)];
      const key = `${type}:${s}:${e}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return { id: n === 1 ? key : `${key}#${n}`, type, start: s, end: e, props };
    });
    for await (const chunk of rows) {
      for (const row of chunk) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
    }
    if (batch.length) await flush();
  }
  await inFlight.drain();

  const after = await graphSize(db);
  const seconds = (Date.now() - started) / 1000;
  return {
    files: files.length,
    nodes,
    relationships,
    added: { nodes: after.nodes - before.nodes, relationships: after.relationships - before.relationships },
    rejected, seconds, rowsPerSecond: Math.round(total / Math.max(seconds, 0.001)) };
}

/** Counts from Neo4j's count store: constant time. */
async function graphSize(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [{ nodes }] = await db.read(cypherFile(import.meta.url, 'countNodes.cypher'));
  const [{ relationships }] = await db.read(cypherFile(import.meta.url, 'countRelationships.cypher'));
  return { nodes: nodes as number, relationships: relationships as number };
}

async function writeNodes(db: Database, rows: (NodeRow & { line: number })[]): Promise<number> {
  // One query per label combination: labels are identifiers (checked against the vocabulary above).
  let written = 0;
  for (const [key, group] of groupBy(rows, (r) => (r.labels.length === 1 ? r.labels[0]! : [...r.labels].sort().join(':')))) {
    await retryTransient(() => mergeNodeBatch(db, key.split(':'), group));
    written += group.length;
  }
  return written;
}

interface RelRow {
  id: string;
  type: string;
  start: string;
  end: string;
  props: Record<string, unknown>;
  line: number;
}

async function writeRelationships(db: Database, rows: RelRow[]): Promise<{ written: number; missing: { line: number; reason: string }[] }> {
  let written = 0;
  const missing: { line: number; reason: string }[] = [];
  for (const [type, group] of groupBy(rows, (r) => r.type)) {
    const result = await retryTransient(() => db.write(
      cypherFile(import.meta.url, 'importLinks.cypher', { names: { type } }),
      { rows: group.map((r) => ({ id: r.id, start: r.start, end: r.end, props: linkProps(type, r.props), line: r.line })) },
      { timeoutMs: 300_000 },
    ));
    for (const m of result) {
      const reasons = [m.noStart ? `unknown start id ${m.start}` : '', m.noEnd ? `unknown end id ${m.end}` : ''].filter(Boolean);
      missing.push({ line: m.line as number, reason: reasons.join('; ') });
    }
    written += group.length - result.length;
  }
  return { written, missing };
}
