/**
 * The server killed (SIGKILL) while reports are being written, as a crash or an OOM kill would:
 * after a restart every report acknowledged to a client is there, with all its entities and links,
 * and no report is there in part. A server process of its own (`server/main.ts`, own data
 * directory and port), so the kill disturbs nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { findRunningLocal, freePort, runtimeFile } from '../../server/db/localNeo4j.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { verifyAuditChain } from '../../server/modules/audit/audit.js';
import { spawnTsx } from '../support/processes.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-kill-'));
let server: ChildProcess | undefined;
let url = '';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const neo4jPid = () => (JSON.parse(fs.readFileSync(runtimeFile(dataDir), 'utf8')) as { pid: number }).pid;

async function startServer(port: number): Promise<void> {
  server = spawnTsx('server/main.ts', [], { PORT: String(port), DATA_DIR: dataDir, DEMO: '0', SKIP_WEB_BUILD: '1', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 150_000);
    server!.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Link chart is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.stderr!.on('data', (d) => (out += d));
    server!.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  url = `http://127.0.0.1:${port}/graphql`;
}

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const SUBMIT = 'mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } entities { entity { id } } links { id } } }';
const report = (n: number) => ({
  receivedOn: '2020-01-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'police',
  summary: `kill test ${n}`,
  entities: [
    { ref: 'a', kind: 'Person', properties: { name: `Ska${n}`, surname: 'Thornbury' } },
    { ref: 'b', kind: 'Person', properties: { name: `Skb${n}`, surname: 'Thornbury' } },
    { ref: 'v', kind: 'Vehicle', properties: { reg: `QQ${String(n).padStart(2, '0')}KIL` } },
  ],
  links: [
    { type: 'KNOWS', from: 'a', to: 'b' },
    { type: 'USES_VEHICLE', from: 'a', to: 'v', properties: { role: 'keeper' } },
    { type: 'USES_VEHICLE', from: 'b', to: 'v', properties: { role: 'seen_in' } },
  ],
});

afterAll(async () => {
  if (server?.pid && alive(server.pid)) server.kill('SIGKILL');
  if (fs.existsSync(runtimeFile(dataDir))) {
    const pid = neo4jPid();
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    while (alive(pid)) await new Promise((r) => setTimeout(r, 100));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server killed during writes', () => {
  it('keeps every acknowledged report, whole, and no report in part', async () => {
    const port = await freePort();
    await startServer(port);
    const target = findRunningLocal(dataDir)!;
    let db = Database.connect(target.uri, target.user, target.password);
    await upsertUser(db, 'kill-analyst', 'analyst', 'kill-test-password');
    await db.close();
    const token = (await post('mutation { login(username: "kill-analyst", password: "kill-test-password") { token } }', {})).data.login.token as string;

    // 24 clients writing reports; the server is killed once 40 have been acknowledged.
    const acknowledged = new Map<number, { report: string; entities: string[]; links: string[] }>();
    let attempted = 0;
    let next = 0;
    const clients = Array.from({ length: 24 }, async () => {
      for (;;) {
        const n = next++;
        attempted = Math.max(attempted, n + 1);
        try {
          const r = await post(SUBMIT, { input: report(n) }, token);
          const out = r.data?.submitReport;
          if (out) acknowledged.set(n, { report: out.report.id, entities: out.entities.map((e: any) => e.entity.id), links: out.links.map((l: any) => l.id) });
          else throw new Error(`refused: ${JSON.stringify(r.errors)}`);
        } catch (e) {
          if ((e as Error).message.startsWith('refused')) throw e;
          return; // the connection died with the server: not acknowledged
        }
      }
    });
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 5));
    const oldNeo4j = neo4jPid();
    server!.kill('SIGKILL');
    await Promise.all(clients);
    const ackedAtKill = acknowledged.size;
    expect(attempted).toBeGreaterThan(ackedAtKill); // requests were in flight when it died

    // The launcher sees its owner gone (stdin closed) and shuts Neo4j down by itself.
    const deadline = Date.now() + 60_000;
    while (alive(oldNeo4j) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(alive(oldNeo4j)).toBe(false);

    await startServer(port);
    const again = findRunningLocal(dataDir)!;
    db = Database.connect(again.uri, again.user, again.password);
    try {
      // Every acknowledged report is there, with the entities and links it was acknowledged with.
      for (const [n, ack] of acknowledged) {
        const [row] = await db.read(
          `MATCH (r:Report {id: $report})
           OPTIONAL MATCH (r)-[:MENTIONS]->(e)
           WITH r, collect(e.id) AS mentioned
           OPTIONAL MATCH ()-[l]->() WHERE l.id IN $links AND $report IN l.sources
           RETURN r.summary AS summary, mentioned, count(l) AS links`,
          { report: ack.report, links: ack.links },
        );
        expect(row, `report ${n}`).toBeDefined();
        expect(row.summary).toBe(`kill test ${n}`);
        expect((row.mentioned as string[]).sort()).toEqual([...ack.entities].sort());
        expect(row.links).toBe(3);
      }
      // Every report of this test is whole: 3 entities and 3 links, or not there at all — and
      // no entity of a report exists without its report.
      const rows = await db.read(
        `MATCH (r:Report) WHERE r.summary STARTS WITH 'kill test '
         OPTIONAL MATCH (r)-[:MENTIONS]->(e)
         WITH r, count(e) AS entities
         OPTIONAL MATCH ()-[l]->() WHERE r.id IN l.sources
         RETURN r.summary AS summary, entities, count(l) AS links`,
      );
      for (const r of rows) expect(r, String(r.summary)).toMatchObject({ entities: 3, links: 3 });
      expect(rows.length).toBeGreaterThanOrEqual(ackedAtKill);
      const [{ orphans }] = await db.read(
        "MATCH (p:Person) WHERE p.surname = 'Thornbury' AND NOT EXISTS { (:Report)-[:MENTIONS]->(p) } RETURN count(p) AS orphans",
      );
      expect(orphans).toBe(0);
      // Acknowledged changes were audited before the answer went out, and the chain is intact.
      const [{ audited }] = await db.read(
        "MATCH (a:AuditEntry {operation: 'Mutation.submitReport'}) WHERE any(id IN a.entityIds WHERE id IN $ids) RETURN count(DISTINCT a) AS audited",
        { ids: [...acknowledged.values()].map((a) => a.report) },
      );
      expect(audited).toBe(acknowledged.size);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000);
});
