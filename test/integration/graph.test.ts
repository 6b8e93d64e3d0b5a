import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { fixture } from '../support/fixture.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const NEIGHBOURHOOD = `query ($ids: [ID!]!, $hops: Int, $linkTypes: [String!], $kinds: [String!], $asOf: String, $limit: Int) {
  neighbourhood(ids: $ids, hops: $hops, linkTypes: $linkTypes, kinds: $kinds, asOf: $asOf, limit: $limit) {
    truncated
    nodes { id kind label }
    links { id type source target sources }
  }
}`;
interface Sub {
  neighbourhood: { truncated: boolean; nodes: { id: string; kind: string }[]; links: { id: string; type: string; source: string; target: string; sources: string[] }[] };
}
const hood = async (vars: Record<string, unknown>) => (await gqlOk<Sub>(NEIGHBOURHOOD, vars)).neighbourhood;

beforeAll(async () => {
  const db = testDatabase();
  await loadDataset(db, fixture);
  await db.close();
});

describe('entity', () => {
  it('returns the typed entity with its display label and properties', async () => {
    const { entity } = await gqlOk(`{ entity(id: "fx-p1") { id kind label properties sources ... on Person { name aliases } } }`);
    expect(entity).toMatchObject({ id: 'fx-p1', kind: 'Person', label: 'Quentin Marchbanks', name: 'Quentin', aliases: ['Quinny'], sources: ['fx-r1'] });
    expect(entity.properties.surname).toBe('Marchbanks');
  });

  it('returns null for an unknown id', async () => {
    const r = await gql(`{ entity(id: "no-such-thing") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.entity).toBeNull();
  });
});

describe('neighbourhood', () => {
  it('returns each node and each link once, even when asked from both ends', async () => {
    const n = await hood({ ids: ['fx-p1', 'fx-p2'], hops: 1 });
    const nodeIds = n.nodes.map((x) => x.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    const linkIds = n.links.map((x) => x.id);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    // Both KNOWS directions are distinct stored links and both are present.
    expect(linkIds).toEqual(expect.arrayContaining(['fx-k1', 'fx-k2', 'fx-k3', 'fx-hp1', 'fx-hp2']));
    expect(nodeIds).toEqual(expect.arrayContaining(['fx-p1', 'fx-p2', 'fx-p3', 'fx-ph1', 'fx-ph2', 'fx-v1', 'fx-l1']));
    expect(n.links.find((l) => l.id === 'fx-k1')).toMatchObject({ source: 'fx-p1', target: 'fx-p2', sources: ['fx-r1', 'fx-r2'] });
  });

  it('includes links between neighbours, and every link joins nodes returned', async () => {
    const n = await hood({ ids: ['fx-l1'], hops: 1 });
    expect(n.nodes.map((x) => x.id).sort()).toEqual(['fx-l1', 'fx-p1', 'fx-p3']);
    const present = new Set(n.nodes.map((x) => x.id));
    for (const l of n.links) expect(present.has(l.source) && present.has(l.target)).toBe(true);
  });

  it('follows only the link types and kinds asked for', async () => {
    const n = await hood({ ids: ['fx-p1'], hops: 2, linkTypes: ['KNOWS'] });
    expect(n.nodes.map((x) => x.id).sort()).toEqual(['fx-p1', 'fx-p2', 'fx-p3']);
    expect(new Set(n.links.map((l) => l.type))).toEqual(new Set(['KNOWS']));
    const phones = await hood({ ids: ['fx-p1'], kinds: ['Phone'] });
    expect(phones.nodes.map((x) => x.id).sort()).toEqual(['fx-p1', 'fx-ph1']);
  });

  it('caps the result and says so', async () => {
    const capped = await hood({ ids: ['fx-hub'], hops: 1, limit: 10 });
    expect(capped.nodes).toHaveLength(10);
    expect(capped.truncated).toBe(true);
    const whole = await hood({ ids: ['fx-hub'], hops: 1, limit: 100 });
    expect(whole.nodes).toHaveLength(42);
    expect(whole.truncated).toBe(false);
  });

  it('hides what is dated after asOf', async () => {
    const before = await hood({ ids: ['fx-l1'], asOf: '2010-01-01' });
    expect(before.nodes.map((x) => x.id).sort()).toEqual(['fx-l1', 'fx-p1']);
  });

  it('rejects bad arguments with the reason', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ids: ['fx-p1'], hops: 7 }, /hops must be 1 to 3/],
      [{ ids: [] }, /at least one id/],
      [{ ids: ['fx-p1'], limit: 100000 }, /limit is at most 5000/],
      [{ ids: ['fx-p1'], linkTypes: ['LOVES'] }, /unknown link type "LOVES"/],
      [{ ids: ['fx-p1'], asOf: '25/11/2026' }, /YYYY-MM-DD/],
    ];
    for (const [vars, reason] of cases) {
      const r = await gql(NEIGHBOURHOOD, vars);
      expect(r.errors?.[0].extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(reason);
    }
  });

  it('returns an empty subgraph for ids that do not exist', async () => {
    const n = await hood({ ids: ['no-such-id'] });
    expect(n).toEqual({ truncated: false, nodes: [], links: [] });
  });
});
