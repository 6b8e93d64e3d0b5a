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

describe('a corpus of badly made files: encodings, byte-order marks, quotes, ragged rows, duplicates', () => {
  it('loads every good row, reads UTF-16 and BOMs, and says exactly what is wrong with the rest', async () => {
    const utf16le = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    const utf16be = (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
    const dir = path.join(tmp, 'badly-made');
    fs.mkdirSync(dir);
    const files: Record<string, string | Buffer> = {
      'bom.csv': '\uFEFFname,:ID,:LABEL\nBea Bom,enc-b1,Person\n', // a BOM before a property column
      'utf16le.csv': utf16le(':ID,name,:LABEL\r\nenc-u1,Zoë Ütf,Person\r\n'),
      'utf16be.csv': utf16be(':ID,name,:LABEL\nenc-u2,Åsa Bigend,Person\n'),
      'nobom16.csv': Buffer.from(':ID,name,:LABEL\nenc-u3,No Mark,Person\n', 'utf16le'),
      'latin1.csv': Buffer.from(':ID,name,:LABEL\nenc-l1,Ascii Only,Person\nenc-l2,José Latin,Person\nenc-l3,Also Fine,Person\n', 'latin1'),
      'quotes.csv': [
        ':ID,name,:LABEL',
        'enc-q1,"Quoted, Comma",Person',
        'enc-q2,Bad "inner" quote,Person', // kept as written
        'enc-q3,"Two\nlines",Person', // lines 4-5
        'enc-q4,"Closed"x,Person',
        'enc-q5,Fine,Person',
        'enc-q6,"never closed,Person', // line 8: swallows the rest of the file
        'enc-q7,Lost,Person',
      ].join('\n'),
      'ragged.csv': ':ID,name,:LABEL\nenc-r1,Only Two\nenc-r2,Just Right,Person\n\nenc-r3,Too,Many,Person\n',
      'dups.csv': ':ID,name,:LABEL\r\nenc-d1,First,Person\r\nenc-d1,Second,Person\r\nenc-b1,Bom Again,Person\r\n',
      'empty.csv': '',
      'zlinks.csv': ':START_ID,:END_ID,:TYPE\nenc-b1,enc-u1,KNOWS\nenc-b1,enc-l2,KNOWS\nenc-q6,enc-q5,KNOWS\n',
    };
    for (const [f, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), content);

    const summary = await importDirectory(db, dir);
    const sorted = (r: typeof summary.rejected) => [...r].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    expect(sorted(summary.rejected)).toEqual([
      { file: 'dups.csv', line: 3, reason: 'duplicate id enc-d1 (first on dups.csv:2)' },
      { file: 'dups.csv', line: 4, reason: 'duplicate id enc-b1 (first on bom.csv:2)' },
      { file: 'empty.csv', line: 1, reason: 'header: the file is empty or its first line (the header) is blank' },
      { file: 'latin1.csv', line: 3, reason: 'not valid UTF-8: the file looks latin-1 / Windows-1252 encoded; save it as UTF-8' },
      { file: 'nobom16.csv', line: 1, reason: 'the file looks UTF-16 encoded without a byte-order mark (it has NUL bytes): save it as UTF-8' },
      { file: 'quotes.csv', line: 8, reason: 'a quote opened on this line is never closed: the rest of the file was read as one value' },
      { file: 'ragged.csv', line: 2, reason: 'expected 3 columns, found 2' },
      { file: 'ragged.csv', line: 5, reason: 'expected 3 columns, found 4' },
      { file: 'zlinks.csv', line: 3, reason: 'unknown end id enc-l2' },
      { file: 'zlinks.csv', line: 4, reason: 'unknown start id enc-q6' },
    ]);
    const loaded = await db.read("MATCH (n:Person) WHERE n.id STARTS WITH 'enc-' RETURN n.id AS id, n.name AS name, keys(n) AS keys ORDER BY id");
    expect(loaded.map((r) => [r.id, r.name])).toEqual([
      ['enc-b1', 'Bea Bom'],
      ['enc-d1', 'First'],
      ['enc-l1', 'Ascii Only'],
      ['enc-l3', 'Also Fine'],
      ['enc-q1', 'Quoted, Comma'],
      ['enc-q2', 'Bad "inner" quote'],
      ['enc-q3', 'Two\nlines'],
      ['enc-q4', '"Closed"x'],
      ['enc-q5', 'Fine'],
      ['enc-r2', 'Just Right'],
      ['enc-u1', 'Zoë Ütf'],
      ['enc-u2', 'Åsa Bigend'],
    ]);
    for (const r of loaded) expect(r.keys, String(r.id)).toContain('name'); // no BOM glued to a property name
    expect(summary.relationships).toBe(1);
  });
});

// The long synthetic chains below use ATTENDS, not a KNOWS-family link: they share the database
// with the analysis tests, whose rankings run on persons joined by KNOWS links.
describe('a run stopped half-way', () => {
  it('leaves whole batches only, and running again completes the load exactly', async () => {
    const n = 12_000;
    const rows = Array.from({ length: n }, (_, i) => `imp-many-${i},Person ${i},Person`);
    const links = Array.from({ length: n - 1 }, (_, i) => `imp-many-${i},imp-many-${i + 1},ATTENDS`);
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
    expect((partial as number) % 5_000, `partial ${partial}`).toBe(0); // whole batches only
    expect(partial).toBeLessThan(n);

    const resumed = await importDirectory(db, dir);
    expect(resumed.rejected).toEqual([]);
    const [{ people, knows }] = await db.read(
      "MATCH (p:Person) WHERE p.id STARTS WITH 'imp-many-' WITH count(p) AS people MATCH (:Person)-[k:ATTENDS]->(b:Person) WHERE b.id STARTS WITH 'imp-many-' RETURN people, count(k) AS knows",
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
      'rels.csv': [':START_ID,:END_ID,:TYPE', ...Array.from({ length: n - 1 }, (_, i) => `imp-kill-${i},imp-kill-${i + 1},ATTENDS`)].join('\n'),
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
      const [{ links }] = await db.read("MATCH (p:Person)-[k:ATTENDS]->() WHERE p.id STARTS WITH 'imp-kill-' RETURN count(k) AS links");
      return { people: people as number, links: links as number };
    };

    // Kill the import as soon as its first batch is in the database.
    const first = cli();
    const exited = new Promise((r) => first.once('exit', r));
    const deadline = Date.now() + 60_000;
    while ((await count()).people === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    first.kill('SIGKILL');
    await exited;
    // A commit the client sent just before dying is still being applied by Neo4j, and a read in the
    // meantime may count part of it: read until the count holds still.
    let partial = await count();
    for (let same = 0; same < 3; ) {
      await new Promise((r) => setTimeout(r, 300));
      const again = await count();
      same = again.people === partial.people && again.links === partial.links ? same + 1 : 0;
      partial = again;
    }
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
