/**
 * The as-of rule (server/domain/asOf.ts), asked of every operation that takes `asOf`.
 *
 * One small world of its own (unique ids), written through the real write path (GraphQL
 * submitReport, which stores datedOn): a child, an adult party to an incident before the cut, an
 * adult party only to an incident dated after the cut, an adult whose direct link to the child
 * (and whose driving for an operator, and another's link in a household) ended before the cut.
 * Every as-of operation is then asked the same question at three dates:
 *   CUT (after the link ended, before the late incident): neither the later record nor the ended
 *   link shows; INSIDE (within the ended link's validity, before the late incident): the ended link
 *   shows, the later record does not; null: everything shows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../server/modules/intake/csvImport.js';
import { gqlOk, testDatabase } from '../support/client.js';

const U = `asof${Date.now().toString(36)}`;
const CUT = '2018-01-01';
const INSIDE = '2016-01-01';
const DATES = [CUT, INSIDE, null] as const;

const SUBMIT = `mutation ($input: ReportInput!) {
  submitReport(input: $input) { report { id } entities { ref entity { id } } links { id type source target } }
}`;

/** Entity ids by ref, link ids by name. */
const id: Record<string, string> = {};
const link: Record<string, string> = {};

beforeAll(async () => {
  const ended = { from: '2015-03-01', to: '2016-06-30' };
  const input = {
    receivedOn: '2015-01-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'police', summary: `As-of test world ${U}`,
    entities: [
      { ref: 'child', kind: 'Person', properties: { name: 'Wrenna', surname: `Tollbeck${U}`, child: true, pseudonym: `YP-${U}` } },
      { ref: 'early', kind: 'Person', properties: { name: 'Odric', surname: `Fenlow${U}` } },
      { ref: 'late', kind: 'Person', properties: { name: 'Bastel', surname: `Quorne${U}` } },
      { ref: 'ended', kind: 'Person', properties: { name: 'Dunmere', surname: `Ashcombe${U}` } },
      { ref: 'party', kind: 'Person', properties: { name: 'Eskel', surname: `Varrow${U}` } },
      { ref: 'h1', kind: 'Person', properties: { name: 'Halwen', surname: `Brisk${U}` } },
      { ref: 'h2', kind: 'Person', properties: { name: 'Harlo', surname: `Brisk${U}` } },
      { ref: 'incEarly', kind: 'Incident', properties: { kind: 'concern', date: '2015-02-01', summary: 'early concern' } },
      { ref: 'incLate', kind: 'Incident', properties: { kind: 'concern', date: '2020-06-01', summary: 'late concern' } },
      { ref: 'op', kind: 'Operator', properties: { name: `Cinder Cars ${U}` } },
      { ref: 'home', kind: 'Location', properties: { address: `1 Quillet Row ${U}`, kind: 'home' } },
      { ref: 'placement', kind: 'Location', properties: { address: `2 Quillet Row ${U}`, kind: 'residential_unit' } },
    ],
    links: [
      { type: 'PARTY_TO', from: 'early', to: 'incEarly', properties: {} },
      { type: 'VICTIM_OF', from: 'child', to: 'incEarly', properties: {} },
      { type: 'PARTY_TO', from: 'party', to: 'incEarly', properties: {} },
      { type: 'PARTY_TO', from: 'late', to: 'incLate', properties: {} },
      { type: 'VICTIM_OF', from: 'child', to: 'incLate', properties: {} },
      { type: 'KNOWS', from: 'child', to: 'ended', properties: ended },
      { type: 'INVOLVED_IN', from: 'op', to: 'incEarly', properties: {} },
      { type: 'INVOLVED_IN', from: 'op', to: 'incLate', properties: {} },
      { type: 'DRIVES_FOR', from: 'ended', to: 'op', properties: ended },
      { type: 'CURRENT_ADDRESS', from: 'child', to: 'placement', properties: { ...ended, role: 'placement' } },
      // A household: h1 lives with h2, whose contacts party to incidents make h1's score.
      { type: 'FAMILY_REL', from: 'h1', to: 'h2', properties: { rel_type: 'SIBLING' } },
      { type: 'CURRENT_ADDRESS', from: 'h1', to: 'home', properties: { from: '2014-01-01' } },
      { type: 'CURRENT_ADDRESS', from: 'h2', to: 'home', properties: { from: '2014-01-01' } },
      { type: 'KNOWS', from: 'h2', to: 'early', properties: {} },
      { type: 'KNOWS', from: 'h2', to: 'late', properties: {} },
      { type: 'KNOWS_SN', from: 'h2', to: 'party', properties: ended },
    ],
  };
  const { submitReport: out } = await gqlOk(SUBMIT, { input });
  for (const e of out.entities) id[e.ref] = e.entity.id;
  id.report = out.report.id;
  const byEnds = (type: string, a: string, b: string) => out.links.find((l: any) => l.type === type && l.source === id[a] && l.target === id[b]).id;
  link.knowsEnded = byEnds('KNOWS', 'child', 'ended');
  link.victimLate = byEnds('VICTIM_OF', 'child', 'incLate');
  link.snEnded = byEnds('KNOWS_SN', 'h2', 'party');
  link.placement = byEnds('CURRENT_ADDRESS', 'child', 'placement');
}, 60_000);

