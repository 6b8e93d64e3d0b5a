/**
 * The audit log: append-only and tamper-evident. Each entry records who (username, role), why
 * (purpose), when, which operation with which arguments, and the ids of the entities returned or
 * changed; its hash covers all of that and the previous entry's hash, so altering or removing an
 * entry breaks the chain from there on (see `verifyAuditChain`). Entries are appended one at a time
 * under a lock on the chain's head node, so concurrent requests cannot fork the chain.
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

export async function appendAudit(db: Database, record: AuditRecord): Promise<AuditEntry> {
  return db.writeTransaction(async (run) => {
    // SET takes the head's write lock first: appenders queue here, one at a time.
    const [head] = await run(
      `MERGE (h:AuditHead {id: 'head'})
       ON CREATE SET h.seq = 0, h.hash = ''
       SET h.lockedAt = timestamp()
       RETURN h.seq AS seq, h.hash AS hash`,
    );
    const partial = {
      ...record,
      args: JSON.stringify(record.args ?? {}),
      seq: (head.seq as number) + 1,
      at: new Date().toISOString(),
      prevHash: head.hash as string,
    };
    const entry = { ...partial, hash: entryHash(partial) } as unknown as AuditEntry;
    await run(
      `CREATE (a:AuditEntry) SET a = $entry
       WITH a MATCH (h:AuditHead {id: 'head'}) SET h.seq = a.seq, h.hash = a.hash`,
      { entry },
    );
    return entry;
  });
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
