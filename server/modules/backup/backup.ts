/**
 * Backup and restore of the whole database: every node with its labels and properties, every
 * relationship with its type and properties — the case graph, users, the token secret, the audit
 * log and its head. The file is gzipped JSON lines:
 *
 *   {"format":"linkchart-backup","version":1,...}      header
 *   {"n":"<key>","l":[labels],"p":{props}}              one line per node
 *   {"r":"<type>","s":"<key>","e":"<key>","p":{props}}  one line per relationship (after all nodes)
 *   {"end":{"nodes":N,"relationships":M,...,"sha256":"…"}}   manifest: counts and the sha256 of
 *                                                        every byte (uncompressed) before it
 *
 * Property values keep their Neo4j types (values.ts). Keys are element ids of the source, used
 * only to join relationships to their nodes while restoring.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';

const q = (name: string) => cypherFile(import.meta.url, name);
import { applySchema } from '../../db/schema.js';
import { verifyAuditChain } from '../audit/audit.js';
import { decodeProps, encodeProps } from './values.js';
import { ensureNameKeys } from '../../domain/names/backfill.js';

export const FORMAT = 'linkchart-backup';
export const VERSION = 1;
const RESTORE_BATCH = 5_000;
/** A backup or restore of a large graph is one long transaction: no short limit. */
const LONG = 6 * 60 * 60 * 1000;

export interface Manifest {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** The audit chain as of the start of the backup (entries appended later are left out). */
  audit: { seq: number; hash: string };
  /** Relationships committed during the backup to a node created after the node scan passed. */
  leftOutLate: number;
  sha256: string;
}

export interface Header {
  format: string;
  version: number;
  createdAt: string;
  neo4j: string;
}

const count = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/** A gzip writer that respects back-pressure and hashes what it writes. */
function lineWriter(file: string) {
  const gzip = zlib.createGzip({ level: 6 });
  const done = pipeline(gzip, fs.createWriteStream(file, { mode: 0o600 }));
  const hash = createHash('sha256');
  return {
    hash,
    async line(obj: unknown) {
      const text = JSON.stringify(obj) + '\n';
      hash.update(text);
      if (!gzip.write(text)) await once(gzip, 'drain');
    },
    async end(trailer: unknown) {
      gzip.end(JSON.stringify(trailer) + '\n');
      await done;
    },
  };
}

/**
 * Writes the whole database to `file`, read in one read transaction while the service keeps
 * running. Neo4j reads are read-committed, not a snapshot, so the export is made consistent by
 * construction: the audit head is read first and entries after it are left out (the chain stays
 * whole), and a relationship whose end node was created after the node scan passed is left out
 * (it belongs to a write made during the backup, which the next backup takes). The file appears
 * under its name only once complete.
 */
