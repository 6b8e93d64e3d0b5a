/**
 * `npm run bench [-- --quick] [--sizes 10000,100000,1000000] [--calls 1000000]`
 *
 * For each size: a fresh local Neo4j, the scale dataset (seeds/scale.ts) loaded with the import,
 * our server started as a separate process over it, and the same questions asked of our GraphQL,
 * of an @neo4j/graphql API over the same database and as raw Cypher; then throughput under load
 * from a separate process (autocannon), server RSS and Neo4j heap. Also the import rate for POLE
 * and for the call records. Results go to bench/results/<date>.json and .md; the table is printed.
 * --quick (under 3 minutes): 10k nodes, 100k calls, fewer calls per question, POLE skipped.
 * --skip-pole, --skip-browser leave those parts out; --calls 0 the call records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ROOT } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../server/db/localNeo4j.js';
import { applySchema } from '../server/db/schema.js';
import { importDirectory } from '../server/modules/intake/csvImport.js';
import { polePreset } from '../server/modules/intake/presets.js';
import { upsertUser } from '../server/modules/auth/users.js';
import { generateScale } from '../seeds/scale.js';
import { entitiesNamed, questions, startNeo4jGraphql } from './peers.js';
import { benchBrowser, browserTable, type BrowserResult } from './browser.js';
import { markdownTable, readEventLoopDelay, rssMb, timeInterleaved, type Latency } from './stats.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' }, calls: { type: 'string' }, 'skip-pole': { type: 'boolean', default: false }, 'skip-browser': { type: 'boolean', default: false } },
});
const quick = values.quick!;
const sizes = (values.sizes ?? (quick ? '10000' : '10000,100000,1000000')).split(',').map(Number);
const callCount = Number(values.calls ?? (quick ? 100_000 : 1_000_000));
const timesPerQuestion = quick ? 30 : 200;
// The JVM compiles a query's plan and hot paths over the first hundred or so calls.
const warmRounds = quick ? 20 : 60;
const loadSeconds = quick ? 5 : 20;
const POLE = path.resolve(ROOT, '..', 'shared', 'data', 'pole');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-bench-'));
const say = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

interface SizeResult {
  nodes: number;
  relationships: number;
  importRowsPerSecond: number;
  questions: Record<string, { ours?: Latency; generated?: Latency | string; cypher?: Latency; cypherHow?: string; entities?: Record<string, number>; oursVsCypher?: number; generatedVsOurs?: number }>;
  load: Record<string, { requestsPerSecond: number; p50: number; p97_5: number; p99: number; errors: number; non2xx: number }>;
  memory: { serverRssMb: number; neo4jHeapUsedMb: number | null; neo4jRssMb: number | null };
  /** One write shaped like our audit append (a head locked, one entry created), raw: what each answer waits for. */
  auditAppend?: Latency;
  /** The server's event-loop delay while it answered the questions and the load (GET /metrics), ms. */
  eventLoopDelayMs: { p50: number; p99: number; max: number } | null;
}

async function neo4jHeapMb(db: Database): Promise<number | null> {
  try {
    const [row] = await db.read("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used");
    return row?.used ? Math.round(Number(row.used) / 1024 / 1024) : null;
  } catch {
    return null;
  }
}

/** Our server as its own process over the given database (so its RSS is its own). */
async function startOurServer(neo4j: LocalNeo4j, dataDir: string): Promise<{ url: string; proc: ChildProcess; stop: () => Promise<void> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '0', NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`our server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`our server did not start: ${out}`);
    try {
      const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ health { database } }"}' });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * Times a write shaped like the audit append every answer that shows a person waits for (audit.ts:
 * the chain's head locked and updated, one entry created, one auto-commit round trip), on scratch
 * labels that are removed afterwards: the part of "ours" that raw reads do not pay.
 */
async function timeAuditShapedWrite(driver: Database['driver'], times: number, warm: number): Promise<Latency> {
  const entry = (seq: number) => ({ seq, at: new Date().toISOString(), username: 'bench-analyst', role: 'analyst', purpose: null, operation: 'Query.neighbourhood', args: '{"ids":["sp-1"],"hops":2}', entityIds: Array.from({ length: 64 }, (_, i) => `sp-${i}`), outcome: 'ok', prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) });
  let seq = 0;
  const write = async () => {
    const session = driver.session();
    try {
      await session.run(
        `MERGE (h:BenchProbeHead {id: 'head'}) SET h.lockedAt = timestamp()
         WITH h CREATE (a:BenchProbeEntry) SET a = $entry
         WITH h SET h.seq = $entry.seq`,
        { entry: entry(++seq) },
      );
    } finally {
      await session.close();
    }
  };
  try {
    return (await timeInterleaved({ write }, times, warm)).write!;
  } finally {
    const session = driver.session();
    await session.run('MATCH (n) WHERE n:BenchProbeHead OR n:BenchProbeEntry DETACH DELETE n').finally(() => session.close());
  }
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0]!.message}`);
  return body.data;
}

