/**
 * `npm run costs`: what one request of each operation costs, measured against a running instance
 * (PORT/DATA_DIR): server CPU, Neo4j CPU and the bytes the audit chain grows by. Each operation is
 * run alone through `npm run load -- --only <op>` (so the same requests as the mixed load), and
 * the audit entries written meanwhile are read back and sized. CPU time per request is the figure
 * a busy machine distorts least (latency it distorts most). Writes bench/results/costs-<date>.json,
 * which `npm run scaling` turns into a region's servers, cluster and audit growth (docs/scaling.md).
 *
 *   npm run costs                               # 20 s per operation, 8 clients
 *   npm run costs -- --duration 30 --connections 16
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadConfig, ROOT } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { findRunningLocal } from '../server/db/localNeo4j.js';
import { OPERATIONS } from './operations.js';

export interface OperationCost {
  requests: number;
  /** Milliseconds of CPU per request. */
  serverCpuMs: number | null;
  neo4jCpuMs: number | null;
  /** Audit entries written per request, and bytes per entry (its properties as stored, JSON-sized). */
  auditEntriesPerRequest: number;
  auditBytesPerEntry: number;
  latencyMs: { p50: number; p95: number; p99: number };
}

export interface CostsFile {
  at: string;
  machine: { cores: number; loadAverage: number[] };
  data: { nodes: number; relationships: number };
  operations: Record<string, OperationCost>;
}

function fail(message: string): never {
  console.error(`Costs failed: ${message}`);
  process.exit(2);
}

/** Runs `npm run load` for one operation and returns its result file. */
function loadOnce(op: string, duration: number, connections: number): Promise<{ results: { requests: number; cpuMsPerRequest: { server: number | null; neo4j: number | null }; operations: Record<string, { p50: number; p95: number; p99: number }> }[] }> {
  const out = path.join(os.tmpdir(), `linkchart-costs-${op}-${process.pid}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'load.ts'), '--only', op, '--runs', '1', '--duration', String(duration), '--connections', String(connections), '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => {
      if (!fs.existsSync(out)) return reject(new Error(`npm run load for ${op} wrote nothing (exit ${code})`));
      const parsed = JSON.parse(fs.readFileSync(out, 'utf8'));
      fs.rmSync(out, { force: true });
      resolve(parsed);
    });
  });
}

async function main() {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '8' }, out: { type: 'string' } } });
  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start it first (npm start), or set DATA_DIR / NEO4J_URI.`);
  const db = Database.connect(target.uri, target.user, target.password);
  const operations: Record<string, OperationCost> = {};
  let data: CostsFile['data'];
  try {
    const [counts] = await db.read('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
    data = { nodes: Number(counts!.nodes), relationships: Number(counts!.relationships) };
    for (const op of OPERATIONS.map((o) => o.name)) {
      const [head] = await db.read('OPTIONAL MATCH (h:AuditHead {id: "head"}) RETURN coalesce(h.seq, 0) AS seq');
      const seqBefore = Number(head!.seq);
      const load = await loadOnce(op, Number(values.duration), Number(values.connections));
      const run = load.results[0]!;
      // The entries this run wrote (the load's sign-ins among them), sized as their stored properties.
      const entries = await db.read('MATCH (a:AuditEntry) WHERE a.seq > $seq RETURN properties(a) AS p', { seq: seqBefore });
      const bytes = entries.reduce((s, e) => s + Buffer.byteLength(JSON.stringify(e.p)), 0);
      const latency = run.operations[op] ?? { p50: 0, p95: 0, p99: 0 };
      operations[op] = {
        requests: run.requests,
        serverCpuMs: run.cpuMsPerRequest.server,
        neo4jCpuMs: run.cpuMsPerRequest.neo4j,
        auditEntriesPerRequest: run.requests ? +(entries.length / run.requests).toFixed(3) : 0,
        auditBytesPerEntry: entries.length ? Math.round(bytes / entries.length) : 0,
        latencyMs: { p50: latency.p50, p95: latency.p95, p99: latency.p99 },
      };
      console.log(`${op}: ${JSON.stringify(operations[op])}`);
    }
  } finally {
    await db.close();
  }
  const file: CostsFile = { at: new Date().toISOString(), machine: { cores: os.cpus().length, loadAverage: os.loadavg().map((x) => +x.toFixed(1)) }, data, operations };
  const out = values.out ?? path.join(ROOT, 'bench', 'results', `costs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
  console.log(`costs in ${path.relative(process.cwd(), out)}`);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