export async function writeBackup(db: Database, file: string, onProgress?: (lines: number) => void): Promise<Manifest & { file: string; bytes: number; seconds: number }> {
  const started = Date.now();
  const partial = `${file}.partial`;
  const out = lineWriter(partial);
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  let nodes = 0;
  let relationships = 0;
  let leftOutLate = 0;
  try {
    const audit = await db.readTransaction(
      async (tx) => {
        const [version] = (await tx.run(q('neo4jVersion.cypher'))).records.map((r) => String(r.get('v')));
        const headRec = (await tx.run(q('auditHead.cypher'))).records[0]?.get('h');
        const head = headRec ? { seq: Number(headRec.properties.seq), hash: String(headRec.properties.hash) } : { seq: 0, hash: '' };
        await out.line({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), neo4j: version ?? 'unknown' } satisfies Header);

        const exported = new Set<string>();
        for await (const rec of tx.run(cypherFile(import.meta.url, 'backupNodes.cypher'), { lastSeq: neo4j.int(head.seq) })) {
          const key = rec.get('k') as string;
          const nodeLabels = (rec.get('l') as string[]).slice().sort();
          // The head as read at the start, matching the entries exported.
          const props = nodeLabels.includes('AuditHead') && headRec && key === headRec.elementId ? headRec.properties : rec.get('p');
          exported.add(key);
          for (const l of nodeLabels) count(labels, l);
          nodes++;
          await out.line({ n: key, l: nodeLabels, p: encodeProps(props) });
          if (nodes % 10_000 === 0) onProgress?.(nodes);
        }
        for await (const rec of tx.run(cypherFile(import.meta.url, 'backupRelationships.cypher'))) {
          const [s, e] = [rec.get('s') as string, rec.get('e') as string];
          if (!exported.has(s) || !exported.has(e)) {
            leftOutLate++;
            continue;
          }
          const type = rec.get('t') as string;
          count(types, type);
          relationships++;
          await out.line({ r: type, s, e, p: encodeProps(rec.get('p')) });
          if ((nodes + relationships) % 10_000 === 0) onProgress?.(nodes + relationships);
        }
        return head;
      },
      { timeoutMs: LONG, what: 'The backup' },
    );
    const manifest: Manifest = { nodes, relationships, labels, types, audit, leftOutLate, sha256: out.hash.digest('hex') };
    await out.end({ end: manifest });
    fs.renameSync(partial, file);
    return { ...manifest, file, bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** Reads the lines of a backup file (gunzipped), with their line numbers. */
async function* lines(file: string): AsyncGenerator<{ no: number; text: string }> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let no = 0;
  for await (const text of rl) yield { no: ++no, text };
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Checks a backup file end to end before anything is loaded: the header, every line's shape, the
 * sha256 of everything before the manifest, and the counts the manifest states.
 */
export async function verifyBackupFile(file: string): Promise<{ header: Header; manifest: Manifest }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const hash = createHash('sha256');
  let header: Header | undefined;
  let manifest: Manifest | undefined;
  let nodes = 0;
  let relationships = 0;
  try {
    for await (const { no, text } of lines(file)) {
      if (manifest) throw new BackupError(`line ${no}: content after the manifest`);
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(text);
      } catch {
        throw new BackupError(`line ${no} is not JSON: the file is damaged`);
      }
      if (no === 1) {
        header = obj as unknown as Header;
        if (header.format !== FORMAT) throw new BackupError(`not a backup of this service (format "${String(header.format)}")`);
        if (header.version !== VERSION) throw new BackupError(`backup format version ${header.version} is not supported (this version reads ${VERSION})`);
      } else if ('end' in obj) {
        manifest = obj.end as Manifest;
        continue;
      } else if ('n' in obj) nodes++;
      else if ('r' in obj) relationships++;
      else throw new BackupError(`line ${no} is neither a node nor a relationship`);
      hash.update(text + '\n');
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`the file cannot be read as a gzipped backup: ${(e as Error).message}`);
  }
  if (!header) throw new BackupError('the file is empty');
  if (!manifest) throw new BackupError('the manifest is missing: the backup is incomplete (was it interrupted?)');
  const digest = hash.digest('hex');
  if (digest !== manifest.sha256) throw new BackupError(`checksum mismatch: the manifest says sha256 ${manifest.sha256}, the content is ${digest}; the file was altered or damaged`);
  if (nodes !== manifest.nodes || relationships !== manifest.relationships) {
    throw new BackupError(`the manifest counts ${manifest.nodes} nodes and ${manifest.relationships} relationships, the file holds ${nodes} and ${relationships}`);
  }
  return { header, manifest };
}

export interface RestoreResult {
  nodes: number;
  relationships: number;
  auditEntries: number;
  seconds: number;
}

/**
 * Loads a verified backup into an empty database, in batches, then checks that the counts per
 * label and type match the manifest and that the audit chain verifies.
 */
