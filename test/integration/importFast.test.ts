/**
 * The import's reading path against the real database: plain files (no quotes) are read line by
 * line instead of through csv-parse, rows are handed on in chunks, and a deadlocked batch is
 * written again. Checked here: what is stored, a re-run adds nothing, a second import over a graph
 * that holds part of the files (a run stopped half-way) adds only what is missing, repeated
 * relationships, and rejected rows still reported with file, line and reason in plain files and
 * quoted ones alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importDirectory } from '../../server/modules/intake/csvImport.js';
import { testDatabase } from '../support/client.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-import-fast-'));
const corpus = (name: string, files: Record<string, string>) => {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
};

/** Nodes and relationships of this file's own ids: the database is shared with other test files, so the import's `added` (graph totals) is not used. */
async function counts(prefix: string) {
  const [{ nodes }] = await db.read('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS nodes', { prefix });
  const [{ relationships }] = await db.read('MATCH (n:Entity)-[r]-() WHERE n.id STARTS WITH $prefix RETURN count(DISTINCT r) AS relationships', { prefix });
  return { nodes, relationships };
}

async function remove(prefix: string) {
  await db.write('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
}

beforeAll(() => {
  db = testDatabase();
});

afterAll(async () => {
  for (const prefix of ['fast-c', 'fast-p', 'fast-r', 'fast-q']) await remove(prefix).catch(() => {});
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Call records as seeds/scale.ts writes them: PhoneCall nodes, CALLER and CALLED links to phones.
const calls = (from: number, to: number) => ({
  'nodes.Phone.csv': [':ID,phoneNo,:LABEL', ...[0, 1, 2].map((i) => `fast-ph-${i},+44770090010${i},Phone`)].join('\n'),
  'nodes.PhoneCall.csv': [
    ':ID,call_date,call_time,call_duration:int,call_type,:LABEL',
    ...Array.from({ length: to - from }, (_, k) => `fast-c-${from + k},2011-03-0${1 + ((from + k) % 9)},12:0${(from + k) % 10},${10 + from + k},CALL,PhoneCall`),
  ].join('\n'),
  'rels.CALLER.csv': [':START_ID,:END_ID,:TYPE', ...Array.from({ length: to - from }, (_, k) => `fast-c-${from + k},fast-ph-${(from + k) % 3},CALLER`)].join('\n'),
  'rels.CALLED.csv': [':START_ID,:END_ID,:TYPE', ...Array.from({ length: to - from }, (_, k) => `fast-c-${from + k},fast-ph-${(from + k + 1) % 3},CALLED`)].join('\n'),
});

describe('call records into a graph that does not hold them yet', () => {
  it('stores every call with its properties and links, and a second run adds nothing', async () => {
    const dir = corpus('calls', calls(0, 12_345)); // more than two batches of 5,000
    const first = await importDirectory(db, dir);
    expect(first.rejected).toEqual([]);
    expect({ nodes: first.nodes, relationships: first.relationships }).toEqual({ nodes: 12_348, relationships: 24_690 });
    expect(await counts('fast-c-')).toEqual({ nodes: 12_345, relationships: 24_690 });

    const [call] = await db.read(
      `MATCH (p:Phone)<-[a:CALLER]-(c:PhoneCall {id: 'fast-c-7'})-[b:CALLED]->(q:Phone)
       RETURN labels(c) AS labels, properties(c) AS props, a.id AS caller, b.id AS called, p.id AS from, q.id AS to, q.phoneNo AS phoneNo, q.raw AS raw`,
    );
    expect([...(call.labels as string[])].sort()).toEqual(['Entity', 'PhoneCall']);
    expect(call.props).toEqual({ id: 'fast-c-7', call_date: '2011-03-08', call_time: '12:07', call_duration: 17, call_type: 'CALL' });
    expect(call).toMatchObject({ caller: 'CALLER:fast-c-7:fast-ph-1', called: 'CALLED:fast-c-7:fast-ph-2', from: 'fast-ph-1', to: 'fast-ph-2' });
    expect(call).toMatchObject({ phoneNo: '+447700900102', raw: '+447700900102' }); // phones normalised as before

    const again = await importDirectory(db, dir);
    expect(again.rejected).toEqual([]);
    expect({ nodes: again.nodes, relationships: again.relationships }).toEqual({ nodes: 12_348, relationships: 24_690 });
    expect(await counts('fast-c-')).toEqual({ nodes: 12_345, relationships: 24_690 });
  }, 180_000);

  it('over a graph holding part of the files, creates only what is missing and updates what is there', async () => {
    // The first part, as a run stopped half-way would have left it, with a property the file does not have.
    await importDirectory(db, corpus('part', calls(20_000, 20_100)));
    await db.write("MATCH (c:PhoneCall {id: 'fast-c-20005'}) SET c.note = 'kept', c.call_type = 'OLD'");
    const all = await importDirectory(db, corpus('whole', calls(20_000, 20_300)));
    expect(all.rejected).toEqual([]);
    const [{ n, r }] = await db.read(
      "MATCH (c:PhoneCall) WHERE c.id STARTS WITH 'fast-c-2' AND size(c.id) = 12 OPTIONAL MATCH (c)-[x]-() RETURN count(DISTINCT c) AS n, count(x) AS r",
    );
    expect({ n, r }).toEqual({ n: 300, r: 600 });
    // Each call has exactly one CALLER and one CALLED: none doubled by the second run.
    const [{ doubled }] = await db.read(
      "MATCH (c:PhoneCall) WHERE c.id STARTS WITH 'fast-c-2' AND size(c.id) = 12 AND (COUNT { (c)-[:CALLER]->() } <> 1 OR COUNT { (c)-[:CALLED]->() } <> 1) RETURN count(c) AS doubled",
    );
    expect(doubled).toBe(0);
    const [kept] = await db.read("MATCH (c:PhoneCall {id: 'fast-c-20005'}) RETURN c.note AS note, c.call_type AS type");
    expect(kept).toEqual({ note: 'kept', type: 'CALL' }); // the file's value written, the rest kept, as MERGE did
  }, 120_000);
});

describe('relationships repeated in a file, and between nodes that were there before', () => {
  it('creates each repeat once, merges a repeat from another file and links between old nodes, and a re-run adds nothing', async () => {
    await importDirectory(db, corpus('old-persons', { 'p.csv': ':ID,name,:LABEL\nfast-p-old1,Odo Kettle,Person\nfast-p-old2,Pip Lumb,Person\n' }));
    await db.write("MATCH (a:Person {id: 'fast-p-old1'}), (b:Person {id: 'fast-p-old2'}) CREATE (a)-[:KNOWS {id: 'KNOWS:fast-p-old1:fast-p-old2'}]->(b)");
    const dir = corpus('repeats', {
      'p.csv': ':ID,name,:LABEL\nfast-p-old1,Odo Kettle,Person\nfast-p-old2,Pip Lumb,Person\nfast-p-new,Nell Jessop,Person\n',
      'r.csv': [
        ':START_ID,:END_ID,:TYPE,since:date',
        'fast-p-old1,fast-p-old2,KNOWS,2012-01-01', // already in the graph: merged, not doubled
        'fast-p-new,fast-p-old1,KNOWS,2013-01-01',
        'fast-p-new,fast-p-old1,KNOWS,2014-01-01', // a repeat: its own relationship
      ].join('\n'),
      // Another file with the same relationship: the same one (its id is type and ends), not a second.
      'r2.csv': ':START_ID,:END_ID,:TYPE,since:date\nfast-p-new,fast-p-old1,KNOWS,2015-01-01\n',
    });
    expect(await counts('fast-p-')).toEqual({ nodes: 2, relationships: 1 });
    const first = await importDirectory(db, dir);
    expect(first.rejected).toEqual([]);
    expect(await counts('fast-p-')).toEqual({ nodes: 3, relationships: 3 }); // one person and two links more
    const links = await db.read(
      "MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE a.id STARTS WITH 'fast-p-' RETURN k.id AS id, k.since AS since ORDER BY id",
    );
    expect(links.map((l) => l.id)).toEqual(['KNOWS:fast-p-new:fast-p-old1', 'KNOWS:fast-p-new:fast-p-old1#2', 'KNOWS:fast-p-old1:fast-p-old2']);
    // The two files' batches may be in flight together: either row's date may be the one kept.
    expect(['2013-01-01', '2015-01-01']).toContain(links[0]!.since);
    expect(links.slice(1).map((l) => l.since)).toEqual(['2014-01-01', '2012-01-01']);
    const [person] = await db.read("MATCH (p:Person {id: 'fast-p-new'}) RETURN p.nameKeys IS NOT NULL AS keyed");
    expect(person.keyed).toBe(true); // a new person gets its name keys

    await importDirectory(db, dir);
    expect(await counts('fast-p-')).toEqual({ nodes: 3, relationships: 3 });
  }, 60_000);
});

describe('rejected rows on the fast path', () => {
  it('are reported with file, line and reason, in plain files and in quoted ones alike', async () => {
    const dir = corpus('rejects', {
      // Plain files (no quotes): read line by line, CRLF endings and blank lines included.
      'a.csv': [':ID,name,age:int,:LABEL', 'fast-r1,Alma Rigg,34,Person', '', 'fast-r2,Bad Age,old,Person', 'fast-r3,Too,Many,Cols,Person', 'fast-r1,Again,20,Person', 'fast-r4,Cora Venn,29,Person', ''].join('\r\n'),
      // With a quote: read by csv-parse; the same faults say the same.
      'b.csv': [':ID,name,age:int,:LABEL', 'fast-q1,"Venn, Cora",29,Person', 'fast-q2,Bad Age,old,Person', 'fast-r4,Dup,1,Person'].join('\n'),
      'c.csv': [':START_ID,:END_ID,:TYPE', 'fast-r1,fast-r4,KNOWS', 'fast-r1,fast-nobody,KNOWS', 'fast-nobody,fast-q1,KNOWS', 'fast-q1,fast-r1,KNOWS,extra'].join('\n'),
    });
    const summary = await importDirectory(db, dir);
    expect(summary.rejected).toEqual([
      { file: 'a.csv', line: 4, reason: 'column age: "old" is not an integer' },
      { file: 'a.csv', line: 5, reason: 'expected 4 columns, found 5' },
      { file: 'a.csv', line: 6, reason: 'duplicate id fast-r1 (first on a.csv:2)' },
      { file: 'b.csv', line: 3, reason: 'column age: "old" is not an integer' },
      { file: 'b.csv', line: 4, reason: 'duplicate id fast-r4 (first on a.csv:7)' },
      { file: 'c.csv', line: 5, reason: 'expected 3 columns, found 4' },
      { file: 'c.csv', line: 3, reason: 'unknown end id fast-nobody' },
      { file: 'c.csv', line: 4, reason: 'unknown start id fast-nobody' },
    ]);
    expect({ nodes: summary.nodes, relationships: summary.relationships }).toEqual({ nodes: 3, relationships: 1 });
    const people = await db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'fast-r' OR p.id STARTS WITH 'fast-q' RETURN p.id AS id, p.name AS name, p.age AS age ORDER BY id");
    expect(people).toEqual([
      { id: 'fast-q1', name: 'Venn, Cora', age: 29 },
      { id: 'fast-r1', name: 'Alma Rigg', age: 34 },
      { id: 'fast-r4', name: 'Cora Venn', age: 29 },
    ]);
    const again = await importDirectory(db, dir);
    expect(again.rejected).toEqual(summary.rejected);
    expect(await counts('fast-r')).toEqual({ nodes: 2, relationships: 1 });
    expect(await counts('fast-q')).toEqual({ nodes: 1, relationships: 0 });
  }, 60_000);
});
