/**
 * `npm run scaling`: turns measured costs (`npm run costs`, bench/results/costs-*.json) into what a
 * region needs: API servers, the Neo4j cluster's shape, audit growth and archive, backup and
 * restore windows. A small, explicit model (every assumption is a flag with its default below), so
 * the figures move when the code gets faster and when the assumptions are argued with. Prints
 * markdown and writes it to docs/scaling-figures.md (docs/scaling.md explains the model).
 *
 *   npm run scaling                                   # the newest costs file, the region below
 *   npm run scaling -- --users 500 --nodes 100000000 --costs bench/results/costs-<date>.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.js';
import { OPERATIONS } from './operations.js';
import type { CostsFile } from './costs.js';

/** The region of issue 21 and how its people work; each is a flag (--name value). */
export const REGION = {
  users: 500, // signed in and working at the busy hour, across the agencies
  agencies: 10,
  requestsPerUserPerMinute: 6, // a click every ~10 s while working, each one or two API calls
  peakFactor: 2, // the busiest minute against the busy hour's average
  workingHoursPerYear: 2_500, // 10 h a day, 250 days: when the users above are at work
  offHoursShare: 0.1, // out of hours (on-call, overnight intake) as a share of the working rate
  nodes: 100_000_000,
  relationshipsPerNode: 3, // demo 2.7, POLE 1.7; call records push it up
  years: 10,
  auditYearsInDatabase: 1, // older years are sealed and archived (docs/scaling.md), not kept in the graph
  targetUtilisation: 0.6, // CPU a machine is planned to, leaving room for bursts and a failed peer
  serverCores: 4,
  databaseCores: 16,
  databaseMemoryGb: 128,
  // What one request's database work grows by on a graph this size against the measured one:
  // lookups through indexes and bounded neighbourhoods grow slowly (deeper, denser neighbourhoods);
  // operatorRisk reads every operator's concerns, which grow with the licensing data (ten agencies).
  localGrowth: 1.5,
  globalGrowth: 10,
  // Neo4j's record store (aligned format): node 15 B, relationship 34 B, property record 41 B,
  // dynamic string/array records 128 B; with about six properties a node and one a relationship,
  // and the indexes, this is bytes a node and a relationship on disk.
  bytesPerNode: 260,
  bytesPerRelationship: 80,
  indexShare: 0.3,
  auditStorageFactor: 2, // an audit entry on disk against its properties as JSON (records, hashes as strings)
  logicalBackupElementsPerSecond: 19_000, // npm run backup / restore, measured (README: 172k elements in 8.9 s)
  onlineBackupMbPerSecond: 200, // store-file copy (neo4j-admin backup on Enterprise, Aura snapshots)
};

type Region = typeof REGION;

/** Operations that only read the case graph (their database work can go to any cluster member). */
const WRITES = new Set(['submitReport']);
/** Operations whose database work grows with all of the region's data, not with one neighbourhood. */
const GLOBAL = new Set(['operatorRisk']);

export interface Figures {
  peakRequestsPerSecond: number;
  averageRequestsPerSecond: number;
  serverCoresAtPeak: number;
  apiServers: number;
  primaryCoresAtPeak: number;
  readCoresAtPeak: number;
  cluster: { primaries: number; secondaries: number };
  storeGb: number;
  auditGbPerYear: number;
  auditEntriesPerYear: number;
  logicalBackupHours: number;
  onlineBackupMinutes: number;
  perOperation: { name: string; share: number; serverCpuMs: number; neo4jCpuMs: number; auditBytes: number }[];
}

