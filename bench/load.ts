/**
 * `npm run load`: a mixed workload against a running instance (PORT/DATA_DIR, or --url), from this
 * separate process, with autocannon: 50 clients for 60 s, three times, reporting latency
 * percentiles (overall and per operation), errors, throughput, the server's event-loop delay over
 * the run (p50, p99, max: GET /metrics, read as the load-admin user it creates), the CPU the server
 * and Neo4j spent per request (from /proc: the figure a busy machine distorts least) and the
 * server's and Neo4j's memory after each run, to see whether memory grows. Writes
 * bench/results/load-<date>.json.
 *
 *   npm run load                                  # the full form: 3 runs × 60 s × 50 clients
 *   npm run load -- --duration 5 --connections 10 --runs 1   # the short form the tests run
 *   npm run load -- --only submitReport,search    # some operations alone (to profile one)
 *   npm run load -- --servers 2                   # also against two servers over the one database
 *
 * With `--servers N` it starts N-1 more server processes (server/main.ts over the same Neo4j, no
 * state shared but the database) and runs each round twice: every client on the one server, then
 * the clients split evenly across the N (as a load balancer would spread them); it reports the
 * throughput gain of N servers over one in the same round.
 *
 * An error is any answer that is not HTTP 200 with GraphQL data and no errors, a timeout or a
 * broken connection. Exit 0 when there were none, 1 otherwise.
 *
 * Operations: in bench/operations.ts (OPERATIONS); one whose root field the server lacks (e.g. a query of
 * a module not merged yet) is left out with a note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig, ROOT } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { findRunningLocal, freePort, runtimeFile } from '../server/db/localNeo4j.js';
import { upsertUser, type Role } from '../server/modules/auth/users.js';
import { assignChildren } from '../server/modules/safeguarding/assignments.js';
import { readEventLoopDelay, rssMb } from './stats.js';
import { OPERATIONS, type Operation, type Samples } from './operations.js';

// autocannon ships no types; the little used here is typed by hand.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/** CPU seconds a process has used so far (user + system, Linux /proc), or null when unknown. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of several processes together, or null when any is unknown. */
function sumCpu(pids: (number | undefined)[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const s = cpuSeconds(pid);
    if (s === null) return null;
    total += s;
  }
  return total;
}

/** Starts `count` more server processes over the same database (no demo load); each stops on SIGTERM. */
async function startExtraServers(count: number, db: { uri: string; user: string; password: string }): Promise<{ origin: string; pid: number | undefined; stop: () => Promise<void> }[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, DEMO: '0', SKIP_WEB_BUILD: '1', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`another server did not start: ${out}`)), 180_000);
        child.stdout.on('data', () => out.includes('Link chart is ready') && (clearTimeout(timer), resolve()));
        child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`another server exited (${code}): ${out}`))));
      });
      console.log(`another server on http://localhost:${port} (pid ${child.pid})`);
      return {
        origin: `http://localhost:${port}`,
        pid: child.pid,
        stop: () =>
          new Promise<void>((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', () => r());
            child.kill('SIGTERM');
          }),
      };
    }),
  );
}

