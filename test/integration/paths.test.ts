/**
 * Paths as routes through entities (DESIGN.md §5) on the demo data: evidential links by default
 * (never the operation's chart), parallel links folded into one hop, distinct routes, explicit link
 * types honoured, and nothing followed that only reports withheld from the caller support.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { BOOKKEEPING_LINK_TYPES } from '../../server/domain/vocabulary.js';
import { gqlOk, testDatabase, type Role } from '../support/client.js';

const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $linkTypes: [String!], $all: Boolean) {
  paths(from: $from, to: $to, maxHops: $maxHops, linkTypes: $linkTypes, all: $all) {
    length nodes { id kind } links { id type source target } hops { from to links { id type source target } }
  }
}`;
const KNOWS_FAMILY = ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'];

interface Link { id: string; type: string; source: string; target: string }
interface Path { length: number; nodes: { id: string; kind: string }[]; links: Link[]; hops: { from: string; to: string; links: Link[] }[] }

const paths = async (vars: Record<string, unknown>, as: Role = 'analyst') => (await gqlOk<{ paths: Path[] }>(PATHS, vars, as)).paths;
const route = (p: Path) => p.nodes.map((n) => n.id).join('>');

let db: Database;
/** Operation Central's suspects (ON_CHART role suspect), as stored. */
let suspects: string[];

beforeAll(async () => {
  db = testDatabase();
  const rows = await db.read("MATCH (p:Person)-[c:ON_CHART {role: 'suspect'}]->(:Operation {id: 'op-central'}) RETURN p.id AS id ORDER BY id");
  suspects = rows.map((r) => String(r.id));
  expect(suspects.length).toBeGreaterThan(50);
});
afterAll(() => db?.close());

/** Every path is a well-formed route: hops join consecutive entities, `links` lists each hop's links. */
function expectWellFormed(p: Path) {
  expect(p.nodes).toHaveLength(p.length + 1);
  expect(p.hops).toHaveLength(p.length);
  p.hops.forEach((h, i) => {
    expect([h.from, h.to]).toEqual([p.nodes[i]!.id, p.nodes[i + 1]!.id]);
    expect(h.links.length).toBeGreaterThan(0);
    for (const l of h.links) expect([l.source, l.target].sort()).toEqual([h.from, h.to].sort());
  });
  expect(p.links.map((l) => l.id)).toEqual(p.hops.flatMap((h) => h.links.map((l) => l.id)));
}

describe('paths between two suspects of Operation Central', () => {
  // Pairs spread over the suspect list (the first suspect is the best connected).
  const pairs = () => [
    [suspects[0]!, suspects[17]!],
    [suspects[9]!, suspects[72]!],
    [suspects[44]!, suspects[74]!],
    [suspects[29]!, suspects[68]!],
  ];

  it('never pass through the operation or an ON_CHART link, one path or all', async () => {
    let found = 0;
    for (const [from, to] of pairs()) {
      for (const all of [false, true]) {
        const answer = await paths({ from, to, all });
        for (const p of answer) {
          found++;
          expectWellFormed(p);
          expect(p.nodes.map((n) => n.kind), route(p)).not.toContain('Operation');
          for (const l of p.links) expect(BOOKKEEPING_LINK_TYPES as readonly string[], `${route(p)}: ${l.id}`).not.toContain(l.type);
        }
      }
    }
    expect(found).toBeGreaterThan(4);
  });

  it('follows the chart when asked to: explicit link types are honoured', async () => {
    const [from, to] = pairs()[1]!;
    const viaChart = await paths({ from, to, all: true, linkTypes: ['ON_CHART'] });
    expect(viaChart.map(route)).toEqual([`${from}>op-central>${to}`]);
    const knows = await paths({ from: suspects[0], to: suspects[17], all: true, linkTypes: KNOWS_FAMILY });
    expect(knows.length).toBeGreaterThan(0);
    for (const p of knows) for (const l of p.links) expect(KNOWS_FAMILY).toContain(l.type);
  });

  it('answers all shortest as distinct routes, each parallel link listed in its hop', async () => {
    let folded = 0;
    for (const [from, to] of pairs()) {
      for (const linkTypes of [null, KNOWS_FAMILY]) {
        const all = await paths({ from, to, all: true, linkTypes });
        expect(new Set(all.map(route)).size, `${from} → ${to}`).toBe(all.length);
        expect(new Set(all.map((p) => p.length)).size).toBeLessThanOrEqual(1);
        for (const p of all) {
          expectWellFormed(p);
          for (const h of p.hops) {
            // The hop lists every stored link of the types followed between its two entities.
            const types = linkTypes ?? null;
            const [{ n }] = (await db.read(
              `MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
               WHERE CASE WHEN $types IS NULL THEN NOT type(r) IN $bookkeeping ELSE type(r) IN $types END
               RETURN count(r) AS n`,
              { a: h.from, b: h.to, types, bookkeeping: BOOKKEEPING_LINK_TYPES },
            )) as [{ n: number }];
            expect(h.links.length, `${h.from} – ${h.to}`).toBe(n);
            if (h.links.length > 1) folded++;
          }
        }
      }
    }
    expect(folded, 'some hop joins two suspects by several links').toBeGreaterThan(0);
  });

  it('joins several suspects with a connecting network without the operation', async () => {
    const ids = suspects.slice(0, 5);
    const { connectingNetwork } = await gqlOk('query ($ids: [ID!]!) { connectingNetwork(ids: $ids) { nodes { id kind } links { id type source target } } }', { ids });
    expect(connectingNetwork.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(ids));
    expect(connectingNetwork.nodes.map((n: any) => n.kind)).not.toContain('Operation');
    for (const l of connectingNetwork.links) expect(BOOKKEEPING_LINK_TYPES as readonly string[]).not.toContain(l.type);
    expect(connectingNetwork.links.length).toBeGreaterThan(0);
  });
});

describe('paths and what is withheld from the caller', () => {
  // The operation's chart is Police's, handled under conditions: withheld from licensing (safeguarding has no paths).
  it('follows no link that only withheld reports support', async () => {
    const [from, to] = [suspects[9]!, suspects[72]!];
    expect((await paths({ from, to, all: true, linkTypes: ['ON_CHART'] })).length).toBe(1);
    for (const role of ['licensing'] as const) {
      expect(await paths({ from, to, all: true, linkTypes: ['ON_CHART'] }, role), role).toEqual([]);
      const evidential = await paths({ from, to, all: true }, role);
      for (const p of evidential) for (const l of p.links) expect(l.type, role).not.toBe('HELD');
    }
  });

  it('names no protected child to licensing, and starts no path at one', async () => {
    const children = (await db.read('MATCH (c:Person {child: true}) RETURN c.id AS id')).map((r) => String(r.id));
    expect(children.length).toBeGreaterThan(0);
    const text = JSON.stringify(await paths({ from: suspects[0], to: 'opr-3', maxHops: 6, all: true }, 'licensing'));
    for (const c of children) expect(text).not.toContain(`"${c}"`);
    expect(await paths({ from: children[0], to: suspects[0] }, 'licensing')).toEqual([]);
  });
});