/** The model: pure, so a test can check it and a reader can follow it. */
export function simulate(costs: CostsFile, r: Region): Figures {
  const ops = OPERATIONS.filter((o) => costs.operations[o.name]);
  const totalWeight = ops.reduce((s, o) => s + o.weight, 0);
  // Database CPU of the audit write alone: the cheapest read's cost stands for it (a read of
  // almost nothing plus its audit entry); it goes to the primary, the rest to any member.
  const auditCpu = Math.min(...ops.map((o) => costs.operations[o.name]!.neo4jCpuMs ?? Infinity));
  const perOperation = ops.map((o) => {
    const c = costs.operations[o.name]!;
    return { name: o.name, share: o.weight / totalWeight, serverCpuMs: c.serverCpuMs ?? 0, neo4jCpuMs: c.neo4jCpuMs ?? 0, auditBytes: c.auditEntriesPerRequest * c.auditBytesPerEntry, entries: c.auditEntriesPerRequest };
  });
  const averageRequestsPerSecond = (r.users * r.requestsPerUserPerMinute) / 60;
  const peak = averageRequestsPerSecond * r.peakFactor;
  const mean = (f: (p: (typeof perOperation)[number]) => number) => perOperation.reduce((s, p) => s + p.share * f(p), 0);

  const serverCoresAtPeak = (peak * mean((p) => p.serverCpuMs)) / 1000 / r.targetUtilisation;
  const growth = (name: string) => (GLOBAL.has(name) ? r.globalGrowth : r.localGrowth);
  const primaryCoresAtPeak = (peak * mean((p) => p.entries * auditCpu + (WRITES.has(p.name) ? Math.max(0, p.neo4jCpuMs - auditCpu) * r.localGrowth : 0))) / 1000 / r.targetUtilisation;
  const readCoresAtPeak = (peak * mean((p) => (WRITES.has(p.name) ? 0 : Math.max(0, p.neo4jCpuMs - auditCpu) * growth(p.name)))) / 1000 / r.targetUtilisation;

  const relationships = r.nodes * r.relationshipsPerNode;
  const storeGb = ((r.nodes * r.bytesPerNode + relationships * r.bytesPerRelationship) * (1 + r.indexShare)) / 1e9;
  const requestsPerYear = averageRequestsPerSecond * 3600 * r.workingHoursPerYear * (1 + r.offHoursShare * ((8760 - r.workingHoursPerYear) / r.workingHoursPerYear));
  const auditEntriesPerYear = requestsPerYear * mean((p) => p.entries);
  const auditGbPerYear = (requestsPerYear * mean((p) => p.auditBytes) * r.auditStorageFactor) / 1e9;
  return {
    peakRequestsPerSecond: peak,
    averageRequestsPerSecond,
    serverCoresAtPeak,
    // One more than the peak needs, so that one can fail or be replaced at the busiest minute.
    apiServers: Math.max(2, Math.ceil(serverCoresAtPeak / r.serverCores) + 1),
    primaryCoresAtPeak,
    readCoresAtPeak,
    // Three primaries for a write quorum that survives one loss; the reads on secondaries, one spare.
    cluster: { primaries: 3, secondaries: Math.max(1, Math.ceil(readCoresAtPeak / r.databaseCores) + 1) },
    storeGb,
    auditGbPerYear,
    auditEntriesPerYear,
    // What is backed up: the graph and the audit years still in the database.
    logicalBackupHours: (r.nodes + relationships + r.auditYearsInDatabase * auditEntriesPerYear) / r.logicalBackupElementsPerSecond / 3600,
    onlineBackupMinutes: ((storeGb + r.auditYearsInDatabase * auditGbPerYear) * 1000) / r.onlineBackupMbPerSecond / 60,
    perOperation: perOperation.map(({ entries: _, ...p }) => p),
  };
}

