/**
 * `npx tsx bench/importCalls.ts --nodes 100000 --calls 200000 --dir /tmp/imp-100k [--pole] [--rerun]`
 *
 * The import's two bench figures on their own, for tuning it: the call records (PhoneCall nodes with
 * CALLER / CALLED links, seeds/scale.ts) loaded into an existing scale graph exactly as
 * `npm run bench` does, and optionally POLE into an empty database. The scale graph is imported once
 * into `<dir>/base` and kept; every measurement starts from a copy of it, so runs compare like with
 * like. `--rerun` imports the calls a second time (the idempotent re-run: adds nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { startLocalNeo4j } from '../server/db/localNeo4j.js';
import { applySchema } from '../server/db/schema.js';
import { importDirectory as importNew } from '../server/modules/intake/csvImport.js';
import { polePreset } from '../server/modules/intake/presets.js';
import { generateScale } from '../seeds/scale.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    calls: { type: 'string', default: '200000' },
    dir: { type: 'string' },
    pole: { type: 'boolean', default: false },
    rerun: { type: 'boolean', default: false },
    'no-calls': { type: 'boolean', default: false },
    /** `old`: a copy of the import before the change, in bench/.imp-old (not committed), for A/B on one machine state. */
    impl: { type: 'string', default: 'new' },
  },
});
const importDirectory: typeof importNew =
  values.impl === 'old' ? ((await import(path.join(ROOT, 'bench/.imp-old/csvImport.ts'))).importDirectory as typeof importNew) : importNew;

/** CPU seconds (user + system) of a process, from /proc. */
function cpuOf(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
const nodeCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let jvmPid = 0;
async function timed<T extends { seconds: number }>(what: string, work: () => Promise<T>): Promise<T> {
  const [j0, n0] = [cpuOf(jvmPid), nodeCpu()];
  const r = await work();
  say(`${what}: cpu neo4j ${(cpuOf(jvmPid) - j0).toFixed(1)} s, node ${(nodeCpu() - n0).toFixed(1)} s, wall ${r.seconds.toFixed(1)} s; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  return r;
}
const nodes = Number(values.nodes);
const calls = Number(values.calls);
const dir = values.dir ?? `/tmp/imp-${nodes}`;
const big = nodes >= 1_000_000;
const memory = { heap: big ? '2g' : '1g', pageCache: big ? '1g' : '256m' };
const say = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);

async function withNeo4j<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const neo4j = await startLocalNeo4j({ dataDir, ...memory });
  const db = Database.connect(neo4j.uri, neo4j.user, neo4j.password);
  jvmPid = neo4j.pid;
  try {
    await db.waitUntilReady();
    await applySchema(db);
    return await work(db);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

const base = path.join(dir, 'base');
if (!values['no-calls']) {
  if (!fs.existsSync(path.join(base, 'ready'))) {
    fs.rmSync(base, { recursive: true, force: true });
    say(`generating ${nodes} nodes`);
    const scale = generateScale(path.join(dir, 'csv'), { nodes, seed: 'bench' });
    await withNeo4j(base, async (db) => {
      const r = await importNew(db, scale.dir); // the graph the calls go into: whichever import is measured
      say(`graph: ${r.nodes} nodes, ${r.relationships} relationships, ${r.rowsPerSecond} rows/s, ${r.seconds.toFixed(1)} s, ${r.rejected.length} rejected`);
    });
    fs.writeFileSync(path.join(base, 'ready'), '');
  }
  const callsDir = path.join(dir, `calls-${calls}`);
  if (!fs.existsSync(path.join(callsDir, 'rels.CALLED.csv'))) {
    generateScale(callsDir, { nodes, calls, seed: 'bench' });
    for (const f of fs.readdirSync(callsDir)) if (!/PhoneCall|CALLER|CALLED/.test(f)) fs.rmSync(path.join(callsDir, f));
  }
  const run = path.join(dir, `run-${values.impl}-${process.pid}`);
  fs.rmSync(run, { recursive: true, force: true });
  execFileSync('cp', ['-a', base, run]);
  await withNeo4j(run, async (db) => {
    say(`importing ${calls} calls (${calls * 3} rows) with the ${values.impl} import`);
    const r = await timed('calls', () => importDirectory(db, callsDir));
    say(`calls: ${r.rowsPerSecond} rows/s, ${r.seconds.toFixed(1)} s; added ${JSON.stringify(r.added)}, ${r.rejected.length} rejected`);
    if (values.rerun) {
      const again = await timed('calls again', () => importDirectory(db, callsDir));
      say(`calls again: ${again.rowsPerSecond} rows/s, ${again.seconds.toFixed(1)} s; added ${JSON.stringify(again.added)}, ${again.rejected.length} rejected`);
    }
  });
  fs.rmSync(run, { recursive: true, force: true });
}

if (values.pole) {
  const poleDir = path.join(dir, 'pole');
  fs.rmSync(poleDir, { recursive: true, force: true });
  await withNeo4j(poleDir, async (db) => {
    const r = await timed('POLE', () => importDirectory(db, path.resolve(ROOT, '..', 'shared', 'data', 'pole'), { preset: polePreset }));
    say(`POLE: ${r.nodes} nodes, ${r.relationships} relationships, ${r.rowsPerSecond} rows/s, ${r.seconds.toFixed(1)} s; ${r.rejected.length} rejected`);
    if (values.rerun) {
      const again = await timed('POLE again', () => importDirectory(db, path.resolve(ROOT, '..', 'shared', 'data', 'pole'), { preset: polePreset }));
      say(`POLE again: ${again.rowsPerSecond} rows/s, ${again.seconds.toFixed(1)} s; added ${JSON.stringify(again.added)}`);
    }
  });
}
process.exit(0);
