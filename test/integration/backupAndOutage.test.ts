/**
 * A stack of this file's own, for what would disturb the shared one: backup and restore, Neo4j
 * going away while the server serves, and Neo4j killed during an import.
 *
 * Backup and restore between two real databases: a source stack of its own (demo data, users, an
 * audit log, values of every property type), backed up with `npm run backup` while it serves, and
 * a second, empty Neo4j restored with `npm run restore`. The two must then be the same, node for
 * node and relationship for relationship, with an intact audit chain. A source of its own, not the
 * shared test stack: that one changes under the other test files all the time, so an exact
 * comparison with it could never hold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.js';
import { startStack, type Stack } from '../../server/stack.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { verifyAuditChain } from '../../server/modules/audit/audit.js';
import { restoreBackup, writeBackup } from '../../server/modules/backup/backup.js';
import { canonicalDump, dumpDifference } from '../support/canonical.js';
import { runTsx, spawnTsx } from '../support/processes.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-backup-'));
const sourceDir = path.join(tmp, 'source');
const targetDir = path.join(tmp, 'target');
let source: Stack;
/** The source's Neo4j as (re)started by the tests below. */
let sourceNeo4j: LocalNeo4j;
let target: LocalNeo4j;
let targetDb: Database;
let token: string;

async function post(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${source.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

const SUBMIT = 'mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } } }';
const report = (n: number) => ({
  receivedOn: '2020-01-01', sourceType: 'youth_worker', sourceGrade: 2, intelGrade: 'C', handling: 'P', ownerAgency: 'youth_service',
  summary: `backup test report ${n}`,
  entities: [
    { ref: 'a', kind: 'Person', properties: { name: `Bkp${n}`, surname: 'Alderley' } },
    { ref: 'b', kind: 'Person', properties: { name: `Bkq${n}`, surname: 'Alderley' } },
  ],
  links: [{ type: 'KNOWS', from: 'a', to: 'b' }],
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills the source's Neo4j as a crash would, and waits until it is gone. */
async function killSourceNeo4j() {
  process.kill(sourceNeo4j.pid, 'SIGKILL');
  await sourceNeo4j.stop(); // returns once the JVM has exited
}

/** Starts it again on the same data and Bolt port, as an operator (or a supervisor) would. */
async function restartSourceNeo4j() {
  sourceNeo4j = await startLocalNeo4j({ dataDir: sourceDir, boltPort: sourceNeo4j.boltPort, heap: '512m', pageCache: '128m' });
}

async function wipe(db: Database) {
  for (;;) {
    const [{ n }] = await db.write('MATCH (x) WITH x LIMIT 20000 DETACH DELETE x RETURN count(*) AS n');
    if (n === 0) return;
  }
}

beforeAll(async () => {
  const config = { ...loadConfig({ PORT: '0', DATA_DIR: sourceDir, DEMO: '1', DEMO_USERS: '0', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' }), external: undefined };
  [source, target] = await Promise.all([startStack(config, { host: '127.0.0.1' }), startLocalNeo4j({ dataDir: targetDir, heap: '512m', pageCache: '128m' })]);
  targetDb = Database.connect(target.uri, target.user, target.password);
  sourceNeo4j = source.neo4j!;

  // Users, a token secret and an audit log, made the way the service makes them.
  await upsertUser(source.db, 'bk-analyst', 'analyst', 'backup-test-password');
  token = (await post('mutation { login(username: "bk-analyst", password: "backup-test-password") { token } }')).data.login.token;
  expect((await post('{ entity(id: "per-s001") { id } }')).data.entity.id).toBe('per-s001');
  expect((await post(SUBMIT, { input: report(0) })).errors).toBeUndefined();

  // Every property type Neo4j stores, on a node and a relationship.
  await source.db.write(
    `CREATE (t:Entity:Object {id: 'bk-types', i: 42, zero: 0, neg: -7, f: 2.0, f2: 0.1, nan: 0.0/0.0, b: true, s: 'naïve "quoted" \\u2028 line',
       big: $big, li: [1, 2, 3], lf: [1.0, 2.5], ls: ['a', 'b'], lb: [true, false], d: date('2020-02-29'),
       dt: datetime('2021-03-04T05:06:07.123456789+01:00'), dtz: datetime({year: 2021, month: 7, day: 1, hour: 12, timezone: 'Europe/London'}),
       ldt: localdatetime('2019-12-31T23:59:59.5'), lt: localtime('10:11:12.000000013'), tm: time('10:11:12+02:30'),
       dur: duration('P1Y2M3DT4H5M6.7S'), geo: point({latitude: 53.4, longitude: -1.3}), xyz: point({x: 1.5, y: 2, z: -3}), bytes: $bytes})
     CREATE (u:Entity:Object {id: 'bk-types-2'})
     CREATE (t)-[:INVOLVED_IN {w: 1.0, n: 3, when: date('2001-01-01'), tags: ['x']}]->(u)
     CREATE (t)-[:INVOLVED_IN {w: 1.0, n: 3, when: date('2001-01-01'), tags: ['x']}]->(u)`,
    { big: neo4j.int('9007199254740993'), bytes: new Int8Array([1, -2, 127]) },
  );
}, 180_000);

afterAll(async () => {
  await targetDb?.close();
  // The stores are thrown away: no need for a clean (10 s) shutdown.
  for (const n of [sourceNeo4j, target]) if (n && alive(n.pid)) process.kill(n.pid, 'SIGKILL');
  await Promise.all([source?.stop(), sourceNeo4j?.stop(), target?.stop()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  const file = path.join(tmp, 'full.jsonl.gz');

  it('reproduce the whole database exactly: nodes, relationships, types, users and the audit chain', async () => {
    const backup = await runTsx('server/modules/backup/backupCli.ts', ['--out', file], { DATA_DIR: sourceDir });
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Backup written to .*full\.jsonl\.gz.*nodes, \d+ relationships, audit log to entry \d+/);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'linkchart-backup', version: 1 });
    const { end } = JSON.parse(lines.at(-1)!);
    expect(end.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Three service secrets: token signing, opaque ids and bookmark signing (db/causal.ts).
    expect(end.labels).toMatchObject({ User: 1, AuditHead: 1, ServiceSecret: 3, DatasetLoad: 1, Person: expect.any(Number) });

    const restore = await runTsx('server/modules/backup/restoreCli.ts', [file], { DATA_DIR: targetDir });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/Checksum verified/);
    expect(restore.out).toMatch(/Restored and verified .*audit chain intact \(\d+ entries\)/);

    // Nothing wrote to the source meanwhile (this file alone uses it), so the two must be equal.
    const [a, b] = await Promise.all([canonicalDump(source.db), canonicalDump(targetDb)]);
    expect(a.nodes.length).toBe(end.nodes);
    expect(dumpDifference(a.nodes, b.nodes)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
    expect(dumpDifference(a.relationships, b.relationships)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
    expect(b.relationships.length).toBe(a.relationships.length);

    // Types, as Neo4j itself names them.
    const types = 'MATCH (t {id: "bk-types"}) RETURN [k IN keys(t) | k + ":" + valueType(t[k])] AS types';
    const [srcTypes] = await source.db.read(types);
    const [dstTypes] = await targetDb.read(types);
    expect((dstTypes.types as string[]).sort()).toEqual((srcTypes.types as string[]).sort());
    expect(dstTypes.types).toEqual(expect.arrayContaining(['i:INTEGER NOT NULL', 'f:FLOAT NOT NULL', 'dtz:ZONED DATETIME NOT NULL', 'li:LIST<INTEGER NOT NULL> NOT NULL', 'geo:POINT NOT NULL']));

    const [chainA, chainB] = await Promise.all([verifyAuditChain(source.db), verifyAuditChain(targetDb)]);
    expect(chainA.ok && chainB.ok).toBe(true);
    expect(chainB.entries).toBe(chainA.entries);
    expect(chainB.entries).toBeGreaterThanOrEqual(3); // login, entity read, submitReport
  }, 180_000); // Neo4j restarts: slow on a busy 2-core machine

  it('refuses a database that is not empty, and a damaged or incomplete file, before writing anything', async () => {
    const [{ before }] = await targetDb.read('MATCH (n) RETURN count(n) AS before');
    const again = await runTsx('server/modules/backup/restoreCli.ts', [file], { DATA_DIR: targetDir });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Restore failed: the database is not empty \(\d+ nodes\): restore only into an empty database/);

    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const altered = path.join(tmp, 'altered.jsonl.gz');
    const i = lines.findIndex((l) => l.includes('"bk-types"'));
    lines[i] = lines[i]!.replace('"i":42', '"i":43');
    fs.writeFileSync(altered, zlib.gzipSync(lines.join('\n')));
    const bad = await runTsx('server/modules/backup/restoreCli.ts', [altered], { DATA_DIR: targetDir });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/Restore failed: checksum mismatch: the manifest says sha256 [0-9a-f]{64}, the content is [0-9a-f]{64}/);

    const truncated = path.join(tmp, 'truncated.jsonl.gz');
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, 100).join('\n') + '\n'));
    const cut = await runTsx('server/modules/backup/restoreCli.ts', [truncated], { DATA_DIR: targetDir });
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/the manifest is missing: the backup is incomplete/);

    const [{ after }] = await targetDb.read('MATCH (n) RETURN count(n) AS after');
    expect(after).toBe(before);
  }, 180_000); // Neo4j restarts: slow on a busy 2-core machine

  it('takes a consistent backup while reports are being written, with every report acknowledged before it', async () => {
    await wipe(targetDb);
    const acknowledged: { id: string; at: number }[] = [];
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = 1; writing; n++) {
        const r = await post(SUBMIT, { input: report(w * 1000 + n) });
        if (r.data) acknowledged.push({ id: r.data.submitReport.report.id, at: Date.now() });
      }
    });
    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
    const startedAt = Date.now();
    const live = path.join(tmp, 'live.jsonl.gz');
    const manifest = await writeBackup(source.db, live);
    writing = false;
    await Promise.all(writers);

    // restoreBackup checks the counts per label and type against the manifest and the audit chain.
    const restored = await restoreBackup(targetDb, live);
    expect(restored.nodes).toBe(manifest.nodes);
    expect(restored.auditEntries).toBe(manifest.audit.seq);
    const before = acknowledged.filter((a) => a.at < startedAt).map((a) => a.id);
    const [{ present }] = await targetDb.read('MATCH (r:Report) WHERE r.id IN $ids RETURN count(r) AS present', { ids: before });
    expect(present).toBe(before.length);
    // Each of those restored whole: its two persons. (Neo4j reads are read-committed, not a
    // snapshot: a report committed while the backup ran may be in it in part, never dangling.)
    const [{ partial }] = await targetDb.read(
      `MATCH (r:Report) WHERE r.id IN $ids
       OPTIONAL MATCH (r)-[:MENTIONS]->(p:Person)
       WITH r, count(p) AS persons
       WHERE persons <> 2
       RETURN count(r) AS partial`,
      { ids: before },
    );
    expect(partial).toBe(0);
  }, 180_000); // Neo4j restarts: slow on a busy 2-core machine
});

