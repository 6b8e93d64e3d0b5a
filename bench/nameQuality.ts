/**
 * `npm run quality:names [-- --no-demo] [--out <file>]`
 *
 * The measured quality of name search (issue 19, item 6; data/names/quality/README.md): loads the
 * labelled people (ids prefixed `nq-`) into a Neo4j, runs every query of the set through the real
 * `search` (server/modules/search/resolvers.ts), prints the table and writes it to
 * bench/results/name-quality-<date>.md, then removes its people again.
 *
 * The database: NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) of a running one, whose data is left as
 * it was apart from the `nq-` people coming and going; else a fresh local Neo4j, started the way
 * `npm run bench` starts one, with the demo dataset loaded around the set (as the integration test's
 * database has it), unless --no-demo. Exit code 1 when the thresholds are not met.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../server/db/localNeo4j.js';
import { applySchema } from '../server/db/schema.js';
import { loadDataset } from '../server/db/bulkLoad.js';
import { ensureDemoData } from '../server/stack.js';
import { search } from '../server/modules/search/resolvers.js';
import { evaluate, personRows, readQualitySet, renderReport, shortfalls, validateSet, RECALL_AT, type DatesVerdict, type QualityHit } from '../server/modules/search/quality.js';

const PREFIX = 'nq-';
const { values } = parseArgs({ options: { 'no-demo': { type: 'boolean', default: false }, out: { type: 'string' } } });
const say = (...a: unknown[]) => console.error(`[quality ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function main(): Promise<number> {
  const set = readQualitySet();
  const problems = validateSet(set);
  if (problems.length) throw new Error(`the labelled set is not sound:\n${problems.join('\n')}`);

  let neo4j: LocalNeo4j | undefined;
  let work: string | undefined;
  let db: Database;
  let population: string;
  if (process.env.NEO4J_URI) {
    db = Database.connect(process.env.NEO4J_URI, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
    population = `the database at ${process.env.NEO4J_URI}`;
  } else {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-name-quality-'));
    say('starting a local Neo4j');
    neo4j = await startLocalNeo4j({ dataDir: work, heap: '1g', pageCache: '256m' });
    db = Database.connect(neo4j.uri, neo4j.user, neo4j.password);
    population = values['no-demo'] ? 'a fresh database (no demo data)' : 'a fresh database with the demo dataset';
  }
  try {
    await db.waitUntilReady();
    await applySchema(db);
    if (neo4j && !values['no-demo']) {
      say('loading the demo dataset');
      await ensureDemoData(db);
    }
    say(`loading ${set.people.length} people (${PREFIX}…)`);
    await loadDataset(db, { nodes: personRows(set, PREFIX), links: [] });
    await db.write('CALL db.awaitIndexes(120)');
    try {
      say(`running ${set.queries.length} queries`);
      const run = async (text: string): Promise<QualityHit[]> =>
        (await search(db, text, ['Person'], RECALL_AT)).map((h) => ({
          id: h.entity.id,
          how: h.matched?.how ?? null,
          // `dates` comes with the name-matching work (issue 19); absent before it.
          dates: ((h.matched as { dates?: DatesVerdict } | null)?.dates ?? null) as DatesVerdict,
        }));
      const started = Date.now();
      const report = await evaluate(set, run, { idPrefix: PREFIX });
      const seconds = (Date.now() - started) / 1000;
      const date = new Date().toISOString().slice(0, 10);
      const failed = shortfalls(report);
      const text = [
        renderReport(report, { title: `Name search quality, ${date}` }),
        `Set: ${set.people.length} people, ${set.queries.length} queries (data/names/quality/); searched as \`search(text, kinds: ["Person"], limit: ${RECALL_AT})\` over ${population}; ${seconds.toFixed(1)} s.`,
        '',
        failed.length ? `Thresholds NOT met: ${failed.join('; ')}.` : 'Thresholds met: precision ≥ 0.9 and recall ≥ 0.9 overall, recall ≥ 0.8 for every kind.',
        '',
      ].join('\n');
      console.log(text);
      const out = values.out ?? path.join(ROOT, 'bench', 'results', `name-quality-${date}.md`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
      say(`written to ${path.relative(process.cwd(), out)}`);
      return failed.length ? 1 : 0;
    } finally {
      await db.write('MATCH (p:Person) WHERE p.id STARTS WITH $prefix DETACH DELETE p', { prefix: PREFIX });
      say('removed the set again');
    }
  } finally {
    await db.close();
    await neo4j?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
