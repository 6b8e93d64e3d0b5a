/**
 * The audit log's hash chain as pure functions (server/modules/audit/audit.ts): entries chained
 * onto a head, and the check `verifyAuditChain` runs over what it reads. No database: the
 * integration tests (access.test.ts, backupAndOutage.test.ts) check the stored chain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditRecordToStore, chainAfter, checkAuditChain, entryHash, type AuditEntry, type StoredAuditRecord } from '../../server/modules/audit/audit.js';

const record = (i: number, over: Partial<StoredAuditRecord> = {}): StoredAuditRecord =>
  auditRecordToStore({ username: `user-${i % 3}`, role: 'analyst', purpose: i % 2 ? 'Op Central review' : null, operation: 'Query.entity', args: { id: `per-s00${i}` }, entityIds: [`per-s00${i}`], outcome: 'ok', ...over });

/** A chain of `n` entries from the start, and its head as the database keeps it. */
function chain(n: number): { head: { seq: number; hash: string }; entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  // Appended in groups, as the group commit does: each group continues from the last entry.
  let head = { seq: 0, hash: '' };
  for (let i = 0; i < n; i += 3) {
    const group = chainAfter(head, Array.from({ length: Math.min(3, n - i) }, (_, k) => record(i + k)));
    entries.push(...group);
    head = { seq: group.at(-1)!.seq, hash: group.at(-1)!.hash };
  }
  return { head, entries };
}

const copy = (entries: AuditEntry[]) => entries.map((e) => ({ ...e, entityIds: [...e.entityIds] }));

