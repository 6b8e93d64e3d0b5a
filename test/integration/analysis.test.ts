import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { fixture } from '../support/fixture.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $linkTypes: [String!], $all: Boolean) {
  paths(from: $from, to: $to, maxHops: $maxHops, linkTypes: $linkTypes, all: $all) { length nodes { id } links { id type source target } }
}`;

beforeAll(async () => {
  const db = testDatabase();
  await loadDataset(db, fixture);
  await db.close();
});

describe('paths', () => {
  it('finds the shortest path, or all of them, in either direction', async () => {
    const one = (await gqlOk(PATHS, { from: 'fx-p1', to: 'fx-p3' })).paths;
    expect(one).toHaveLength(1);
    expect(one[0].length).toBe(2);
    expect(one[0].nodes[0].id).toBe('fx-p1');
    expect(one[0].nodes[2].id).toBe('fx-p3');
    const all = (await gqlOk(PATHS, { from: 'fx-p1', to: 'fx-p3', all: true })).paths;
    // Via fx-p2 (over either of the two KNOWS links) and via the shared address fx-l1.
    expect(all.map((p: any) => p.links.map((l: any) => l.id).join('>')).sort()).toEqual(['fx-ca1>fx-ca2', 'fx-k1>fx-k3', 'fx-k2>fx-k3']);
    for (const p of all) expect(p.length).toBe(2);
  });

  it('follows only the link types asked for and stops at maxHops', async () => {
    const knows = (await gqlOk(PATHS, { from: 'fx-p1', to: 'fx-p3', linkTypes: ['KNOWS'], all: true })).paths;
    expect(knows.every((p: any) => p.links.every((l: any) => l.type === 'KNOWS'))).toBe(true);
    expect(knows).toHaveLength(2);
    expect((await gqlOk(PATHS, { from: 'fx-p1', to: 'fx-p3', maxHops: 1 })).paths).toEqual([]);
    const bad = await gql(PATHS, { from: 'fx-p1', to: 'fx-p3', maxHops: 50 });
    expect(bad.errors?.[0].message).toMatch(/maxHops must be 1 to 8/);
  });

  it('joins several entities into one connecting network', async () => {
    const { connectingNetwork } = await gqlOk('{ connectingNetwork(ids: ["fx-ph1", "fx-ph2", "fx-v1"]) { nodes { id } links { source target } } }');
    const ids = connectingNetwork.nodes.map((n: any) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['fx-ph1', 'fx-ph2', 'fx-v1', 'fx-p1', 'fx-p2']));
    const present = new Set(ids);
    for (const l of connectingNetwork.links) expect(present.has(l.source) && present.has(l.target)).toBe(true);
  });

  it('gives licensing no path that starts at a child', async () => {
    expect((await gqlOk(PATHS, { from: 'per-c01', to: 'per-s001' }, 'licensing')).paths).toEqual([]);
    const analyst = (await gqlOk(PATHS, { from: 'per-c01', to: 'per-s001' })).paths;
    expect(analyst.length).toBe(1);
  });
});
