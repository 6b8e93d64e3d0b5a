/**
 * Name keys kept true at every write (issue 19, item 1): a person a report creates is found by a
 * sound-alike and a short form of its name; a merged person's survivor by the absorbed person's
 * name (and no longer once unmerged); a handset name a report saves gets its keys; bulk loads and
 * CSV imports compute them from the row; keys removed (or from older rules) come back at the
 * backfill; and no answer, to any role, carries the keys or says that they exist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { importDirectory } from '../../server/modules/intake/csvImport.js';
import { ensureNameKeys } from '../../server/domain/names/backfill.js';
import { nameKeysVersion } from '../../server/domain/names/keys.js';
import { gql, gqlOk, testDatabase, type Role } from '../support/client.js';

const SUBMIT = `mutation ($input: ReportInput!) {
  submitReport(input: $input) { report { id } entities { ref entity { id properties } } links { id type source target properties } }
}`;
const SEARCH = `query ($text: String!) { search(text: $text, kinds: ["Person"], limit: 20) { score matched { field how value why } entity { id label properties } } }`;
const base = { receivedOn: '2011-04-05', sourceType: 'police', sourceGrade: 2, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: 'Names test.' };
const KEY_NAMES = ['nameKeys', 'nameKeysV', 'savedAsKeys'];
const quiet = { info: () => {} };

let db: Database;
const ids: Record<string, string> = {};
let contactId = '';

interface Hit {
  score: number;
  matched: { field: string; how: string; value: string | null; why: string } | null;
  entity: { id: string; label: string; properties: Record<string, unknown> };
}
const search = async (text: string, as: Role = 'analyst') => (await gqlOk<{ search: Hit[] }>(SEARCH, { text }, as)).search;
const hitFor = async (text: string, id: string) => (await search(text)).find((h) => h.entity.id === id);

beforeAll(async () => {
  db = testDatabase();
  const { submitReport } = await gqlOk(SUBMIT, {
    input: {
      ...base,
      entities: [
        { ref: 'garrick', kind: 'Person', properties: { name: 'Garrick', surname: 'Quellingford', age: 31 } },
        { ref: 'robert', kind: 'Person', properties: { name: 'Robert', surname: 'Thimbleshaw', dob: '1977-02-03' } },
        { ref: 'stellan', kind: 'Person', properties: { name: 'Stellan', surname: 'Vorrowby', dob: '1981-07-09' } },
        { ref: 'tobias', kind: 'Person', properties: { name: 'Tobias', surname: 'Wexcombe', aliases: ['Toby Wex'] } },
        { ref: 'phone', kind: 'Phone', properties: { phoneNo: '07700 900713' } },
      ],
      links: [
        { type: 'HAS_PHONE', from: 'stellan', to: 'phone' },
        { type: 'HAS_CONTACT', from: 'garrick', to: 'phone', properties: { savedAs: 'Mozzer 2' } },
      ],
    },
  });
  for (const e of submitReport.entities) ids[e.ref] = e.entity.id;
  contactId = submitReport.links.find((l: any) => l.type === 'HAS_CONTACT').id;
});
afterAll(() => db.close());

describe('name keys at every write', () => {
  it('a person a report creates is found by a sound-alike and by a short form of its name', async () => {
    const garik = await hitFor('Garik Quellingford', ids.garrick!);
    expect(garik?.matched).toMatchObject({ field: 'name', how: 'sounds' });
    const bob = await hitFor('Bob Thimbleshaw', ids.robert!);
    expect(bob?.matched).toMatchObject({ field: 'name', how: 'nickname' });
    const [stored] = await db.read('MATCH (p:Person {id: $id}) RETURN split(p.nameKeys, " ") AS keys, p.nameKeysV AS v', { id: ids.robert });
    expect(stored!.keys).toEqual(expect.arrayContaining(['wrobert', 'wthimbleshaw', 'grobert']));
    expect(stored!.v).toBe(nameKeysVersion());
  });

  it('an age a report gives without a date is recorded as of the date the report was received', async () => {
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { properties } }', { id: ids.garrick });
    expect(entity.properties).toMatchObject({ age: 31, ageOn: '2011-04-05' });
    // A later report that names him with an age it dates itself keeps what is held (nothing is overwritten).
    const { entity: robert } = await gqlOk('query ($id: ID!) { entity(id: $id) { properties } }', { id: ids.robert });
    expect(robert.properties.ageOn).toBeUndefined();
  });

  it('a report gaining a person a name recomputes its keys; a report may not set keys itself', async () => {
    await gqlOk(SUBMIT, { input: { ...base, entities: [{ ref: ids.stellan, kind: 'Person', properties: { aliases: ['Stelly Vorr'] } }], links: [] } });
    expect((await hitFor('Stelly Vorr', ids.stellan!))?.matched).toMatchObject({ field: 'alias' });
    for (const key of KEY_NAMES) {
      const r = await gql(SUBMIT, { input: { ...base, entities: [{ ref: 'x', kind: 'Person', properties: { name: 'Forged', [key]: ['wgarrick'] } }], links: [] } });
      expect(r.errors?.[0]?.message).toContain(`${key} is set by the service`);
    }
  });

  it('a HAS_CONTACT a report writes carries the keys of the name it was saved under', async () => {
    const [row] = await db.read('MATCH ()-[r:HAS_CONTACT {id: $id}]->() RETURN split(r.savedAsKeys, " ") AS keys, r.nameKeysV AS v', { id: contactId });
    expect(row!.keys).toEqual(expect.arrayContaining(['wmozzer', 'w2']));
    expect(row!.v).toBe(nameKeysVersion());
  });

  it('after a merge the survivor is found by the absorbed person’s names; after the unmerge, each by its own', async () => {
    const { merge } = await gqlOk('mutation ($ids: [ID!]!) { merge(ids: $ids, reason: "Same man, two records") { id properties } }', { ids: [ids.stellan, ids.tobias] });
    expect(merge.properties.aliases).toEqual(['Stelly Vorr', 'Tobias Wexcombe', 'Toby Wex']);
    for (const k of KEY_NAMES) expect(JSON.stringify(merge)).not.toContain(k);
    const byName = await hitFor('Tobias Wexcombe', ids.stellan!);
    expect(byName?.matched).toMatchObject({ field: 'alias', how: 'exact' });
    expect((await hitFor('Toby Wexcombe', ids.stellan!))?.matched?.how).toBe('nickname');
    expect((await search('Tobias Wexcombe')).some((h) => h.entity.id === ids.tobias)).toBe(false);

    await gqlOk('mutation ($id: ID!) { unmerge(id: $id, reason: "Two men after all") { id } }', { id: ids.tobias });
    expect(await hitFor('Tobias Wexcombe', ids.stellan!)).toBeUndefined();
    expect((await hitFor('Tobias Wexcombe', ids.tobias!))?.matched).toMatchObject({ field: 'name', how: 'exact' });
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { properties } }', { id: ids.stellan });
    expect(entity.properties.aliases).toEqual(['Stelly Vorr']);
    const [keys] = await db.read('MATCH (p:Person {id: $id}) RETURN split(p.nameKeys, " ") AS keys', { id: ids.stellan });
    expect(keys!.keys).not.toContain('wwexcombe');
  });

  it('bulk loads and CSV imports compute keys from the row, for persons and saved contact names', async () => {
    await loadDataset(db, {
      nodes: [
        { id: 'nk-bulk-1', labels: ['Person'], props: { name: 'Mohammed', surname: 'Ostrevane' } },
        { id: 'nk-bulk-ph', labels: ['Phone'], props: { phoneNo: '+447700900714' } },
      ],
      links: [{ id: 'nk-bulk-c', type: 'HAS_CONTACT', start: 'nk-bulk-1', end: 'nk-bulk-ph', props: { savedAs: 'Kaz' } }],
    });
    expect((await hitFor('Moe Ostrevane', 'nk-bulk-1'))?.matched?.how).toBe('nickname');
    expect((await hitFor('Muhammad Ostrevane', 'nk-bulk-1'))?.matched?.how).toBe('variant');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nk-import-'));
    try {
      fs.writeFileSync(path.join(dir, 'persons.csv'), ':ID,:LABEL,name,surname\nnk-csv-1,Person,Stephen,Harrowgate\n');
      fs.writeFileSync(path.join(dir, 'rels.csv'), ':START_ID,:END_ID,savedAs,:TYPE\nnk-csv-1,nk-bulk-ph,Stevie H,HAS_CONTACT\n');
      const summary = await importDirectory(db, dir);
      expect(summary.rejected).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect((await hitFor('Stefan Harrowgate', 'nk-csv-1'))?.matched?.how).toMatch(/variant|sounds/);
    const [row] = await db.read("MATCH (:Person {id: 'nk-csv-1'})-[r:HAS_CONTACT]->() RETURN split(r.savedAsKeys, ' ') AS keys, r.nameKeysV AS v");
    expect(row!.keys).toEqual(expect.arrayContaining(['wstevie', 'wh']));
    expect(row!.v).toBe(nameKeysVersion());
  });

  it('the backfill gives keys back to persons and contacts that lost them or have older ones, and does nothing the second time', async () => {
    await db.write('MATCH (p:Person {id: $id}) REMOVE p.nameKeys, p.nameKeysV', { id: ids.garrick });
    await db.write("MATCH (p:Person {id: 'nk-bulk-1'}) SET p.nameKeysV = 'an-older-version', p.nameKeys = 'wsomeoneelse'");
    await db.write('MATCH ()-[r:HAS_CONTACT {id: $id}]->() REMOVE r.savedAsKeys, r.nameKeysV', { id: contactId });
    expect(await hitFor('Garik Quellingford', ids.garrick!)).toBeUndefined();
    expect(await hitFor('Moe Ostrevane', 'nk-bulk-1')).toBeUndefined();

    const done = await ensureNameKeys(db, quiet);
    expect(done.persons).toBeGreaterThanOrEqual(2);
    expect(done.contacts).toBeGreaterThanOrEqual(1);
    expect((await hitFor('Garik Quellingford', ids.garrick!))?.matched?.how).toBe('sounds');
    expect((await hitFor('Moe Ostrevane', 'nk-bulk-1'))?.matched?.how).toBe('nickname');
    const [row] = await db.read('MATCH ()-[r:HAS_CONTACT {id: $id}]->() RETURN split(r.savedAsKeys, " ") AS keys', { id: contactId });
    expect(row!.keys).toContain('wmozzer');
    // Nothing stale: one count, nothing written.
    expect(await ensureNameKeys(db, quiet)).toMatchObject({ persons: 0, contacts: 0 });
  });

  it('no answer carries the keys, to an analyst or an admin: search, entity, neighbourhood', async () => {
    const answers: unknown[] = [];
    for (const as of ['analyst', 'admin', 'licensing'] as Role[]) {
      answers.push(await gql('query ($text: String!) { search(text: $text, limit: 50) { entity { id properties } matched { why } } }', { text: 'Garik Quellingford' }, as));
      answers.push(await gql('query ($text: String!) { search(text: $text, limit: 50) { entity { id properties } } }', { text: 'Mozzer' }, as));
      for (const id of [ids.garrick, ids.stellan, ids.tobias, 'nk-bulk-1', 'nk-csv-1']) {
        answers.push(await gql('query ($id: ID!) { entity(id: $id) { id properties } }', { id }, as));
      }
      answers.push(await gql('query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2, limit: 500) { nodes { id properties } links { id type properties } } }', { ids: [ids.garrick, ids.stellan, 'nk-bulk-ph'] }, as));
      answers.push(await gql('query ($n: String!) { whoIs(nickname: $n) { entity { id properties } } }', { n: 'Mozzer' }, as));
    }
    // The analyst's answers are not empty: the test looks where the keys would be.
    const analyst = JSON.stringify(answers.slice(0, 9));
    expect(analyst).toContain('Quellingford');
    expect(analyst).toContain('Mozzer 2');
    const raw = JSON.stringify(answers);
    for (const k of KEY_NAMES) expect(raw, k).not.toContain(k);
    expect(raw).not.toMatch(/"w(garrick|quellingford|mozzer)"/);
  });
});
