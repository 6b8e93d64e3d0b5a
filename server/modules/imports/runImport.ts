/**
 * A file through a mapping into the graph, as one graded report: read in chunks, mapped row by row
 * (rows.ts), matched on strong keys only (matching.ts), written a batch per transaction
 * (writeBatch.ts). Used by the server's import jobs (jobs.ts) and by the command line
 * (`npm run import -- <file> --mapping <file>`). Rejected rows are returned with their row number,
 * column and reason: nothing is dropped silently.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Database, PlainNode } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import type { Viewer } from '../../access/viewer.js';
import { invalidateProtection } from '../../access/protection.js';
import { readPhone } from './formats.js';
import { mappingHash, MappingError, type Mapping } from './mapping.js';
import { Matcher, type Read } from './matching.js';
import { openRows, type FileKind } from './readers.js';
import { compileMapping, type RejectedRow, type RowEntity } from './rows.js';
import { reportIdFor, writeReport, type SourceInput } from './source.js';
import { writeBatch, type MappedOk } from './writeBatch.js';

/** Rows per transaction: a call record writes a call, two links and a MENTIONS per row. */
export const BATCH_ROWS = 5_000;
/** Rejected rows kept in memory (and answered by importJob); all of them go to the rejected-rows file. */
export const REJECTED_KEPT = 10_000;

export interface ImportFile {
  path: string;
  kind: FileKind;
  fileName: string;
  sha256: string;
}

export interface ImportProgress {
  rowsDone: number;
  rowsTotal: number | null;
  createdEntities: number;
  createdLinks: number;
  matched: number;
  rejectedCount: number;
}

export interface ImportResult extends ImportProgress {
  reportId: string;
  /** The same file was imported before with the same mapping by the same agency: the report was already there. */
  reportExisted: boolean;
  rejected: RejectedRow[];
  seconds: number;
}

/** The file's sha256, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Rows below the header, counted cheaply where possible (a CSV's lines); null for a workbook. */
export async function estimateRows(file: ImportFile, headerRow: number): Promise<number | null> {
  if (file.kind === 'xlsx') return null;
  if (file.kind === 'vcf') {
    const { rows } = await openRows(file.path, 'vcf');
    let n = 0;
    for await (const c of rows) n += c.length;
    return n;
  }
  let lines = 0;
  let last = 10;
  for await (const chunk of fs.createReadStream(file.path)) {
    const b = chunk as Buffer;
    for (let i = 0; i < b.length; i++) if (b[i] === 10) lines++;
    last = b[b.length - 1] ?? last;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - headerRow);
}

/** A setup problem that stops the import before any row (the handset's owner unknown, …). */
export class ImportSetupError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' };
}

const readOf = (db: Database): Read => (cypher, params = {}) => db.read(cypher, params);

/**
 * The handset of a handset download and its owner (the person who HAS_PHONE its number, as the user
 * may see the graph). When nobody holds the number, or several do, the mapping must name the owner
 * (`handset.owner`, a person's id) — the import does not guess whose handset it was. An owner named
 * that way, not yet recorded as having the number, gets HAS_PHONE (basis handset_download) from the report.
 */
