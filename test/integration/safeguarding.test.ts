/**
 * The strategy-meeting view: one child, a stated purpose, other children only as descriptors,
 * the chronology as of a date, and persons linked by independent routes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const VIEW = `query ($childId: ID!, $asOf: String, $purpose: String!, $hops: Int) {
  childConnections(childId: $childId, asOf: $asOf, purpose: $purpose, hops: $hops) {
    child { id label ... on Person { name pseudonym } }
    network { truncated nodes { id kind label properties } links { id source target type } }
    chronology { id kind label properties }
    linkedPersons { score entity { id label } detail }
  }
}`;
let others: string[] = [];

beforeAll(async () => {
  const db = testDatabase();
  const rows = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.id AS id, c.pseudonym AS ps, c.name + ' ' + c.surname AS name");
  others = rows.flatMap((r) => [r.id, r.ps, r.name] as string[]);
  await db.close();
});

describe('childConnections for a strategy meeting', () => {
  it('shows the child in full and every other child only as a descriptor', async () => {
    const { childConnections: v } = await gqlOk(VIEW, { childId: 'per-c01', purpose: 'Strategy meeting YP01', hops: 2 }, 'safeguarding');
    expect(v.child).toMatchObject({ id: 'per-c01', pseudonym: 'YP01', name: 'Amy' });
    const json = JSON.stringify(v);
    expect(json).toContain('per-c01');
    for (const s of others) expect(json, `leaks "${s}"`).not.toContain(s);
    expect(v.network.nodes.some((n: any) => n.properties.descriptor)).toBe(true);
    const onChart = new Set(v.network.nodes.map((n: any) => n.id));
    for (const l of v.network.links) expect(onChart.has(l.source) && onChart.has(l.target)).toBe(true);
    // The child's own phones are marked do-not-contact.
    const phones = v.network.links.filter((l: any) => l.type === 'HAS_PHONE' && l.source === 'per-c01').map((l: any) => l.target);
    expect(phones.length).toBeGreaterThan(0);
    for (const id of phones) expect(v.network.nodes.find((n: any) => n.id === id).properties.doNotContact).toBe(true);
  });

  it('ranks linked persons by independent routes, with their other children and notices', async () => {
    const { childConnections: v } = await gqlOk(VIEW, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    expect(v.linkedPersons.length).toBeGreaterThan(3);
    const top = v.linkedPersons[0];
    expect(top.score).toBeGreaterThanOrEqual(2); // a composite flag: more than one independent route
    expect(top.score).toBe(top.detail.routeKinds.length);
    expect(top.detail.routes.length).toBeGreaterThanOrEqual(top.score);
    const scores = v.linkedPersons.map((p: any) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(v.linkedPersons.some((p: any) => p.detail.otherChildren > 0)).toBe(true);
    // The reports behind each person's routes, counted once each.
    for (const p of v.linkedPersons) expect(p.detail.sources).toBe(new Set(p.detail.reports).size);
    expect(v.linkedPersons.some((p: any) => p.detail.sources > 0)).toBe(true);
    const kershaw = v.linkedPersons.find((p: any) => p.entity.id === 'per-s001');
    expect(kershaw.detail.routes.join(' ')).toMatch(/missing/);
  });

  it('gives the chronology oldest first, with where a missing child was found, as of a date', async () => {
    const { childConnections: v } = await gqlOk(VIEW, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    const dates = v.chronology.map((e: any) => e.properties.chronologyDate);
    expect([...dates].sort()).toEqual(dates);
    const missing = v.chronology.find((e: any) => e.id === 'inc-0001');
    expect(missing.properties).toMatchObject({ kind: 'missing', date: '2009-11-20' });
    expect(missing.properties.foundAt).toBeTruthy();
    expect(missing.properties.returnInterviewOn ?? null).toBeNull();

    const early = (await gqlOk(VIEW, { childId: 'per-c01', purpose: 'Strategy meeting YP01', asOf: '2009-01-01' }, 'safeguarding')).childConnections;
    expect(early.chronology.length).toBeLessThan(v.chronology.length);
    for (const e of early.chronology) expect(e.properties.chronologyDate <= '2009-01-01').toBe(true);
  });

  it('needs a purpose, records it in the audit log, and is only ever about a child', async () => {
    const none = await gql(VIEW, { childId: 'per-c01', purpose: ' ' }, 'safeguarding');
    expect(none.errors?.[0].message).toMatch(/state the purpose/);
    const adult = await gql(VIEW, { childId: 'per-s001', purpose: 'curious' }, 'safeguarding');
    expect(adult.errors?.[0]).toMatchObject({ message: 'No child with that id.', extensions: { code: 'BAD_USER_INPUT' } });
    const { auditLog } = await gqlOk('{ auditLog(entityId: "per-c01", username: "test-safeguarding", limit: 20) { operation purpose } }', {}, 'admin');
    expect(auditLog).toEqual(expect.arrayContaining([{ operation: 'Query.childConnections', purpose: 'Strategy meeting YP01' }]));
  });
});

describe('the printable strategy-meeting pack', () => {
  it('prints the view as the role sees it, marks composite links, names no other child, and is audited', async () => {
    const { PDFParse } = await import('pdf-parse');
    const PACK = 'mutation ($c: ID!, $p: String!) { strategyPack(childId: $c, purpose: $p, asOf: "2012-01-01") { filename contentType base64 bytes shows { id } } }';
    const { strategyPack: pack } = await gqlOk(PACK, { c: 'per-c01', p: 'Strategy meeting YP01 pack' }, 'safeguarding');
    expect(pack.contentType).toBe('application/pdf');
    expect(pack.filename).toBe('strategy-pack-YP01-2012-01-01.pdf');
    const pdf = Buffer.from(pack.base64, 'base64');
    expect(pdf.length).toBe(pack.bytes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('Strategy meeting YP01 pack');
    expect(text).toContain('Darren Kershaw'); // the demo's central suspect, linked to YP01
    expect(text).toContain('COMPOSITE');
    const db = testDatabase();
    const others = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.name AS name, c.surname AS surname, c.pseudonym AS pseudonym");
    // The pack's network diagram names adults, parents among them: a surname a parent shares is not the child's.
    const adults = new Set((await db.read('MATCH (p:Person) WHERE coalesce(p.child, false) = false RETURN DISTINCT p.surname AS s')).map((r) => r.s));
    await db.close();
    for (const o of others) {
      for (const v of [`${o.name} ${o.surname}`, o.pseudonym]) if (v) expect(text).not.toContain(String(v));
      if (o.surname && !adults.has(o.surname)) expect(text).not.toContain(String(o.surname));
    }
    const { auditLog } = await gqlOk('{ auditLog(entityId: "per-c01", username: "test-safeguarding", limit: 50) { operation purpose } }', {}, 'admin');
    expect(auditLog).toEqual(expect.arrayContaining([{ operation: 'Mutation.strategyPack', purpose: 'Strategy meeting YP01 pack' }]));
  });
});
