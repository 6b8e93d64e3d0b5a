/**
 * The CSV import against the real database: the whole POLE dataset with exact counts, an idempotent
 * re-run, a corpus with every kind of fault and its exact rejection report, and a run stopped
 * half-way then resumed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importDirectory } from '../../server/modules/intake/csvImport.js';
import { polePreset } from '../../server/modules/intake/presets.js';
import { ROOT } from '../../server/config.js';
import { testDatabase } from '../support/client.js';

const POLE = path.resolve(ROOT, '..', 'shared', 'data', 'pole');
let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-import-'));
const corpus = (name: string, files: Record<string, string>) => {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
};

beforeAll(() => {
  db = testDatabase();
});
/**
 * Takes the bulk test persons out of the shared database again. Tens of thousands of persons in
 * one long KNOWS chain would otherwise stay for the rest of the run, and every ranking of persons
 * that another test file asks for afterwards (betweenness is O(V·E)) would run over them.
 */
async function removeImported(prefix: string): Promise<void> {
  for (;;) {
    const [{ n }] = await db.write('MATCH (p:Person) WHERE p.id STARTS WITH $prefix WITH p LIMIT 5000 DETACH DELETE p RETURN count(*) AS n', { prefix });
    if (!n) return;
  }
}

afterAll(async () => {
  await removeImported('imp-many-').catch(() => {});
  await removeImported('imp-kill-').catch(() => {});
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!fs.existsSync(POLE))('the POLE dataset with --preset pole', () => {
  it('loads completely: 61,521 nodes and 105,840 relationships, and a second run adds nothing', async () => {
    // Counted by id prefix, not by graph totals: other test files write to the same database.
    const count = async () => {
      const [{ nodes }] = await db.read("MATCH (n:Entity) WHERE n.id STARTS WITH 'pole:' RETURN count(n) AS nodes");
      const [{ relationships }] = await db.read("MATCH (n:Entity)-[r]->() WHERE n.id STARTS WITH 'pole:' RETURN count(r) AS relationships");
      return { nodes, relationships };
    };
    const first = await importDirectory(db, POLE, { preset: polePreset });
    expect(first.rejected).toEqual([]);
    expect({ nodes: first.nodes, relationships: first.relationships }).toEqual({ nodes: 61_521, relationships: 105_840 });
    expect(await count()).toEqual({ nodes: 61_521, relationships: 105_840 });

    const second = await importDirectory(db, POLE, { preset: polePreset });
    expect(second.rejected).toEqual([]);
    expect(await count()).toEqual({ nodes: 61_521, relationships: 105_840 });
  }, 300_000);

  it('maps POLE onto the vocabulary: namespaced ids, crimes as incidents, ISO dates, normalised identifiers', async () => {
    const [crime] = await db.read("MATCH (c:Crime {id: 'pole:1325'}) RETURN labels(c) AS labels, c.kind AS kind, c.date AS date, c.sourceId AS sourceId");
    expect(crime).toMatchObject({ kind: 'crime', date: '2017-08-24' });
    expect(crime.labels).toEqual(expect.arrayContaining(['Crime', 'Incident', 'Entity']));
    expect(crime.sourceId).toMatch(/^10305fdb/);
    // POLE writes days and months with one digit or two: every date must come out ISO.
    const [{ notIso }] = await db.read("MATCH (c:Crime) WHERE c.id STARTS WITH 'pole:' AND NOT c.date =~ '\\d{4}-\\d{2}-\\d{2}' RETURN count(c) AS notIso");
    expect(notIso).toBe(0);
    const [single] = await db.read("MATCH (c:Crime {id: 'pole:31952'}) RETURN c.date AS date");
    expect(single.date).toBe('2017-08-01'); // "1/08/2017" in the file
    const [vehicle] = await db.read("MATCH (v:Vehicle {id: 'pole:31238'}) RETURN v.reg AS reg");
    expect(vehicle.reg).toBe('RY52APF');
    const [phone] = await db.read("MATCH (p:Phone {id: 'pole:3'}) RETURN p.phoneNo AS phoneNo, p.raw AS raw");
    expect(phone).toEqual({ phoneNo: '00708933322', raw: '0-(070)893-3322' });
    const [loc] = await db.read("MATCH (l:Location {id: 'pole:1'}) RETURN l.point IS NOT NULL AS hasPoint");
    expect(loc.hasPoint).toBe(true);
  });
});

describe('a corpus with faults', () => {
  it('rejects each bad row with file, line and reason, and loads every good row', async () => {
    const dir = corpus('faults', {
      'people.csv': [
        ':ID,name,age:int,:LABEL',
        'imp-p1,Alma Rigg,34,Person',
        ',No Id,20,Person', // line 3: missing id
        'imp-p2,Bad Age,thirty,Person', // line 4: not an integer
        'imp-p3,Alien,40,Starship', // line 5: label outside the vocabulary
        'imp-p4,Too,Many,Columns,Person', // line 6
        'imp-p5,Cora Venn,29,Person',
      ].join('\n'),
      'cars.csv': [':ID,reg,year:int,seen:boolean,tags:string[],:LABEL', 'imp-v1,zz09 abc,2004,true,red;dented,Vehicle', 'imp-v2,ZZ10ABD,2005,maybe,,Vehicle'].join('\n'),
      'links.csv': [
        ':START_ID,:END_ID,:TYPE,since:date',
        'imp-p1,imp-p5,KNOWS,2010-01-02',
        'imp-p1,nobody,KNOWS,', // line 3: unknown end id
        'imp-p1,imp-v1,USES_VEHICLE,02/01/2010', // line 4: bad date
        'imp-p1,imp-v1,LOVES,', // line 5: type outside the vocabulary
        'imp-p1,imp-v1,USES_VEHICLE,',
      ].join('\n'),
    });
    const summary = await importDirectory(db, dir);
    expect(summary.rejected).toEqual([
      { file: 'cars.csv', line: 3, reason: 'column seen: "maybe" is not true or false' },
      { file: 'people.csv', line: 3, reason: 'missing id' },
      { file: 'people.csv', line: 4, reason: 'column age: "thirty" is not an integer' },
      { file: 'people.csv', line: 5, reason: 'label Starship is not in the vocabulary' },
      { file: 'people.csv', line: 6, reason: 'expected 4 columns, found 5' },
      { file: 'links.csv', line: 4, reason: 'column since: "02/01/2010" is not a date (YYYY-MM-DD)' },
      { file: 'links.csv', line: 5, reason: 'relationship type LOVES is not in the vocabulary' },
      { file: 'links.csv', line: 3, reason: 'unknown end id nobody' },
    ]);
    expect({ nodes: summary.nodes, relationships: summary.relationships }).toEqual({ nodes: 3, relationships: 2 });
    const [{ loaded }] = await db.read("MATCH (n:Entity) WHERE n.id STARTS WITH 'imp-p' OR n.id STARTS WITH 'imp-v' RETURN count(n) AS loaded");
    expect(loaded).toBe(3);
    const [v] = await db.read("MATCH (v:Vehicle {id: 'imp-v1'}) RETURN v.reg AS reg, v.year AS year, v.seen AS seen, v.tags AS tags");
    expect(v).toEqual({ reg: 'ZZ09ABC', year: 2004, seen: true, tags: ['red', 'dented'] });
  });
});

describe('a run stopped half-way', () => {
  it('leaves whole batches only, and running again completes the load exactly', async () => {
    const n = 12_000;
    const rows = Array.from({ length: n }, (_, i) => `imp-many-${i},Person ${i},Person`);
    const links = Array.from({ length: n - 1 }, (_, i) => `imp-many-${i},imp-many-${i + 1},KNOWS`);
    const dir = corpus('big', { 'nodes.csv': [':ID,name,:LABEL', ...rows].join('\n'), 'rels.csv': [':START_ID,:END_ID,:TYPE', ...links].join('\n') });

    // Stop after the first batch has been written, as a kill would.
    await expect(
      importDirectory(db, dir, {
        onProgress: (done) => {
          if (done >= 5_000) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const [{ partial }] = await db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'imp-many-' RETURN count(p) AS partial");
    expect((partial as number) % 5_000).toBe(0); // whole batches only
    expect(partial).toBeLessThan(n);

    const resumed = await importDirectory(db, dir);
    expect(resumed.rejected).toEqual([]);
    const [{ people, knows }] = await db.read(
      "MATCH (p:Person) WHERE p.id STARTS WITH 'imp-many-' WITH count(p) AS people MATCH (:Person)-[k:KNOWS]->(b:Person) WHERE b.id STARTS WITH 'imp-many-' RETURN people, count(k) AS knows",
    );
    expect({ people, knows }).toEqual({ people: n, knows: n - 1 });
    await removeImported('imp-many-');
  }, 120_000);
});

describe('npm run import killed with SIGKILL', () => {
  it('resumes on the next run with exact counts and no duplicates', async () => {
    const n = 60_000;
    const dir = corpus('killed', {
      'nodes.csv': [':ID,name,:LABEL', ...Array.from({ length: n }, (_, i) => `imp-kill-${i},Person ${i},Person`)].join('\n'),
      'rels.csv': [':START_ID,:END_ID,:TYPE', ...Array.from({ length: n - 1 }, (_, i) => `imp-kill-${i},imp-kill-${i + 1},KNOWS_SN`)].join('\n'),
    });
    const cli = () =>
      // node itself (not npx), so that SIGKILL hits the importing process, as a crash would.
      spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/modules/intake/importCli.ts'), dir], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: inject('stack').dataDir, NEO4J_URI: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const count = async () => {
      const [{ people }] = await db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'imp-kill-' RETURN count(p) AS people");
      const [{ links }] = await db.read("MATCH (p:Person)-[k:KNOWS_SN]->() WHERE p.id STARTS WITH 'imp-kill-' RETURN count(k) AS links");
      return { people: people as number, links: links as number };
    };

    // Kill the import as soon as its first batch is in the database.
    const first = cli();
    const exited = new Promise((r) => first.once('exit', r));
    const deadline = Date.now() + 60_000;
    while ((await count()).people === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    first.kill('SIGKILL');
    await exited;
    const partial = await count();
    expect(partial.people).toBeGreaterThan(0);
    expect(partial.people % 5_000).toBe(0); // whole batches only
    expect(partial.people).toBeLessThan(n);

    // Run it again to completion.
    const second = cli();
    let out = '';
    second.stdout!.on('data', (d) => (out += d));
    second.stderr!.on('data', (d) => (out += d));
    const code = await new Promise((r) => second.once('exit', r));
    expect(code, out).toBe(0);
    expect(out).toMatch(/0 rejected/);
    expect(await count()).toEqual({ people: n, links: n - 1 });
    await removeImported('imp-kill-');
  }, 180_000);
});