/** What each date must show: the later record never before 2020, the ended link only inside its validity. */
const showsLate = (asOf: string | null) => asOf === null;
const showsEnded = (asOf: string | null) => asOf !== CUT;

describe('the as-of rule, asked of every operation', { timeout: 180_000 }, () => {
  it('is stored by the write path as datedOn', async () => {
    const { neighbourhood: n } = await gqlOk(`query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1) { nodes { id properties } links { id properties } } }`, { ids: [id.child] });
    // datedOn is kept for the queries, never shown.
    for (const x of [...n.nodes, ...n.links]) expect(x.properties.datedOn).toBeUndefined();
    expect(n.nodes.map((x: any) => x.id)).toEqual(expect.arrayContaining([id.incLate, id.ended]));
  });

  it.each(DATES)('neighbourhood as of %s', async (asOf) => {
    const { neighbourhood: n } = await gqlOk(`query ($ids: [ID!]!, $asOf: String) { neighbourhood(ids: $ids, hops: 1, asOf: $asOf) { nodes { id } links { id } } }`, { ids: [id.child], asOf });
    const nodes = n.nodes.map((x: any) => x.id);
    const links = n.links.map((x: any) => x.id);
    expect(nodes).toContain(id.incEarly);
    expect(nodes.includes(id.incLate)).toBe(showsLate(asOf));
    expect(links.includes(link.victimLate)).toBe(showsLate(asOf));
    expect(nodes.includes(id.ended)).toBe(showsEnded(asOf));
    expect(links.includes(link.knowsEnded)).toBe(showsEnded(asOf));
    expect(nodes.includes(id.placement)).toBe(showsEnded(asOf));
  });

  it.each(DATES)('paths and the connecting network as of %s', async (asOf) => {
    const PATHS = `query ($from: ID!, $to: ID!, $asOf: String, $linkTypes: [String!]) { paths(from: $from, to: $to, asOf: $asOf, linkTypes: $linkTypes, all: true) { nodes { id } links { id } } }`;
    const toLate = (await gqlOk(PATHS, { from: id.child, to: id.incLate, asOf })).paths;
    expect(toLate.length > 0).toBe(showsLate(asOf));
    for (const p of toLate) expect(p.links.map((l: any) => l.id)).not.toContain(link.knowsEnded);
    const toEnded = (await gqlOk(PATHS, { from: id.child, to: id.ended, asOf, linkTypes: ['KNOWS'] })).paths;
    expect(toEnded.length > 0).toBe(showsEnded(asOf));
    const toEarly = (await gqlOk(PATHS, { from: id.child, to: id.early, asOf })).paths;
    expect(toEarly.length).toBeGreaterThan(0);

    const { connectingNetwork: c } = await gqlOk(`query ($ids: [ID!]!, $asOf: String) { connectingNetwork(ids: $ids, asOf: $asOf) { nodes { id } links { id } } }`, { ids: [id.child, id.late, id.early], asOf });
    const nodes = c.nodes.map((x: any) => x.id);
    expect(nodes).toEqual(expect.arrayContaining([id.child, id.late, id.early, id.incEarly]));
    expect(nodes.includes(id.incLate)).toBe(showsLate(asOf));
    expect(c.links.map((x: any) => x.id).includes(link.victimLate)).toBe(showsLate(asOf));
  });

  it.each(DATES)('rankings, communities and linked children as of %s', async (asOf) => {
    const world = [id.child, id.early, id.late, id.ended, id.incEarly, id.incLate];
    const { rank: degree } = await gqlOk(`query ($within: [ID!], $asOf: String) { rank(measure: DEGREE, kinds: ["Person", "Incident"], linkTypes: ["PARTY_TO", "VICTIM_OF", "KNOWS"], within: $within, asOf: $asOf, top: 20) { entity { id } score } }`, { within: world, asOf });
    const childDegree = degree.find((r: any) => r.entity.id === id.child)?.score ?? 0;
    // The child's links: the early incident always, the late one and the ended link as the rule says.
    expect(childDegree).toBe(1 + (showsLate(asOf) ? 1 : 0) + (showsEnded(asOf) ? 1 : 0));
    expect(degree.some((r: any) => r.entity.id === id.incLate && r.score > 0)).toBe(showsLate(asOf));

    const expected = [id.early, ...(showsLate(asOf) ? [id.late] : []), ...(showsEnded(asOf) ? [id.ended] : [])].sort();
    const { rank: linked } = await gqlOk(`query ($within: [ID!], $asOf: String) { rank(measure: LINKED_CHILDREN, within: $within, asOf: $asOf, top: 20) { entity { id } score } }`, { within: [id.early, id.late, id.ended], asOf });
    expect(linked.map((r: any) => r.entity.id).sort()).toEqual(expected);

    const { linkedChildren } = await gqlOk(`query ($ids: [ID!]!, $asOf: String) { linkedChildren(personIds: $ids, asOf: $asOf) { person { id } child { id } } }`, { ids: [id.early, id.late, id.ended], asOf });
    expect(linkedChildren.map((l: any) => l.person.id).sort()).toEqual(expected);
    for (const l of linkedChildren) expect(l.child.id).toBe(id.child);

    const { communities } = await gqlOk(`query ($within: [ID!], $asOf: String) { communities(kinds: ["Person", "Incident"], linkTypes: ["PARTY_TO", "VICTIM_OF", "KNOWS"], within: $within, asOf: $asOf, minSize: 1, top: 20) { communities { members { id } } } }`, { within: world, asOf });
    const members = communities.communities.flatMap((c: any) => c.members.map((m: any) => m.id));
    expect(members).toContain(id.child);
    expect(members.includes(id.incLate)).toBe(showsLate(asOf));
    expect(members.includes(id.ended)).toBe(showsEnded(asOf));
  });

  it.each(DATES)('at-risk and household rankings as of %s', async (asOf) => {
    const { atRiskPersons } = await gqlOk(`query ($asOf: String) { atRiskPersons(hops: 1, asOf: $asOf, top: 500) { entity { id } score detail } }`, { asOf });
    const h2 = atRiskPersons.find((r: any) => r.entity.id === id.h2);
    const near = [id.early, ...(showsLate(asOf) ? [id.late] : []), ...(showsEnded(asOf) ? [id.party] : [])].sort();
    expect([...h2.detail.partyToIncidents].sort()).toEqual(near);

    const { householdRisk } = await gqlOk(`query ($asOf: String) { householdRisk(asOf: $asOf, top: 500) { entity { id } score detail } }`, { asOf });
    const h1 = householdRisk.find((r: any) => r.entity.id === id.h1);
    expect(h1.score).toBe(near.length);
    expect([...h1.detail.contacts].sort()).toEqual(near);
  });

  // childConnections asks as of today when no date is given (the strategy meeting's own date). A
  // strategy meeting reviews the child's history: what had begun by then, ended links included.
  it.each(DATES)('childConnections (network, chronology, linked persons) as of %s (null: today)', async (asOf) => {
    const showsEnded = (_: string | null) => true;
    const { childConnections: v } = await gqlOk(
      `query ($childId: ID!, $asOf: String) { childConnections(childId: $childId, asOf: $asOf, hops: 2, purpose: "As-of test", openReason: "As-of test of the strategy view") {
        network { nodes { id } links { id } } chronology { id properties } linkedPersons { entity { id } detail } } }`,
      { childId: id.child, asOf },
      'safeguarding',
    );
    const nodes = v.network.nodes.map((x: any) => x.id);
    const links = v.network.links.map((x: any) => x.id);
    expect(nodes.includes(id.incLate)).toBe(showsLate(asOf));
    expect(links.includes(link.victimLate)).toBe(showsLate(asOf));
    expect(links.includes(link.knowsEnded)).toBe(showsEnded(asOf));
    expect(links.includes(link.placement)).toBe(showsEnded(asOf));

    const chronology = v.chronology.map((e: any) => e.id);
    expect(chronology).toContain(id.incEarly);
    expect(chronology.includes(id.incLate)).toBe(showsLate(asOf));
    // A chronology is a history: the placement that has ended stays in it once it has begun.
    expect(chronology).toContain(id.placement);
    for (const e of v.chronology) if (asOf) expect(e.properties.chronologyDate <= asOf).toBe(true);

    // `party` is party to the early incident the child is the victim of: linked at every date.
    const linked = v.linkedPersons.map((p: any) => p.entity.id).sort();
    expect(linked).toEqual([id.early, id.party, ...(showsLate(asOf) ? [id.late] : []), ...(showsEnded(asOf) ? [id.ended] : [])].sort());
  });

  it('the chronology leaves out a placement not yet begun', async () => {
    const { childConnections: v } = await gqlOk(
      `query ($childId: ID!) { childConnections(childId: $childId, asOf: "2015-02-15", purpose: "As-of test", openReason: "As-of test of the strategy view") { chronology { id } } }`,
      { childId: id.child },
      'safeguarding',
    );
    expect(v.chronology.map((e: any) => e.id)).toEqual([id.incEarly]);
  });

  it.each(DATES)('operatorRisk and the operator profile as of %s', async (asOf) => {
    const { operatorRisk } = await gqlOk(`query ($asOf: String) { operatorRisk(asOf: $asOf, top: 500) { entity { id } score detail } }`, { asOf }, 'licensing');
    const op = operatorRisk.find((r: any) => r.entity.id === id.op);
    expect(op.score).toBe(showsLate(asOf) ? 2 : 1);
    expect(op.detail.drivers).toBe(showsEnded(asOf) ? 1 : 0);
    expect(Object.keys(op.detail.trend)).toEqual(showsLate(asOf) ? ['2015', '2020'] : ['2015']);

    const { operatorProfile: p } = await gqlOk(
      `query ($id: ID!, $asOf: String) { operatorProfile(operatorId: $id, asOf: $asOf) { drivers { person { id } from to } concerns { incident { id } } } }`,
      { id: id.op, asOf },
      'licensing',
    );
    const concerns = p.concerns.map((c: any) => c.incident.id);
    expect(concerns).toContain(id.incEarly);
    expect(concerns.includes(id.incLate)).toBe(showsLate(asOf));
    // The operator's page is its history as it stood then: a spell that has ended stays, with its end.
    expect(p.drivers.map((d: any) => [d.person.id, d.to])).toEqual([[id.ended, '2016-06-30']]);
  });

  it('holds for records written by the CSV import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-asof-'));
    const p = (n: string) => `${U}-imp-${n}`;
    fs.writeFileSync(path.join(dir, 'nodes.csv'), [':ID,name,kind,date:date,:LABEL', `${p('a')},Ysolde Marrick,,,Person`, `${p('b')},Tamsin Orrel,,,Person`, `${p('i')},,concern,2020-06-01,Incident`].join('\n'));
    fs.writeFileSync(path.join(dir, 'links.csv'), [':START_ID,:END_ID,:TYPE,from:date,to:date', `${p('a')},${p('b')},KNOWS,2015-03-01,2016-06-30`, `${p('a')},${p('i')},PARTY_TO,,`].join('\n'));
    const db = testDatabase();
    try {
      const summary = await importDirectory(db, dir);
      expect(summary.rejected).toEqual([]);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const asOf of DATES) {
      const { neighbourhood: n } = await gqlOk(`query ($ids: [ID!]!, $asOf: String) { neighbourhood(ids: $ids, hops: 1, asOf: $asOf) { nodes { id } } }`, { ids: [p('a')], asOf });
      const nodes = n.nodes.map((x: any) => x.id);
      expect(nodes.includes(p('i')), `incident as of ${asOf}`).toBe(showsLate(asOf));
      expect(nodes.includes(p('b')), `ended link as of ${asOf}`).toBe(showsEnded(asOf));
    }
  });
});
