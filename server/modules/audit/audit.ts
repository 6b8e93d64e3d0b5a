/**
 * The audit log: append-only and tamper-evident. Each entry records who (username, role), why
 * (purpose), when, which operation with which arguments, and the ids of the entities returned or
 * changed; its hash covers all of that and the previous entry's hash, so altering or removing an
 * entry breaks the chain from there on (see `verifyAuditChain`). Entries are appended under a lock
 * on the chain's head node, so concurrent requests cannot fork the chain.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';

export interface AuditRecord {
  username: string;
  role: string;
  purpose: string | null;
  operation: string;
  args: unknown;
  entityIds: string[];
  outcome: string;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  // A fixed field order: the same entry always hashes the same.
  const canonical = JSON.stringify([e.seq, e.at, e.username, e.role, e.purpose, e.operation, e.args, e.entityIds, e.outcome, e.prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an entry; resolves once it is committed. Entries arriving while a write is in flight are
 * committed together in the next transaction (group commit): the chain stays one entry after
 * another, but concurrent requests no longer queue for the head's lock one transaction each.
 */
export function appendAudit(db: Database, record: AuditRecord): Promise<AuditEntry> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], flushing: false }));
  const q = queue;
  return new Promise<AuditEntry>((resolve, reject) => {
    q.waiting.push({ record, resolve, reject });
    if (!q.flushing) void flush(db, q);
  });
}

interface Pending {
  record: AuditRecord;
  resolve: (e: AuditEntry) => void;
  reject: (e: unknown) => void;
}
const queues = new WeakMap<Database, { waiting: Pending[]; flushing: boolean }>();
const MAX_GROUP = 200;

async function flush(db: Database, q: { waiting: Pending[]; flushing: boolean }): Promise<void> {
  q.flushing = true;
  try {
    while (q.waiting.length) {
      const group = q.waiting.splice(0, MAX_GROUP);
      try {
        const entries = await appendGroup(db, group.map((p) => p.record));
        group.forEach((p, i) => p.resolve(entries[i]!));
      } catch (e) {
        for (const p of group) p.reject(e);
      }
    }
  } finally {
    q.flushing = false;
  }
}

/** The chain's head as this process last wrote it: lets an append be one statement (see appendGroup). */
const knownHeads = new WeakMap<Database, { seq: number; hash: string }>();

/** Links `records` onto the chain after `head`: their seq, time, previous hash and own hash. */
function chainAfter(head: { seq: number; hash: string }, records: AuditRecord[]): AuditEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return records.map((record) => {
    const partial = { ...record, args: JSON.stringify(record.args ?? {}), seq: ++seq, at: new Date().toISOString(), prevHash };
    const entry = { ...partial, hash: entryHash(partial) } as unknown as AuditEntry;
    prevHash = entry.hash;
    return entry;
  });
}

const last = (entries: AuditEntry[]) => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

/**
 * Every request that shows a person waits for its audit entry, so the usual append is a single
 * statement chained onto the head this process wrote last; it writes only if, under the head's
 * lock, the head is still that one. Otherwise (first append, another server instance appended, a
 * restore) the head is read under its lock and the entries chained onto it, in one transaction.
 */
async function appendGroup(db: Database, records: AuditRecord[]): Promise<AuditEntry[]> {
  try {
    const known = knownHeads.get(db);
    if (known) {
      const entries = chainAfter(known, records);
      const written = await db.writeOnce(
        `MATCH (h:AuditHead {id: 'head'})
         SET h.lockedAt = timestamp()
         WITH h WHERE h.seq = $expectedSeq AND h.hash = $expectedHash
         UNWIND $entries AS entry
         CREATE (a:AuditEntry) SET a = entry
         WITH h, count(a) AS written
         SET h.seq = $seq, h.hash = $hash
         RETURN written`,
        { entries, expectedSeq: known.seq, expectedHash: known.hash, ...last(entries) },
      );
      if (written.length) {
        knownHeads.set(db, last(entries));
        return entries;
      }
    }
    const entries = await db.writeTransaction(async (run) => {
      // SET takes the head's write lock first: appenders (other server instances too) queue here.
      const [head] = await run(
        `MERGE (h:AuditHead {id: 'head'})
         ON CREATE SET h.seq = 0, h.hash = ''
         SET h.lockedAt = timestamp()
         RETURN h.seq AS seq, h.hash AS hash`,
      );
      const chained = chainAfter({ seq: head.seq as number, hash: head.hash as string }, records);
      await run(
        `UNWIND $entries AS entry
         CREATE (a:AuditEntry) SET a = entry
         WITH count(a) AS written
         MATCH (h:AuditHead {id: 'head'}) SET h.seq = $seq, h.hash = $hash`,
        { entries: chained, ...last(chained) },
      );
      return chained;
    });
    knownHeads.set(db, last(entries));
    return entries;
  } catch (e) {
    knownHeads.delete(db); // unknown whether it was written: read the head next time
    throw e;
  }
}

export async function readAudit(db: Database, filter: { entityId: string | null; username: string | null; limit: number }): Promise<AuditEntry[]> {
  const rows = await db.read(
    `MATCH (a:AuditEntry)
     WHERE ($entityId IS NULL OR $entityId IN a.entityIds) AND ($username IS NULL OR a.username = $username)
     RETURN properties(a) AS a
     ORDER BY a.seq DESC
     LIMIT $limit`,
    filter,
  );
  return rows.map((r) => r.a as AuditEntry);
}

/**
 * Recomputes the chain; the first entry whose hash or link does not match is where tampering is.
 * The head is read first and only entries up to it are checked, so appends made while verifying
 * (the service keeps working) are not mistaken for a break; they are checked next time.
 */
export async function verifyAuditChain(db: Database): Promise<{ ok: boolean; entries: number; brokenAt: number | null }> {
  const [head] = await db.read("OPTIONAL MATCH (h:AuditHead {id: 'head'}) RETURN h.seq AS seq, h.hash AS hash");
  const last = (head?.seq as number | null) ?? 0;
  const rows = await db.read('MATCH (a:AuditEntry) WHERE a.seq <= $last RETURN properties(a) AS a ORDER BY a.seq', { last }, { timeoutMs: 120_000 });
  let prev = '';
  let expectedSeq = 1;
  for (const { a } of rows as { a: AuditEntry }[]) {
    const { hash, ...rest } = a;
    if (a.seq !== expectedSeq || a.prevHash !== prev || entryHash(rest) !== hash) return { ok: false, entries: last, brokenAt: expectedSeq };
    prev = hash;
    expectedSeq++;
  }
  // Entries removed from the end, or the head rewritten, show here.
  if (rows.length !== last || (last > 0 && head?.hash !== prev)) return { ok: false, entries: last, brokenAt: rows.length + 1 };
  return { ok: true, entries: last, brokenAt: null };
}