function fail(message: string): never {
  console.error(`Load test failed: ${message}`);
  process.exit(2);
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: +percentile(s, 50).toFixed(1), p95: +percentile(s, 95).toFixed(1), p99: +percentile(s, 99).toFixed(1), max: +(s.at(-1) ?? 0).toFixed(1) };
};

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
      out: { type: 'string' },
      'server-pid': { type: 'string' },
      only: { type: 'string' },
      servers: { type: 'string', default: '1' },
    },
  });
  const config = loadConfig();
  const base = (values.url ?? `http://localhost:${config.port}`).replace(/\/graphql$/, '').replace(/\/$/, '');
  const [duration, connections, runs] = [Number(values.duration), Number(values.connections), Number(values.runs)];
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir} (needed to create the load users and pick sample ids): start it, or set DATA_DIR / NEO4J_URI.`);

  // Users of its own, and real ids to ask about, straight from the database.
  const db = Database.connect(target.uri, target.user, target.password);
  const password = randomBytes(18).toString('base64url');
  const samples: Samples = { persons: [], children: [], phones: [], regs: [] };
  try {
    // load-admin reads the server's event-loop delay (GET /metrics, admins only).
    // In parallel: each is an argon2 hash, slow on a busy machine.
    await Promise.all((['analyst', 'safeguarding', 'licensing', 'admin'] as const).map((role) => upsertUser(db, `load-${role}`, role, password)));
    samples.persons = (await db.read(
      // Not a person a team holds under restriction (or only its restricted reports support): the load
      // users are in no team, so a write naming one is refused, as it should be.
      `MATCH (p:Person) WHERE coalesce(p.child, false) = false AND p.name IS NOT NULL
         AND NOT EXISTS { MATCH (x:Restriction) WHERE x.liftedAt IS NULL AND (x.targetId = p.id OR x.targetId IN coalesce(p.sources, [])) }
       RETURN p.id AS id, p.name AS name, p.surname AS surname ORDER BY rand() LIMIT 400`,
    )) as Samples['persons'];
    // The safeguarding user's caseload: the children it may open (need-to-know), up to 100.
    const caseload = (await db.read('MATCH (c:Person {child: true}) RETURN c.id AS id LIMIT 100')).map((r) => r.id as string);
    samples.children = (await assignChildren(db, 'load-safeguarding', caseload))?.assignedChildren ?? [];
    samples.phones = (await db.read('MATCH (p:Phone) WHERE p.raw IS NOT NULL RETURN p.raw AS v ORDER BY rand() LIMIT 100')).map((r) => r.v as string);
    samples.regs = (await db.read('MATCH (v:Vehicle) WHERE v.reg IS NOT NULL RETURN v.reg AS v ORDER BY rand() LIMIT 100')).map((r) => r.v as string);
  } finally {
    await db.close();
  }
  if (!samples.persons.length) fail('the database holds no persons to ask about: load the demo data or an import first.');

  const post = async (body: unknown, token?: string) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return (await res.json()) as { data?: { login?: { token: string } } | null; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const tokens: Partial<Record<Role, string>> = {};
  // Signed in in parallel too (argon2 again).
  await Promise.all(
    (['analyst', 'safeguarding', 'licensing', 'admin'] as const).map(async (role) => {
      const r = await post({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: `load-${role}`, p: password } });
      if (!r.data?.login) fail(`cannot sign in as load-${role}: ${JSON.stringify(r.errors)}`);
      tokens[role] = r.data.login.token;
    }),
  );

  // Operations the server has (and data for them); the others are left out, saying so.
  const notes: string[] = [];
  const ops: Operation[] = [];
  const only = values.only ? new Set(values.only.split(',').map((x) => x.trim())) : null;
  const wanted = OPERATIONS.filter((op) => !only || only.has(op.name));
  // One request of each, at once (kept in order): does the server have the operation?
  const probes = await Promise.all(
    wanted.map((op) => (op.name === 'childConnections' && !samples.children.length ? Promise.resolve(null) : post(op.request(samples, 0), tokens[op.role]))),
  );
  wanted.forEach((op, i) => {
    const r = probes[i];
    if (r === null) {
      notes.push('childConnections left out: no children in the data');
      return;
    }
    if (r?.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /Cannot query field/.test(e.message))) {
      notes.push(`${op.name} left out: the server has no such operation (yet)`);
      return;
    }
    ops.push(op);
  });
  const totalWeight = ops.reduce((s, o) => s + o.weight, 0);
  const choose = () => {
    let x = Math.random() * totalWeight;
    for (const o of ops) if ((x -= o.weight) < 0) return o;
    return ops.at(-1)!;
  };

  const running = fs.existsSync(runtimeFile(config.dataDir)) ? (JSON.parse(fs.readFileSync(runtimeFile(config.dataDir), 'utf8')) as { pid: number; ownerPid: number }) : undefined;
  const serverPid = values['server-pid'] ? Number(values['server-pid']) : running?.ownerPid;
  const neo4jPid = running?.pid;

  // More servers over the same database, when asked: the instance's own is the first.
  const serverCount = Math.max(1, Math.floor(Number(values.servers)) || 1);
  const extra = await startExtraServers(serverCount - 1, target);
  const allBases = [base, ...extra.map((e) => e.origin)];
  const allServerPids = [serverPid, ...extra.map((e) => e.pid)];

  let n = 0;
  /** One pass: `connections` clients for `duration` seconds, split evenly across `bases`. */
  const measure = async (run: number, bases: string[], pids: (number | undefined)[]) => {
    const latencies = new Map<string, number[]>(ops.map((o) => [o.name, []]));
    const errors = new Map<string, number>(ops.map((o) => [o.name, 0]));
    const errorSamples: string[] = [];
    let serverMax = 0;
    const sampler = setInterval(() => (serverMax = Math.max(serverMax, rssMb(serverPid) ?? 0)), 1000);
    const serverBefore = rssMb(serverPid);
    const cpuBefore = { server: sumCpu(pids), neo4j: cpuSeconds(neo4jPid) };
    const request: AutocannonRequest = {
      method: 'POST',
      path: '/graphql',
      setupRequest: (req, context) => {
        const op = choose();
        context.op = op.name;
        context.t0 = performance.now();
        return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[op.role]}` }, body: JSON.stringify(op.request(samples, ++n)) };
      },
      onResponse: (status, body, context) => {
        const name = context.op as string;
        latencies.get(name)!.push(performance.now() - (context.t0 as number));
        let ok = status === 200;
        if (ok) {
          try {
            const parsed = JSON.parse(body) as { errors?: unknown[]; data?: unknown };
            ok = !parsed.errors?.length && parsed.data != null;
          } catch {
            ok = false;
          }
        }
        if (!ok) {
          errors.set(name, errors.get(name)! + 1);
          if (errorSamples.length < 5) errorSamples.push(`${name}: HTTP ${status} ${body.slice(0, 300)}`);
        }
      },
    };
    const started = Date.now();
    // One autocannon per server, at once: what a balancer spreading clients evenly would send.
    const perServer = Math.max(1, Math.round(connections / bases.length));
    const passes = await Promise.all(bases.map((url) => autocannon({ url, connections: perServer, duration, timeout: 30, requests: [request] })));
    const result = {
      requests: { total: passes.reduce((s, r) => s + r.requests.total, 0) },
      duration: Math.max(...passes.map((r) => r.duration)),
      errors: passes.reduce((s, r) => s + r.errors, 0),
      timeouts: passes.reduce((s, r) => s + r.timeouts, 0),
      non2xx: passes.reduce((s, r) => s + r.non2xx, 0),
    };
    clearInterval(sampler);
    const cpuUsed = (after: number | null, before: number | null) => (after === null || before === null ? null : +(after - before).toFixed(1));
    const cpu = { server: cpuUsed(sumCpu(pids), cpuBefore.server), neo4j: cpuUsed(cpuSeconds(neo4jPid), cpuBefore.neo4j) };
    const all = [...latencies.values()].flat();
    const graphqlErrors = [...errors.values()].reduce((s, x) => s + x, 0);
    // The window covers the run (the server keeps one-second histograms; a little of the time before it may be included).
    const eventLoopDelayMs = tokens.admin ? await readEventLoopDelay(base, tokens.admin, (Date.now() - started) / 1000) : null;
    const entry = {
      run,
      servers: bases.length,
      seconds: +((Date.now() - started) / 1000).toFixed(1),
      connections: perServer * bases.length,
      requests: result.requests.total,
      throughput: +(result.requests.total / result.duration).toFixed(1),
      latencyMs: summary(all),
      errors: { total: graphqlErrors + result.errors + result.timeouts, answers: graphqlErrors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
      errorSamples,
      operations: Object.fromEntries(ops.map((o) => [o.name, { requests: latencies.get(o.name)!.length, errors: errors.get(o.name), ...summary(latencies.get(o.name)!) }])),
      // How long the (first) server's event loop was held (sampled every 10 ms): no request should hold it over 50 ms.
      eventLoopDelayMs,
      // CPU the servers and Neo4j spent on the run: per request, the figure a busy machine distorts least.
      cpuSeconds: cpu,
      cpuMsPerRequest: {
        server: cpu.server === null || !result.requests.total ? null : +((cpu.server * 1000) / result.requests.total).toFixed(1),
        neo4j: cpu.neo4j === null || !result.requests.total ? null : +((cpu.neo4j * 1000) / result.requests.total).toFixed(1),
      },
      memoryMB: { serverBefore, serverMax: serverMax || null, serverAfter: rssMb(serverPid), neo4jAfter: rssMb(neo4jPid) },
    };
    const l = entry.latencyMs;
    console.log(
      `run ${run}/${runs}${bases.length > 1 || serverCount > 1 ? ` (${bases.length} server${bases.length > 1 ? 's' : ''})` : ''}: ${entry.requests} requests, ${entry.throughput}/s, p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, ` +
        `errors ${entry.errors.total}, event-loop delay p99 ${eventLoopDelayMs?.p99 ?? '?'} ms max ${eventLoopDelayMs?.max ?? '?'} ms, CPU per request: server ${entry.cpuMsPerRequest.server ?? '?'} ms, Neo4j ${entry.cpuMsPerRequest.neo4j ?? '?'} ms, server RSS ${entry.memoryMB.serverAfter ?? '?'} MB (max ${entry.memoryMB.serverMax ?? '?'}), Neo4j RSS ${entry.memoryMB.neo4jAfter ?? '?'} MB`,
    );
    for (const s of errorSamples) console.log(`  ${s}`);
    return entry;
  };

  const results = [];
  /** Per round with several servers: throughput of all of them over the one server's in the same round. */
  const gains: { run: number; oneServer: number; servers: number; allServers: number; gain: number }[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const single = await measure(run, [base], [serverPid]);
      results.push(single);
      if (serverCount > 1) {
        const spread = await measure(run, allBases, allServerPids);
        results.push(spread);
        gains.push({ run, oneServer: single.throughput, servers: serverCount, allServers: spread.throughput, gain: +(spread.throughput / single.throughput).toFixed(2) });
        console.log(`  ${serverCount} servers over one database: ${spread.throughput}/s against ${single.throughput}/s on one (×${gains.at(-1)!.gain})`);
      }
    }
  } finally {
    await Promise.all(extra.map((e) => e.stop()));
  }

  console.log('\nper operation (last run):');
  const last = results.at(-1)!;
  console.log(`  ${'operation'.padEnd(18)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
  for (const [name, o] of Object.entries(last.operations)) {
    console.log(`  ${name.padEnd(18)} ${String(o.requests).padStart(8)} ${String(o.errors).padStart(6)} ${String(o.p50).padStart(8)} ${String(o.p95).padStart(8)} ${String(o.p99).padStart(8)}`);
  }
  for (const note of notes) console.log(`  note: ${note}`);
  const rss = results.map((r) => r.memoryMB.serverAfter).filter((x): x is number => x !== null);
  const growth = rss.length > 1 ? rss.at(-1)! - rss[0]! : null;
  if (growth !== null) console.log(`server RSS after each run: ${rss.join(' → ')} MB (growth from the first run to the last: ${growth} MB)`);

  const out = values.out ?? path.join(ROOT, 'bench', 'results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const totalErrors = results.reduce((s, r) => s + r.errors.total, 0);
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), url: base, servers: serverCount, duration, connections, runs, gains, operations: ops.map((o) => ({ name: o.name, weight: o.weight, role: o.role })), notes, results, serverRssGrowthMB: growth, totalErrors }, null, 2) + '\n');
  console.log(`results in ${path.relative(process.cwd(), out)}`);
  process.exitCode = totalErrors === 0 ? 0 : 1;
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