async function resolveHandset(read: Read, viewer: Viewer | null, mapping: Mapping, matcher: Matcher): Promise<MappedOk | null> {
  if (!mapping.handset) return null;
  let phone;
  try {
    phone = readPhone(mapping.handset.number, mapping.phoneRegion);
  } catch (e) {
    throw new MappingError([`handset.number: ${(e as Error).message}`]);
  }
  const handset: RowEntity = { name: '$handset', kind: 'Phone', key: `Phone:phoneNo:${phone.phoneNo}`, props: { phoneNo: phone.phoneNo, raw: phone.raw }, idRef: null, strong: { by: 'phoneNo', value: phone.phoneNo }, scope: 'file' };
  const entities: RowEntity[] = [handset];
  const links: MappedOk['links'] = [];
  const rows = await read(cypherFile(import.meta.url, 'handsetOwners.cypher'), { phoneNo: phone.phoneNo });
  const heldLink = (sources: unknown) => !!viewer && Array.isArray(sources) && sources.length > 0 && sources.every((s) => viewer.reportWithheld(String(s)));
  const owners = [...new Map(rows.filter((r) => (!viewer || (viewer.canRead(r.p as PlainNode) && viewer.canRead(r.ph as PlainNode))) && !heldLink(r.sources)).map((r) => [String((r.p as PlainNode).props.id), r.p as PlainNode])).values()];
  if (mapping.handset.owner) {
    const owner: RowEntity = { name: '$owner', kind: 'Person', key: `id:${mapping.handset.owner}`, props: {}, idRef: mapping.handset.owner, strong: null, scope: 'file' };
    entities.push(owner);
    if (!owners.some((o) => o.props.id === mapping.handset!.owner)) links.push({ type: 'HAS_PHONE', from: owner.key, to: handset.key, props: { basis: 'handset_download' } });
  } else if (owners.length !== 1) {
    throw new ImportSetupError(
      owners.length === 0
        ? `Nobody is recorded as having the handset's number ${phone.phoneNo}, so it is not known whose contacts these are: name the owner in the mapping (handset.owner: <the person's id>).`
        : `Several persons are recorded as having the handset's number ${phone.phoneNo} (${owners.map((o) => String(o.props.id)).join(', ')}): say whose handset it is in the mapping (handset.owner: <the person's id>).`,
    );
  } else {
    entities.push({ name: '$owner', kind: 'Person', key: `id:${String(owners[0]!.props.id)}`, props: {}, idRef: String(owners[0]!.props.id), strong: null, scope: 'file' });
  }
  await matcher.resolve(entities);
  const ownerRes = matcher.idOf(entities[1]!);
  if (ownerRes.error) throw new ImportSetupError(`handset.owner: ${ownerRes.error}`);
  if (ownerRes.kind !== 'Person') throw new ImportSetupError(`handset.owner: "${ownerRes.id}" is a ${ownerRes.kind}, not a person`);
  matcher.set('$handset', matcher.idOf(handset));
  matcher.set('$owner', ownerRes);
  return { row: 0, entities, links };
}

export interface RunOptions {
  viewer: Viewer | null;
  importedBy: string | null;
  onProgress?: (p: ImportProgress) => void;
  /** Every rejected row as it is found (the rejected-rows file). */
  onRejected?: (r: RejectedRow) => void;
  rowsTotal?: number | null;
}

/** Imports a whole file. Throws MappingError / ImportSetupError before writing anything when the mapping does not fit the file. */
export async function runImport(db: Database, file: ImportFile, mapping: Mapping, source: SourceInput, opts: RunOptions): Promise<ImportResult> {
  const started = Date.now();
  const opened = await openRows(file.path, file.kind, { sheet: mapping.sheet, headerRow: mapping.headerRow, delimiter: mapping.delimiter });
  const compiled = compileMapping(mapping, opened.columns);
  const reportId = reportIdFor(file.sha256, mappingHash(mapping), source.ownerAgency);
  const matcher = new Matcher(readOf(db), opts.viewer, reportId);
  const preamble = await resolveHandset(readOf(db), opts.viewer, mapping, matcher);
  const rowsTotal = opts.rowsTotal !== undefined ? opts.rowsTotal : await estimateRows(file, mapping.headerRow);
  const { existed } = await db.writeTransaction((run) => writeReport(run, reportId, source, { fileName: file.fileName, sha256: file.sha256, mappingName: mapping.name ?? 'unnamed mapping' }, opts.importedBy, rowsTotal));
  // A report handled under conditions is withheld from other agencies from its first row on.
  invalidateProtection(db);

  const progress: ImportProgress = { rowsDone: 0, rowsTotal, createdEntities: 0, createdLinks: 0, matched: 0, rejectedCount: 0 };
  const rejected: RejectedRow[] = [];
  const matchedKeys = new Set<string>();
  const written = new Set<string>();
  const reject = (r: RejectedRow) => {
    progress.rejectedCount++;
    if (rejected.length < REJECTED_KEPT) rejected.push(r);
    opts.onRejected?.(r);
  };
  const ctx = { db, reportId, matcher, written };
  const flush = async (batch: MappedOk[], rowsInBatch: number) => {
    const out = await writeBatch(ctx, batch);
    progress.createdEntities += out.createdEntities;
    progress.createdLinks += out.createdLinks;
    for (const k of out.matchedKeys) matchedKeys.add(k);
    progress.matched = matchedKeys.size;
    for (const r of out.rejected) reject(r);
    progress.rowsDone += rowsInBatch;
    opts.onProgress?.({ ...progress });
  };
  if (preamble) await flush([preamble], 0);

  // One batch written while the next is read and mapped (the database's work and ours overlap);
  // batches are written one after another, so each sees what the one before committed.
  let writing: Promise<void> = Promise.resolve();
  let batch: MappedOk[] = [];
  let rowsInBatch = 0;
  const send = async () => {
    const [b, n] = [batch, rowsInBatch];
    batch = [];
    rowsInBatch = 0;
    await writing;
    writing = flush(b, n);
    writing.catch(() => {}); // awaited (and thrown) by the next send or at the end
  };
  for await (const chunk of opened.rows) {
    for (const r of chunk) {
      const m = compiled.mapRow(r);
      rowsInBatch++;
      if ('rejected' in m) reject(m.rejected);
      else batch.push(m);
      if (rowsInBatch >= BATCH_ROWS) await send();
    }
  }
  if (rowsInBatch) await send();
  await writing;
  invalidateProtection(db);
  if (progress.rowsTotal === null || progress.rowsTotal !== progress.rowsDone) progress.rowsTotal = progress.rowsDone;
  return { ...progress, reportId, reportExisted: existed, rejected, seconds: (Date.now() - started) / 1000 };
}