describe('the audit chain', () => {
  it('numbers entries from the head on, each naming the hash of the one before', () => {
    const { head, entries } = chain(7);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(entries[0]!.prevHash).toBe('');
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(head).toEqual({ seq: 7, hash: entries[6]!.hash });
    for (const e of entries) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores arguments as JSON text of what the audit keeps (no case text)', () => {
    const [e] = chainAfter({ seq: 0, hash: '' }, [auditRecordToStore({ username: 'ann', role: 'analyst', purpose: null, operation: 'Query.search', args: { text: 'Kershaw', limit: 5 }, outcome: 'ok' })]);
    expect(JSON.parse(e!.args)).toEqual({ text: '[text: 7 chars]', limit: 5 });
    expect(e!.entityIds).toEqual([]);
  });

  it('hashes every field: changing any one changes the hash', () => {
    const [e] = chainAfter({ seq: 4, hash: 'f'.repeat(64) }, [record(1)]);
    const { hash, ...rest } = e!;
    expect(entryHash(rest)).toBe(hash);
    const changes: Partial<AuditEntry>[] = [
      { seq: 6 },
      { at: '2000-01-01T00:00:00.000Z' },
      { username: 'someone-else' },
      { role: 'admin' },
      { purpose: 'another purpose' },
      { operation: 'Query.search' },
      { args: '{}' },
      { entityIds: ['per-s999'] },
      { outcome: 'denied' },
      { prevHash: '0'.repeat(64) },
    ];
    for (const change of changes) expect(entryHash({ ...rest, ...change }), JSON.stringify(change)).not.toBe(hash);
  });

  it('verifies an intact chain, an empty one, and one read up to its head while appends go on', () => {
    const { head, entries } = chain(10);
    expect(checkAuditChain(head, entries)).toEqual({ ok: true, entries: 10, brokenAt: null });
    expect(checkAuditChain({ seq: null, hash: null }, [])).toEqual({ ok: true, entries: 0, brokenAt: null });
    expect(checkAuditChain(null, [])).toEqual({ ok: true, entries: 0, brokenAt: null });
    // The reader takes the head first and the entries up to it: an intact prefix is intact.
    expect(checkAuditChain({ seq: 4, hash: entries[3]!.hash }, entries.slice(0, 4))).toEqual({ ok: true, entries: 4, brokenAt: null });
  });

  it('names the first broken entry: edited, removed, reordered, inserted, cut from the end, or a rewritten head', () => {
    const { head, entries } = chain(8);
    const edited = copy(entries);
    edited[4] = { ...edited[4]!, username: 'nobody' };
    expect(checkAuditChain(head, edited)).toEqual({ ok: false, entries: 8, brokenAt: 5 });

    // Edited and re-hashed: the next entry no longer names it.
    const rehashed = copy(entries);
    const { hash: _old, ...rest } = { ...rehashed[2]!, outcome: 'denied' };
    rehashed[2] = { ...rest, hash: entryHash(rest) };
    expect(checkAuditChain(head, rehashed)).toMatchObject({ ok: false, brokenAt: 4 });

    expect(checkAuditChain(head, entries.filter((e) => e.seq !== 3))).toMatchObject({ ok: false, brokenAt: 3 });
    const swapped = copy(entries);
    [swapped[5], swapped[6]] = [swapped[6]!, swapped[5]!];
    expect(checkAuditChain(head, swapped)).toMatchObject({ ok: false, brokenAt: 6 });
    // An entry forged after the 2nd, chained correctly to it: the 3rd then breaks.
    const forged = chainAfter({ seq: 2, hash: entries[1]!.hash }, [record(99)]);
    expect(checkAuditChain(head, [...entries.slice(0, 2), ...forged, ...entries.slice(2)])).toMatchObject({ ok: false, brokenAt: 4 });
    // The last two removed (the head still says eight).
    expect(checkAuditChain(head, entries.slice(0, 6))).toEqual({ ok: false, entries: 8, brokenAt: 7 });
    // The last two removed and the head moved back but not re-hashed.
    expect(checkAuditChain({ seq: 6, hash: head.hash }, entries.slice(0, 6))).toEqual({ ok: false, entries: 6, brokenAt: 7 });
    // The head's hash rewritten.
    expect(checkAuditChain({ seq: 8, hash: '0'.repeat(64) }, entries)).toMatchObject({ ok: false, brokenAt: 9 });
  });

  it('fails for any single tampered field of any entry, at that entry (property-based)', () => {
    const fields = ['seq', 'at', 'username', 'role', 'purpose', 'operation', 'args', 'entityIds', 'outcome', 'prevHash', 'hash'] as const;
    const { head, entries } = chain(12);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: entries.length - 1 }), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 20 }), (at, field, text) => {
        const tampered = copy(entries);
        const e = tampered[at]!;
        const value =
          field === 'seq' ? e.seq + text.length : field === 'entityIds' ? [...e.entityIds, text] : field === 'purpose' && e.purpose === null ? text : `${String(e[field])}${text}`;
        tampered[at] = { ...e, [field]: value };
        const verdict = checkAuditChain(head, tampered);
        expect(verdict.ok).toBe(false);
        expect(verdict.brokenAt).toBe(at + 1);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('accepts any chain it made, whatever the records and group sizes (property-based)', () => {
    const arbRecord = fc.record({
      username: fc.string({ maxLength: 12 }),
      role: fc.constantFrom('analyst', 'licensing', 'safeguarding', 'admin', ''),
      purpose: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
      operation: fc.constantFrom('Query.entity', 'Query.search', 'Mutation.merge', 'Mutation.login'),
      args: fc.dictionary(fc.constantFrom('id', 'text', 'limit', 'ids'), fc.oneof(fc.string({ maxLength: 10 }), fc.integer())),
      entityIds: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
      outcome: fc.constantFrom('ok', 'denied', 'failed', 'refused'),
    });
    fc.assert(
      fc.property(fc.array(fc.array(arbRecord, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), (groups) => {
        let head = { seq: 0, hash: '' };
        const entries: AuditEntry[] = [];
        for (const group of groups) {
          const chained = chainAfter(head, group.map((r) => auditRecordToStore(r)));
          entries.push(...chained);
          head = { seq: chained.at(-1)!.seq, hash: chained.at(-1)!.hash };
        }
        expect(checkAuditChain(head, entries)).toEqual({ ok: true, entries: entries.length, brokenAt: null });
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});