/** autocannon from a separate process, JSON out (asynchronously: the @neo4j/graphql server lives in this one). */
async function loadTest(url: string, body: string, token: string | undefined, seconds: number, connections: number) {
  const args = [path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js'), '-j', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-b', body];
  if (token) args.push('-H', `authorization=Bearer ${token}`);
  args.push(url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return { requestsPerSecond: Math.round(r.requests.average), p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function benchSize(nodes: number, withCalls: boolean): Promise<{ result: SizeResult; callsRowsPerSecond?: number }> {
  const dataDir = path.join(work, `size-${nodes}`);
  say(`${nodes} nodes: generating`);
  const scale = generateScale(path.join(dataDir, 'csv'), { nodes, seed: 'bench' });
  const neo4j = await startLocalNeo4j({ dataDir, heap: nodes >= 1_000_000 ? '2g' : '1g', pageCache: nodes >= 1_000_000 ? '1g' : '256m' });
  const db = Database.connect(neo4j.uri, neo4j.user, neo4j.password);
  try {
    await db.waitUntilReady();
    await applySchema(db);
    say(`${nodes} nodes: importing`);
    const imported = await importDirectory(db, scale.dir);
    say(`${nodes} nodes: ${imported.rowsPerSecond} rows/s, ${imported.rejected.length} rejected`);
    let callsRowsPerSecond: number | undefined;
    if (withCalls) {
      const callsDir = path.join(dataDir, 'calls');
      generateScale(callsDir, { nodes, calls: callCount, seed: 'bench' });
      // Only the call files: the rest of the graph is already there.
      for (const f of fs.readdirSync(callsDir)) if (!/PhoneCall|CALLER|CALLED/.test(f)) fs.rmSync(path.join(callsDir, f));
      say(`importing ${callCount} calls`);
      const calls = await importDirectory(db, callsDir);
      callsRowsPerSecond = calls.rowsPerSecond;
      say(`calls: ${calls.rowsPerSecond} rows/s (${calls.seconds.toFixed(1)} s)`);
    }
    const password = randomBytes(12).toString('base64url');
    await upsertUser(db, 'bench-analyst', 'analyst', password);
    await upsertUser(db, 'bench-admin', 'admin', password);
    const ours = await startOurServer(neo4j, dataDir);
    const generated = await startNeo4jGraphql(db.driver);
    try {
      const login = async (username: string) => ((await post(`${ours.url}/graphql`, 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password })) as { login: { token: string } }).login.token;
      const token = await login('bench-analyst');
      const adminToken = await login('bench-admin');
      const askedFrom = Date.now();
      const [{ surname }] = await db.read('MATCH (p:Person {id: $id}) RETURN p.surname AS surname', { id: scale.anchors.person });
      const qs = questions({ ...scale.anchors, searchText: String(surname) });
      const out: SizeResult['questions'] = {};
      for (const q of qs) {
        const r: SizeResult['questions'][string] = {};
        const contenders: Record<string, () => Promise<unknown>> = {};
        if (q.ours) contenders.ours = () => post(`${ours.url}/graphql`, q.ours!.query, q.ours!.variables, token);
        if (q.generated && 'unavailable' in q.generated) r.generated = q.generated.unavailable;
        else if (q.generated) {
          const g = q.generated;
          contenders.generated = () => post(generated.url, g.query, g.variables);
        }
        if (q.cypher) contenders.cypher = () => q.cypher!.run(db.driver);
        r.entities = Object.fromEntries(await Promise.all(Object.entries(contenders).map(async ([k, f]) => [k, entitiesNamed(await f())] as const)));
        Object.assign(r, await timeInterleaved(contenders, timesPerQuestion, warmRounds));
        if (q.cypher) r.cypherHow = q.cypher.how;
        if (r.ours && r.cypher) r.oursVsCypher = Math.round((r.ours.p50 / r.cypher.p50) * 100) / 100;
        if (r.ours && typeof r.generated === 'object') r.generatedVsOurs = Math.round((r.generated.p50 / r.ours.p50) * 100) / 100;
        out[q.name] = r;
        say(`${nodes} nodes: ${q.name}`, JSON.stringify(r));
      }
      const auditAppend = await timeAuditShapedWrite(db.driver, timesPerQuestion, warmRounds);
      say(`${nodes} nodes: an audit-shaped write`, JSON.stringify(auditAppend));
      // Throughput under load, from a separate process, on the neighbourhood question.
      const nb = qs[0]!;
      const load: SizeResult['load'] = {};
      load['ours neighbourhood'] = await loadTest(`${ours.url}/graphql`, JSON.stringify({ query: nb.ours!.query, variables: nb.ours!.variables }), token, loadSeconds, 20);
      const rssUnderLoad = rssMb(ours.proc.pid!) ?? 0;
      const eventLoopDelayMs = await readEventLoopDelay(ours.url, adminToken, (Date.now() - askedFrom) / 1000);
      const heap = await neo4jHeapMb(db);
      const g = nb.generated as { query: string; variables: Record<string, unknown> };
      load['@neo4j/graphql neighbourhood'] = await loadTest(generated.url, JSON.stringify({ query: g.query, variables: g.variables }), undefined, loadSeconds, 20);
      say(`${nodes} nodes: load`, JSON.stringify(load));
      const running = JSON.parse(fs.readFileSync(path.join(dataDir, 'neo4j', 'running.json'), 'utf8')) as { pid: number };
      return {
        result: {
          nodes: imported.nodes,
          relationships: imported.relationships,
          importRowsPerSecond: imported.rowsPerSecond,
          questions: out,
          load,
          memory: { serverRssMb: rssUnderLoad, neo4jHeapUsedMb: heap, neo4jRssMb: rssMb(running.pid) },
          eventLoopDelayMs,
          auditAppend,
        },
        callsRowsPerSecond,
      };
    } finally {
      await generated.stop();
      await ours.stop();
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

async function benchPole(): Promise<{ rowsPerSecond: number; seconds: number } | string> {
  if (!fs.existsSync(POLE)) return 'POLE dataset not found';
  const dataDir = path.join(work, 'pole');
  const neo4j = await startLocalNeo4j({ dataDir, heap: '1g', pageCache: '256m' });
  const db = Database.connect(neo4j.uri, neo4j.user, neo4j.password);
  try {
    await db.waitUntilReady();
    await applySchema(db);
    say('importing POLE');
    const r = await importDirectory(db, POLE, { preset: polePreset });
    say(`POLE: ${r.rowsPerSecond} rows/s in ${r.seconds.toFixed(1)} s`);
    return { rowsPerSecond: r.rowsPerSecond, seconds: Math.round(r.seconds * 10) / 10 };
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

async function main() {
  const started = Date.now();
  const results: { date: string; quick: boolean; machine: Record<string, unknown>; pole?: unknown; calls?: unknown; sizes: SizeResult[]; browser?: BrowserResult[] | string } = {
    date: new Date().toISOString(),
    quick,
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    sizes: [],
  };
  try {
    if (!quick && !values['skip-pole']) results.pole = await benchPole();
    for (const [i, n] of sizes.entries()) {
      const { result, callsRowsPerSecond } = await benchSize(n, i === 0 && callCount > 0);
      results.sizes.push(result);
      if (callsRowsPerSecond) results.calls = { calls: callCount, rows: callCount * 3, rowsPerSecond: callsRowsPerSecond, seconds: Math.round((callCount * 3) / callsRowsPerSecond) };
    }
    if (values['skip-browser']) results.browser = 'skipped (--skip-browser)';
    else if (!fs.existsSync('/usr/bin/chromium')) results.browser = 'no /usr/bin/chromium';
    else {
      say('browser: render and layout');
      results.browser = await benchBrowser(quick ? [1_000, 5_000] : [1_000, 5_000, 10_000, 20_000]);
    }
    say('browser:', JSON.stringify(results.browser));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const md = report(results);
  const stamp = results.date.slice(0, 19).replace(/:/g, '-');
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${stamp}${quick ? '-quick' : ''}.json`), JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(dir, `${stamp}${quick ? '-quick' : ''}.md`), md);
  console.log('\n' + md);
  say(`done in ${Math.round((Date.now() - started) / 1000)} s; results in bench/results/${stamp}${quick ? '-quick' : ''}.{json,md}`);
}

function report(r: { date: string; quick: boolean; pole?: unknown; calls?: unknown; sizes: SizeResult[]; machine: Record<string, unknown>; browser?: BrowserResult[] | string }): string {
  const ms = (l?: Latency | string) => (l === undefined ? '—' : typeof l === 'string' ? 'n/a' : `${l.p50} / ${l.p95} / ${l.p99}`);
  const parts = [`# Benchmarks ${r.date}${r.quick ? ' (quick)' : ''}`, '', `Machine: ${JSON.stringify(r.machine)}. Latency in ms as p50 / p95 / p99 of sequential calls after warm-up; the contenders take turns call by call.`, ''];
  for (const s of r.sizes) {
    parts.push(`## ${s.nodes.toLocaleString('en-GB')} nodes, ${s.relationships.toLocaleString('en-GB')} relationships (import ${s.importRowsPerSecond} rows/s)`, '');
    parts.push(
      markdownTable(
        ['question', 'ours (GraphQL)', '@neo4j/graphql', 'raw Cypher', 'ours ÷ Cypher (p50)', '@neo4j/graphql ÷ ours (p50)', 'entities in the answer: ours / generated / Cypher'],
        Object.entries(s.questions).map(([name, q]) => [
          name, ms(q.ours), typeof q.generated === 'string' ? q.generated : ms(q.generated), ms(q.cypher), q.oursVsCypher ?? '—', q.generatedVsOurs ?? '—',
          ['ours', 'generated', 'cypher'].map((k) => q.entities?.[k] ?? '—').join(' / '),
        ]),
      ),
      '',
      `Raw Cypher, per question: ${Object.entries(s.questions).filter(([, q]) => q.cypherHow).map(([name, q]) => `${name}: ${q.cypherHow}`).join('; ')}.`,
      '',
      markdownTable(['under load (20 connections)', 'req/s', 'p50', 'p97.5', 'p99', 'errors'], Object.entries(s.load).map(([k, v]) => [k, v.requestsPerSecond, v.p50, v.p97_5, v.p99, v.errors + v.non2xx])),
      '',
      `Memory under load: server RSS ${s.memory.serverRssMb} MB, Neo4j heap used ${s.memory.neo4jHeapUsedMb ?? 'n/a'} MB, Neo4j RSS ${s.memory.neo4jRssMb ?? 'n/a'} MB.`,
      '',
      `An audit-shaped write alone (raw, what each of our answers that shows a person waits for after its read): ${s.auditAppend ? `${s.auditAppend.p50} / ${s.auditAppend.p95} / ${s.auditAppend.p99} ms` : 'n/a'}.`,
      '',
      `Server event-loop delay while answering the questions and the load: ${s.eventLoopDelayMs ? `p50 ${s.eventLoopDelayMs.p50} ms, p99 ${s.eventLoopDelayMs.p99} ms, max ${s.eventLoopDelayMs.max} ms` : 'n/a'}.`,
      '',
    );
  }
  if (r.pole) parts.push(`POLE import: ${JSON.stringify(r.pole)}`, '');
  if (r.calls) parts.push(`Call records import: ${JSON.stringify(r.calls)}`, '');
  if (typeof r.browser === 'string') parts.push(`Browser: ${r.browser}`);
  else if (r.browser) parts.push(browserTable(r.browser));
  return parts.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
