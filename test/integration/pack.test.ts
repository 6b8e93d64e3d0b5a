/**
 * The strategy-meeting pack on the demo data, through the API as a safeguarding user: it carries
 * the network diagram (its own landscape page, the network's entities and links in words), no raw
 * link codes anywhere, the marking on every page, and still names no other child.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '../../server/domain/vocabulary.js';
import { gqlOk, testDatabase } from '../support/client.js';

const PACK = 'mutation ($c: ID!, $p: String!) { strategyPack(childId: $c, purpose: $p, asOf: "2012-01-01", hops: 2) { base64 } }';
const VIEW = `query ($c: ID!, $p: String!) { childConnections(childId: $c, purpose: $p, asOf: "2012-01-01", hops: 2) {
  child { id label } network { nodes { id kind label } links { source target type } } linkedPersons { entity { id label } } } }`;

describe('the strategy-meeting pack', () => {
  it('includes the network diagram in words, no link codes, the marking on every page, no other child named', async () => {
    const { PDFParse } = await import('pdf-parse');
    const purpose = 'Strategy meeting YP01 pack diagram';
    const { strategyPack } = await gqlOk(PACK, { c: 'per-c01', p: purpose }, 'safeguarding');
    const pdf = Buffer.from(strategyPack.base64, 'base64');
    // Kept for a look (test-results/strategy-pack-diagram.pdf).
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve('test-results/strategy-pack-diagram.pdf'), pdf);
    const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    const text = parsed.text.replace(/\s+/g, ' ');
    const pages = parsed.pages.length;

    // The diagram's page: landscape A4, titled, with the network's entities by their labels.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(text).toMatch(/Network diagram: .* \(within 2 links, as of 2012-01-01\)/);
    const { childConnections: view } = await gqlOk(VIEW, { c: 'per-c01', p: purpose }, 'safeguarding');
    expect(view.network.nodes.length).toBeGreaterThan(5);
    // Drawn: the child, what is linked to it directly, the persons linked to it (the whole 2-hop
    // network is counted on page 1).
    const short = (s: string) => (s.length > 26 ? s.slice(0, 25) : s);
    const direct = new Set(view.network.links.flatMap((l: { source: string; target: string }) => (l.source === 'per-c01' ? [l.target] : l.target === 'per-c01' ? [l.source] : [])));
    const directPersons = view.network.nodes.filter((n: { id: string; kind: string }) => direct.has(n.id) && n.kind === 'Person');
    expect(directPersons.length).toBeGreaterThan(0);
    for (const n of directPersons) expect(text, n.label).toContain(short(n.label));
    for (const p of view.linkedPersons) expect(text).toContain(short(p.entity.label));
    expect(text).toMatch(new RegExp(`Showing \\d+ of the ${view.network.nodes.length} entities`));
    // The child's own links are labelled in words ("knows (lives with)", "victim of", …), never as codes.
    expect(text).toContain("The child's own links are labelled in words.");
    expect(text).toMatch(/victim of|knows|lives at|uses phone|has in contacts/);
    for (const code of LINK_TYPES) expect(text, code).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect((text.match(/OFFICIAL-SENSITIVE/g) ?? []).length).toBe(2 * pages);

    // No other child by name or pseudonym; a surname alone only where no adult (a parent, named on
    // the diagram as adults are) shares it.
    const db = testDatabase();
    const others = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.name + ' ' + c.surname AS name, c.surname AS surname, c.pseudonym AS pseudonym");
    const adults = new Set((await db.read('MATCH (p:Person) WHERE coalesce(p.child, false) = false RETURN DISTINCT p.surname AS s')).map((r) => r.s));
    await db.close();
    for (const o of others) {
      for (const v of [o.name, o.pseudonym]) if (v) expect(text).not.toContain(String(v));
      if (o.surname && !adults.has(o.surname)) expect(text).not.toContain(String(o.surname));
    }
  });
});