describe('Neo4j killed while the server serves and an import runs', () => {
  const timed = async <T>(f: () => Promise<T>) => {
    const t0 = Date.now();
    const value = await f();
    return { value, ms: Date.now() - t0 };
  };
  const SEARCH = '{ search(text: "Calloway", limit: 5) { entity { id } } }';
  const n = 12_000;
  const dir = path.join(tmp, 'kill-import');
  const count = async () => {
    const [row] = await source.db.read(
      "MATCH (p:Person) WHERE p.id STARTS WITH 'kdb-' WITH count(p) AS people, count(DISTINCT p.id) AS ids OPTIONAL MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE a.id STARTS WITH 'kdb-' RETURN people, ids, count(k) AS links",
    );
    return row as { people: number; ids: number; links: number };
  };

  it('fails requests at once with DATABASE_UNAVAILABLE and the import with a clear message; health false; recovers by itself', async () => {
    expect((await post('{ health { database } }')).data.health.database).toBe(true);
    expect((await post(SEARCH)).data.search.length).toBeGreaterThan(0);

    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'nodes.csv'), [':ID,name,:LABEL', ...Array.from({ length: n }, (_, i) => `kdb-${i},Person ${i},Person`)].join('\n'));
    fs.writeFileSync(path.join(dir, 'rels.csv'), [':START_ID,:END_ID,:TYPE', ...Array.from({ length: n - 1 }, (_, i) => `kdb-${i},kdb-${i + 1},KNOWS`)].join('\n'));
    const importing = spawnTsx('server/modules/intake/importCli.ts', [dir], { DATA_DIR: sourceDir });
    let out = '';
    importing.stdout!.on('data', (d) => (out += d));
    importing.stderr!.on('data', (d) => (out += d));
    const exited = new Promise((r) => importing.once('exit', r));
    const deadline = Date.now() + 60_000;
    while ((await count()).people === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    await killSourceNeo4j();

    // The first request finds out within a second or so (the driver's default would retry for 30 s)…
    const first = await timed(() => post(SEARCH));
    expect(first.value.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^The database is unreachable/), extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(first.ms).toBeLessThan(5_000);
    // …and from then on every request fails fast, whatever it is, public or signed in.
    const burst = await timed(() =>
      Promise.all([
        post(SEARCH),
        post('{ entity(id: "per-s001") { id } }'),
        post(SUBMIT, { input: report(9999) }),
        post('mutation { login(username: "bk-analyst", password: "backup-test-password") { token } }'),
        ...Array.from({ length: 10 }, () => post('{ neighbourhood(ids: ["per-s001"]) { nodes { id } } }')),
      ]),
    );
    expect(burst.ms).toBeLessThan(3_000);
    for (const r of burst.value) expect(r.errors?.[0]?.extensions, JSON.stringify(r)).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    const health = await timed(() => post('{ health { database version } }'));
    expect(health.value.data.health.database).toBe(false);
    expect(health.ms).toBeLessThan(3_500);
    expect(await exited).toBe(1);
    expect(out).toMatch(/Import failed: The database is unreachable/);

    // Neo4j comes back on its port: the same server process picks it up without a restart.
    await restartSourceNeo4j();
    const back = Date.now() + 20_000;
    while (!(await post('{ health { database } }')).data.health.database && Date.now() < back) await new Promise((r) => setTimeout(r, 200));
    expect((await post(SEARCH)).data.search.length).toBeGreaterThan(0);
    const r = await post(SUBMIT, { input: report(10_000) });
    expect(r.errors).toBeUndefined();
    expect(r.data.submitReport.report.id).toBeTruthy();
  }, 180_000); // Neo4j restarts: slow on a busy 2-core machine

  it('leaves whole import batches only; the rerun completes with exact counts and no duplicates', async () => {
    const partial = await count();
    expect(partial.people % 5_000).toBe(0); // the crash lost no half of a batch
    expect(partial.people).toBeLessThan(n);
    const rerun = await runTsx('server/modules/intake/importCli.ts', [dir], { DATA_DIR: sourceDir });
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(/0 rejected/);
    expect(await count()).toEqual({ people: n, ids: n, links: n - 1 });
  }, 180_000); // Neo4j restarts: slow on a busy 2-core machine
});

describe('an audit entry that cannot be written', () => {
  it('withholds the answer (fail closed), then answers again with an intact chain once it can', async () => {
    const SEARCH = '{ search(text: "Calloway", limit: 5) { entity { id kind } } }';
    expect((await post(SEARCH)).data.search.length).toBeGreaterThan(0);
    // An entry squatting on the next sequence number: the next append breaks the unique constraint.
    const [head] = await source.db.read("MATCH (h:AuditHead {id: 'head'}) RETURN h.seq AS seq");
    await source.db.write("CREATE (:AuditEntry {seq: $seq, squatter: true})", { seq: (head!.seq as number) + 1 });
    try {
      const withheld = await post(SEARCH);
      expect(withheld.data?.search ?? null).toBeNull();
      expect(withheld.errors?.[0]?.extensions?.code, JSON.stringify(withheld)).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(withheld)).not.toMatch(/per-|Calloway/);
    } finally {
      await source.db.write('MATCH (a:AuditEntry {squatter: true}) DELETE a');
    }
    const again = await post(SEARCH);
    expect(again.errors).toBeUndefined();
    expect(again.data.search.length).toBeGreaterThan(0);
    expect(await verifyAuditChain(source.db)).toMatchObject({ ok: true, brokenAt: null });
  });
});
