/**
 * The audit log: append-only and tamper-evident. Each entry records who (username, role), why
 * (purpose), when, which operation with which arguments (made safe first: names, ids, dates and
 * vocabulary, never case text; see auditArgs.ts), the ids of the entities returned or changed, and
 * the outcome ('ok', 'denied', 'failed'); its hash covers all of that and the previous entry's
 * hash, so altering or removing an entry breaks the chain from there on (see `verifyAuditChain`).
 * Entries are appended under a lock on the chain's head node, so concurrent requests cannot fork
 * the chain.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { safeAuditArgs } from './auditArgs.js';
import { auditCommitSeconds, auditEntriesTotal } from '../../metrics.js';
import { outsideCausalScope } from '../../db/causal.js';

/**
 * How the attempt ended: 'ok', or 'denied' (refused by the access rules), 'failed' (e.g. a failed
 * sign-in), or another short word the caller chooses.
 */
export type AuditOutcome = 'ok' | 'denied' | 'failed' | (string & {});

export interface AuditRecord {
  /** Who: for a failed sign-in, the username that was tried. */
  username: string;
  /** The user's role; null when there is none (an unknown username's failed sign-in): stored as ''. */
  role: string | null;
  purpose: string | null;
  operation: string;
  /** The operation's arguments: only what `safeAuditArgs` keeps of them is stored. */
  args: unknown;
  /** Ids shown or changed; none for a refused attempt. */
  entityIds?: string[];
  outcome: AuditOutcome;
}

/** A record as it is stored: arguments made safe (no case text), every field present. */
export interface StoredAuditRecord {
  username: string;
  role: string;
  purpose: string | null;
  operation: string;
  args: Record<string, unknown>;
  entityIds: string[];
  outcome: string;
}

/** The record as it is stored: arguments made safe (no case text), every field present. Pure. */
export function auditRecordToStore(record: AuditRecord): StoredAuditRecord {
  const outcome = typeof record.outcome === 'string' && record.outcome.trim() ? record.outcome.trim().slice(0, 40) : 'unknown';
  return {
    username: record.username,
    role: record.role ?? '',
    purpose: record.purpose ?? null,
    operation: record.operation,
    args: safeAuditArgs(record.args),
    entityIds: [...(record.entityIds ?? [])],
    outcome,
  };
}

export interface AuditEntry extends Omit<StoredAuditRecord, 'args'> {
  /** JSON text of the safe arguments. */
  args: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** An entry's hash: SHA-256 over its fields in a fixed order, the previous entry's hash among them. Pure. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
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
    // Made safe here, before anything else sees it: case text never reaches the store or the chain.
    q.waiting.push({ record: auditRecordToStore(record), resolve, reject });
    // Outside the request's causal scope: a group commits entries of many requests, and a read
    // need not wait for the audit of earlier ones to reach a follower (db/causal.ts).
    if (!q.flushing) outsideCausalScope(() => void flush(db, q));
  });
}

interface Pending {
  record: StoredAuditRecord;
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
        const committed = auditCommitSeconds.startTimer();
        const entries = await appendGroup(db, group.map((p) => p.record));
        committed();
        auditEntriesTotal.inc(entries.length);
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

/** Links `records` onto the chain after `head`: their seq, time, previous hash and own hash. Pure but for the clock. */
export function chainAfter(head: { seq: number; hash: string }, records: StoredAuditRecord[]): AuditEntry[] {
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
async function appendGroup(db: Database, records: StoredAuditRecord[]): Promise<AuditEntry[]> {
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
export async function verifyAuditChain(db: Database): Promise<AuditChainVerdict> {
  const [head] = await db.read("OPTIONAL MATCH (h:AuditHead {id: 'head'}) RETURN h.seq AS seq, h.hash AS hash");
  const last = (head?.seq as number | null) ?? 0;
  const rows = await db.read('MATCH (a:AuditEntry) WHERE a.seq <= $last RETURN properties(a) AS a ORDER BY a.seq', { last }, { timeoutMs: 120_000 });
  return checkAuditChain(head ? { seq: head.seq as number | null, hash: head.hash as string | null } : null, rows.map((r) => r.a as AuditEntry));
}

export interface AuditChainVerdict {
  ok: boolean;
  /** Entries the head says the chain holds. */
  entries: number;
  /** The seq of the first entry that does not match (one past the last when entries are missing at the end); null when intact. */
  brokenAt: number | null;
}

/**
 * The chain's check, given its head and the entries up to it in seq order: every entry's seq follows
 * the one before, names the previous entry's hash and hashes to its own; the last one's hash is the
 * head's. Pure.
 */
export function checkAuditChain(head: { seq: number | null; hash: string | null } | null, entries: AuditEntry[]): AuditChainVerdict {
  const last = head?.seq ?? 0;
  let prev = '';
  let expectedSeq = 1;
  for (const a of entries) {
    const { hash, ...rest } = a;
    if (a.seq !== expectedSeq || a.prevHash !== prev || entryHash(rest) !== hash) return { ok: false, entries: last, brokenAt: expectedSeq };
    prev = hash;
    expectedSeq++;
  }
  // Entries removed from the end, or the head rewritten, show here.
  if (entries.length !== last || (last > 0 && head?.hash !== prev)) return { ok: false, entries: last, brokenAt: entries.length + 1 };
  return { ok: true, entries: last, brokenAt: null };
}