export interface PreviewEntity {
  key: string;
  kind: string;
  properties: Record<string, unknown>;
  match: { key: string; node: PlainNode; reason: string } | null;
}

export interface PreviewResult {
  rows: { row: number; entities: PreviewEntity[]; links: { type: string; from: string; to: string; properties: Record<string, unknown> }[] }[];
  rejected: RejectedRow[];
  entityCount: number;
  linkCount: number;
  matchedCount: number;
}

/** The first `limit` rows as the import would make them, with what would be matched and why; writes nothing. */
export async function previewImport(db: Database, file: ImportFile, mapping: Mapping, viewer: Viewer | null, limit: number): Promise<PreviewResult> {
  const opened = await openRows(file.path, file.kind, { sheet: mapping.sheet, headerRow: mapping.headerRow, delimiter: mapping.delimiter });
  const compiled = compileMapping(mapping, opened.columns);
  const matcher = new Matcher(readOf(db), viewer, 'preview');
  const preamble = await resolveHandset(readOf(db), viewer, mapping, matcher);
  const mapped: MappedOk[] = [];
  const rejected: RejectedRow[] = [];
  let seen = 0;
  outer: for await (const chunk of opened.rows) {
    for (const r of chunk) {
      if (seen++ >= limit) break outer;
      const m = compiled.mapRow(r);
      if ('rejected' in m) rejected.push(m.rejected);
      else mapped.push(m);
    }
  }
  await matcher.resolve(mapped.flatMap((m) => m.entities));
  const entityKeys = new Set<string>();
  const linkKeys = new Set<string>();
  const matched = new Set<string>();
  const special = preamble ? [matcher.get('$handset')!, matcher.get('$owner')!] : [];
  const rows: PreviewResult['rows'] = [];
  for (const m of mapped) {
    const bad = m.entities.map((e) => [e, matcher.idOf(e)] as const).find(([, res]) => res.error);
    if (bad) {
      rejected.push({ row: m.row, column: null, message: `${bad[0].name}: ${bad[1].error}`, values: [] });
      continue;
    }
    const entities = m.entities.map((e): PreviewEntity => {
      const res = matcher.idOf(e);
      entityKeys.add(e.key);
      if (res.node) matched.add(e.key);
      return { key: e.key, kind: e.kind, properties: e.props, match: res.node ? { key: e.key, node: res.node, reason: res.reason ?? 'matched' } : null };
    });
    for (const [ref, res] of [['$handset', special[0]], ['$owner', special[1]]] as const) {
      if (!res || !m.links.some((l) => l.from === ref || l.to === ref)) continue;
      entities.push({ key: ref, kind: res.kind, properties: res.node ? {} : { phoneNo: mapping.handset?.number }, match: res.node ? { key: ref, node: res.node, reason: res.reason ?? 'matched' } : null });
      if (res.node) matched.add(ref);
      entityKeys.add(ref);
    }
    const links = m.links.map((l) => ({ type: l.type, from: l.from, to: l.to, properties: l.props }));
    for (const l of links) linkKeys.add(`${l.type}:${l.from}:${l.to}`);
    rows.push({ row: m.row, entities, links });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { rows, rejected, entityCount: entityKeys.size, linkCount: linkKeys.size, matchedCount: matched.size };
}