const fmt = (x: number, digits = 1) => x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function report(costs: CostsFile, costsPath: string, r: Region, f: Figures): string {
  return [
    '# Scaling figures (generated)',
    '',
    `Generated by \`npm run scaling\` from \`${costsPath}\` (measured ${costs.at.slice(0, 16).replace('T', ' ')} on ${costs.machine.cores} cores at load average ${costs.machine.loadAverage.join(' / ')}, over ${fmt(costs.data.nodes, 0)} nodes and ${fmt(costs.data.relationships, 0)} relationships). The model and its assumptions: docs/scaling.md. Do not edit by hand.`,
    '',
    '## Measured cost of one request',
    '',
    '| operation | share of requests | server CPU ms | Neo4j CPU ms | audit bytes |',
    '|---|---|---|---|---|',
    ...f.perOperation.map((p) => `| ${p.name} | ${fmt(p.share * 100, 0)} % | ${fmt(p.serverCpuMs)} | ${fmt(p.neo4jCpuMs)} | ${fmt(p.auditBytes, 0)} |`),
    '',
    `## The region: ${fmt(r.users, 0)} users across ${r.agencies} agencies, ${fmt(r.nodes / 1e6, 0)}M nodes, ${r.years} years of audit`,
    '',
    `- Requests: ${fmt(f.averageRequestsPerSecond)}/s at the busy hour, ${fmt(f.peakRequestsPerSecond)}/s at the peak minute (${r.requestsPerUserPerMinute} a minute a working user, peak × ${r.peakFactor}).`,
    `- **API servers: ${f.apiServers}** of ${r.serverCores} cores (${fmt(f.serverCoresAtPeak)} cores busy at the peak at ${fmt(r.targetUtilisation * 100, 0)} % planned use, plus one spare). Stateless: any number behind one balancer.`,
    `- **Neo4j cluster: ${f.cluster.primaries} primaries + ${f.cluster.secondaries} secondaries** of ${r.databaseCores} cores and ${r.databaseMemoryGb} GB. Writes (reports, imports, every audit entry) go to the leader: ${fmt(f.primaryCoresAtPeak)} cores at the peak. Reads go to the secondaries: ${fmt(f.readCoresAtPeak)} cores at the peak (neighbourhood work × ${r.localGrowth}, operator-wide work × ${r.globalGrowth} for the larger graph).`,
    `- **Store: about ${fmt(f.storeGb, 0)} GB** for ${fmt(r.nodes / 1e6, 0)}M nodes and ${fmt((r.nodes * r.relationshipsPerNode) / 1e6, 0)}M relationships with indexes: the page cache of each member (${r.databaseMemoryGb} GB) holds it with room for the heap${f.storeGb > r.databaseMemoryGb * 0.7 ? ' — not quite: the hot part must fit, or members need more memory' : ''}.`,
    `- **Audit: ${fmt(f.auditEntriesPerYear / 1e6)}M entries, about ${fmt(f.auditGbPerYear)} GB a year** (reads are audited when they show a person; every write is), ${fmt(f.auditGbPerYear * r.years / 1000, 1)} TB over ${r.years} years: more than the case graph. The database keeps ${r.auditYearsInDatabase} year(s); each older year is sealed and archived (docs/scaling.md).`,
    `- **Backup and restore** of the graph and the audit year(s) in the database: a logical backup (\`npm run backup\`, one reader, at the measured rate) takes about ${fmt(f.logicalBackupHours)} h, and as long again to restore — too long for a nightly window at this size. A store-file backup (Neo4j Enterprise \`neo4j-admin database backup\`, or Aura's snapshots) at ${r.onlineBackupMbPerSecond} MB/s takes about ${fmt(f.onlineBackupMinutes, 0)} min.`,
    '',
  ].join('\n');
}

function newestCosts(): string | null {
  const dir = path.join(ROOT, 'bench', 'results');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^costs-.*\.json$/.test(f)).sort() : [];
  return files.length ? path.join(dir, files.at(-1)!) : null;
}

function main() {
  const options = Object.fromEntries(Object.keys(REGION).map((k) => [k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), { type: 'string' as const }]));
  const { values } = parseArgs({ options: { ...options, costs: { type: 'string' }, out: { type: 'string' } } });
  const region: Region = { ...REGION };
  for (const key of Object.keys(REGION) as (keyof Region)[]) {
    const v = (values as Record<string, string | undefined>)[key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())];
    if (v === undefined) continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) {
      console.error(`--${key}: a number, got "${v}"`);
      process.exit(2);
    }
    region[key] = n;
  }
  const costsPath = values.costs ?? newestCosts();
  if (!costsPath || !fs.existsSync(costsPath)) {
    console.error('No costs file: run `npm run costs` against a running instance first (or pass --costs <file>).');
    process.exit(2);
  }
  const costs = JSON.parse(fs.readFileSync(costsPath, 'utf8')) as CostsFile;
  const text = report(costs, path.relative(ROOT, costsPath), region, simulate(costs, region));
  const out = values.out ?? path.join(ROOT, 'docs', 'scaling-figures.md');
  fs.writeFileSync(out, text);
  console.log(text);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