export async function restoreBackup(db: Database, file: string, onProgress?: (done: number, total: number) => void): Promise<RestoreResult> {
  const started = Date.now();
  const { manifest } = await verifyBackupFile(file);

  const [{ existing }] = await db.read(q('countExisting.cypher'));
  if ((existing as number) > 0) {
    const [{ half }] = await db.read(q('unfinishedRestore.cypher'));
    throw new BackupError(
      half
        ? 'the database holds an unfinished restore: start again from an empty data directory'
        : `the database is not empty (${existing} nodes): restore only into an empty database (a new DATA_DIR, started with DEMO=0)`,
    );
  }

  // The server applies the schema as it starts; if that runs at the same moment, try again once.
  await applySchema(db).catch(() => applySchema(db));
  // Element ids join relationships to nodes while loading; the temporary label and index go after.
  await db.write(q('restoreKeyIndex.cypher'));
  await db.write('CALL db.awaitIndexes(300)', {}, { timeoutMs: 310_000 });

  const total = manifest.nodes + manifest.relationships;
  let done = 0;
  let batch: Record<string, unknown>[] = [];
  let kind: 'n' | 'r' = 'n';
  const flush = async () => {
    if (!batch.length) return;
    if (kind === 'n') {
      await db.write(cypherFile(import.meta.url, 'restoreNodes.cypher'), { rows: batch }, { timeoutMs: LONG });
    } else {
      const [{ created }] = await db.write(cypherFile(import.meta.url, 'restoreRelationships.cypher'), { rows: batch }, { timeoutMs: LONG });
      if (created !== batch.length) throw new BackupError(`${batch.length - (created as number)} relationships of a batch have no end node in the backup`);
    }
    done += batch.length;
    onProgress?.(done, total);
    batch = [];
  };

  for await (const { no, text } of lines(file)) {
    if (no === 1) continue;
    const obj = JSON.parse(text) as Record<string, unknown>;
    if ('end' in obj) break;
    try {
      if ('n' in obj) {
        batch.push({ k: obj.n, l: obj.l, p: decodeProps(obj.p) });
      } else {
        if (kind === 'n') {
          await flush();
          kind = 'r';
        }
        batch.push({ t: obj.r, s: obj.s, e: obj.e, p: decodeProps(obj.p) });
      }
    } catch (e) {
      throw new BackupError(`line ${no}: ${(e as Error).message}`);
    }
    if (batch.length >= RESTORE_BATCH) await flush();
  }
  await flush();

  for (;;) {
    const [{ cleared }] = await db.write(
      q('clearRestoreKeys.cypher'),
      {},
      { timeoutMs: LONG },
    );
    if ((cleared as number) === 0) break;
  }
  await db.write(q('dropRestoreKeyIndex.cypher'));

  // The restored database says the same as the manifest, label by label, type by type.
  const [{ nodes }] = await db.read(q('countNodes.cypher'));
  const [{ relationships }] = await db.read(q('countRelationships.cypher'));
  if (nodes !== manifest.nodes || relationships !== manifest.relationships) {
    throw new BackupError(`after loading, the database holds ${nodes} nodes and ${relationships} relationships; the backup has ${manifest.nodes} and ${manifest.relationships}`);
  }
  const byLabel = Object.fromEntries(
    (await db.read(q('countByLabel.cypher'), {}, { timeoutMs: LONG })).map((r) => [r.l as string, r.c as number]),
  );
  const byType = Object.fromEntries((await db.read(q('countByType.cypher'), {}, { timeoutMs: LONG })).map((r) => [r.t as string, r.c as number]));
  const same = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  if (!same(byLabel, manifest.labels)) throw new BackupError(`the counts per label differ from the backup: ${JSON.stringify(byLabel)} vs ${JSON.stringify(manifest.labels)}`);
  if (!same(byType, manifest.types)) throw new BackupError(`the counts per relationship type differ from the backup: ${JSON.stringify(byType)} vs ${JSON.stringify(manifest.types)}`);

  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new BackupError(`the restored audit log does not verify: broken at entry ${chain.brokenAt}`);
  if (chain.entries !== manifest.audit.seq) throw new BackupError(`the restored audit log has ${chain.entries} entries; the backup has ${manifest.audit.seq}`);

  // Name keys come back as they were stored; those made with other key rules or name files (or
  // before keys existed) are computed again, as at a start.
  await ensureNameKeys(db);

  return { nodes: nodes as number, relationships: relationships as number, auditEntries: chain.entries, seconds: (Date.now() - started) / 1000 };
}
