import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await loadDataset(db, {
    nodes: [
      { id: 'mg-a', labels: ['Person'], props: { name: 'Ruben', surname: 'Ashgrove', dob: '1980-02-02', sources: ['mg-r1'] } },
      { id: 'mg-b', labels: ['Person'], props: { name: 'Reuben', surname: 'Ashgrove', dob: '1980-02-02', aliases: ['Rube'] } },
      { id: 'mg-c', labels: ['Person'], props: { name: 'Ida', surname: 'Thornbury' } },
      { id: 'mg-ph', labels: ['Phone'], props: { phoneNo: '+447700900999' } },
      { id: 'mg-r1', labels: ['Report'], props: { ref: 'MG/1', sourceGrade: 2, intelGrade: 'B', handling: 'P' } },
    ],
    links: [
      { id: 'mg-l1', type: 'HAS_PHONE', start: 'mg-a', end: 'mg-ph', props: {} },
      { id: 'mg-l2', type: 'HAS_PHONE', start: 'mg-b', end: 'mg-ph', props: { confidence: 'low' } },
      { id: 'mg-l3', type: 'KNOWS', start: 'mg-c', end: 'mg-b', props: { sources: ['mg-r1'] } },
      { id: 'mg-l4', type: 'KNOWS', start: 'mg-b', end: 'mg-a', props: {} },
      { id: 'mg-l5', type: 'MENTIONS', start: 'mg-r1', end: 'mg-b', props: {} },
    ],
  });
});
afterAll(() => db.close());

/** Everything about the test's nodes: labels, properties, and each link with its ends and properties. */
async function snapshot() {
  const nodes = await db.read("MATCH (n) WHERE n.id STARTS WITH 'mg-' RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id");
  for (const n of nodes) (n.labels as string[]).sort();
  const links = await db.read(
    "MATCH (a)-[r]->(b) WHERE a.id STARTS WITH 'mg-' OR b.id STARTS WITH 'mg-' RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props ORDER BY type, start, end, props.id",
  );
  return { nodes, links };
}

describe('duplicate review, merge and unmerge', () => {
  it('lists the pair with its evidence, and never pairs men only because handsets saved them as "Taz"', async () => {
    const { duplicateCandidates } = await gqlOk('{ duplicateCandidates(limit: 500) { a { id } b { id } evidence score } }');
    const pair = duplicateCandidates.find((c: any) => c.a.id === 'mg-a' && c.b.id === 'mg-b');
    expect(pair.evidence).toEqual(expect.arrayContaining(['both hold phone +447700900999', 'same date of birth 1980-02-02', 'similar names ("Ruben Ashgrove" / "Reuben Ashgrove")']));
    expect(pair.score).toBe(3);
    expect(duplicateCandidates.some((c: any) => [c.a.id, c.b.id].sort().join() === 'per-s001,per-s017')).toBe(false);
  });

  it('merge moves every link to the survivor; unmerge restores the graph exactly', async () => {
    const before = await snapshot();
    const { merge } = await gqlOk('mutation { merge(ids: ["mg-a", "mg-b"], reason: "Same phone, same dob, spelling variant") { id properties } }');
    expect(merge.id).toBe('mg-a');
    expect(merge.properties.mergedFrom).toEqual(['mg-b']);

    // The absorbed person is no longer an entity of its own; its links now meet the survivor.
    expect((await gqlOk('{ entity(id: "mg-b") { id } }')).entity).toBeNull();
    const { neighbourhood } = await gqlOk('{ neighbourhood(ids: ["mg-a"]) { nodes { id } links { type source target } } }');
    expect(neighbourhood.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['mg-c', 'mg-ph', 'mg-r1']));
    expect(neighbourhood.links).toEqual(expect.arrayContaining([{ type: 'KNOWS', source: 'mg-c', target: 'mg-a' }]));
    // Nothing was lost: the stored record of mg-b is still there, marked as merged.
    const [{ mergedInto }] = await db.read("MATCH (m:MergedPerson {id: 'mg-b'}) RETURN m.mergedInto AS mergedInto");
    expect(mergedInto).toBe('mg-a');

    const { unmerge } = await gqlOk('mutation { unmerge(id: "mg-b", reason: "Different men after all") { id } }');
    expect(unmerge).toEqual([{ id: 'mg-b' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('explains what it cannot merge', async () => {
    const one = await gql('mutation { merge(ids: ["mg-a"], reason: "alone") { id } }');
    expect(one.errors?.[0].message).toMatch(/at least two person ids/);
    const ghost = await gql('mutation { merge(ids: ["mg-a", "nobody-x"], reason: "typo") { id } }');
    expect(ghost.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(ghost.errors?.[0].message).toMatch(/no person with id nobody-x/);
    const never = await gql('mutation { unmerge(id: "mg-c") { id } }');
    expect(never.errors?.[0].message).toMatch(/not part of a merge/);
  });
});
