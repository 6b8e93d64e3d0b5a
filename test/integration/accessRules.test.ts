/**
 * The access rules of DESIGN.md §6, each tried as an attacker would, on records this file writes
 * (through submitReport, as an analyst) into the shared demo database: invented names no demo
 * record holds, so every check is about these records alone.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphQLClient, gql, gqlOk, testDatabase } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';

const SUBMIT = `mutation ($input: ReportInput!) {
  submitReport(input: $input) { report { id } entities { ref conflicts entity { id kind label } } links { id } }
}`;
const SUB = `query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2, limit: 500) {
  nodes { id kind label properties ... on Incident { summary } ... on Person { name surname pseudonym } }
  links { id type source target properties sources } } }`;

const tag = randomBytes(3).toString('hex');
const CHILD = { name: 'Zephyrine', surname: `Quillfeather${tag}`, pseudonym: `YQ${tag}` };
const CHILD_PHONE = '07700 900417';
const PLACE = { address: `14 Larkspur Mews ${tag}`, postcode: 'ZZ9 4QT' };
const report = (extra: Record<string, unknown>) => ({
  receivedOn: '2010-05-01',
  sourceType: 'police',
  sourceGrade: 1,
  intelGrade: 'B',
  handling: 'P',
  ownerAgency: 'Police',
  summary: `Access rules fixture ${tag}`,
  entities: [],
  links: [],
  ...extra,
});

let ids: Record<string, string> = {};
let secondLicensing: GraphQLClient;

/** Every form in which the protected identities of this fixture might leak. */
function leaks(json: string): string[] {
  const text = json.toLowerCase().replace(/\s+/g, ' ');
  const digits = json.replace(/\D/g, '');
  const found: string[] = [];
  // The surname alone is not the child's: the adult in the fixture shares it.
  for (const s of [CHILD.name, `${CHILD.name} ${CHILD.surname}`, `${CHILD.surname} ${CHILD.name}`, CHILD.pseudonym, PLACE.address, ids.child, ids.childPhone, ids.place]) {
    if (s && text.includes(s.toLowerCase())) found.push(s);
  }
  if (digits.includes('7700900417')) found.push(CHILD_PHONE);
  return found;
}

beforeAll(async () => {
  const { submitReport } = await gqlOk(SUBMIT, {
    input: report({
      entities: [
        { ref: 'adult', kind: 'Person', properties: { name: 'Bertrand', surname: CHILD.surname, dob: '1971-03-02' } },
        { ref: 'adultPhone', kind: 'Phone', properties: { phoneNo: '07700 900418' } },
        { ref: 'child', kind: 'Person', properties: { ...CHILD, child: true, age: 14, sex: 'female', lookedAfter: true } },
        { ref: 'childPhone', kind: 'Phone', properties: { phoneNo: CHILD_PHONE } },
        { ref: 'place', kind: 'Location', properties: { ...PLACE, restricted: true, kind: 'residential_unit' } },
        { ref: 'op', kind: 'Operator', properties: { name: `Larkspur Cars ${tag}` } },
        {
          ref: 'incident',
          kind: 'Incident',
          properties: { kind: 'concern', date: '2010-04-30', summary: `quillfeather${tag.toUpperCase()},  zephyrine seen at 14 larkspur mews ${tag}; rang 07700900417` },
        },
      ],
      links: [
        { type: 'HAS_PHONE', from: 'adult', to: 'adultPhone' },
        { type: 'HAS_PHONE', from: 'child', to: 'childPhone' },
        { type: 'HAS_CONTACT', from: 'adult', to: 'childPhone', properties: { savedAs: `${CHILD.name} Q` } },
        { type: 'DRIVES_FOR', from: 'adult', to: 'op', properties: { from: '2009-01-01' } },
        { type: 'PARTY_TO', from: 'adult', to: 'incident' },
        { type: 'VICTIM_OF', from: 'child', to: 'incident' },
        { type: 'OCCURRED_AT', from: 'incident', to: 'place' },
        { type: 'CURRENT_ADDRESS', from: 'child', to: 'place', properties: { role: 'placement', from: '2010-01-01' } },
      ],
    }),
  });
  ids = Object.fromEntries(submitReport.entities.map((e: any) => [e.ref, e.entity.id]));
  ids.report = submitReport.report.id;

  const username = `test-licensing-2-${tag}`;
  const password = randomBytes(12).toString('base64url');
  const db = testDatabase();
  await upsertUser(db, username, 'licensing', password);
  await db.close();
  const { users, url } = inject('stack');
  secondLicensing = new GraphQLClient(url, { ...users, licensing: { username, password } });
});

describe('protected subjects, for licensing', () => {
  it('arrive as descriptors under opaque ids, with links that carry no free text and embed no real id', async () => {
    const r = await gql(SUB, { ids: [ids.adult] }, "licensing");
    expect(r.errors).toBeUndefined();
    const json = JSON.stringify(r);
    expect(leaks(json)).toEqual([]);
    const { nodes, links } = r.data!.neighbourhood;
    const child = nodes.find((n: any) => n.properties.descriptor);
    expect(child).toMatchObject({ kind: 'Person', label: 'looked-after girl, 14', name: null });
    expect(child.id).toMatch(/^child-/);
    const phone = nodes.find((n: any) => n.kind === 'Phone' && n.properties.withheld);
    expect(phone.label).toBe("a child's phone (withheld)");
    const contact = links.find((l: any) => l.type === 'HAS_CONTACT');
    expect(contact.target).toBe(phone.id);
    expect(contact.id).toMatch(/^link-/);
    expect(contact.properties.savedAs).toBeUndefined();
    // Every link end is a node of the answer (ids mapped consistently).
    const onChart = new Set(nodes.map((n: any) => n.id));
    for (const l of links) expect(onChart.has(l.source) && onChart.has(l.target), l.id).toBe(true);
  });

  it('gives the same opaque ids to the same user every time, and different ones to another user', async () => {
    const once = (await gqlOk(SUB, { ids: [ids.adult] }, "licensing")).neighbourhood;
    const again = (await gqlOk(SUB, { ids: [ids.adult] }, "licensing")).neighbourhood;
    const other = (await secondLicensing.gqlOk(SUB, { ids: [ids.adult] }, "licensing")).neighbourhood;
    const opaque = (sg: any) => sg.nodes.map((n: any) => n.id).filter((id: string) => /^(child|phone|place)-/.test(id)).sort();
    expect(opaque(once).length).toBeGreaterThanOrEqual(2);
    expect(opaque(again)).toEqual(opaque(once));
    expect(opaque(other).filter((id: string) => opaque(once).includes(id))).toEqual([]);
    // An opaque id leads nowhere: not even to the descriptor.
    expect((await gqlOk('query ($id: ID!) { entity(id: $id) { id } }', { id: opaque(once)[0] }, 'licensing')).entity).toBeNull();
  });

  it('withholds free text on a record that concerns a protected subject, until the owning agency releases a version', async () => {
    const Q = 'query ($id: ID!) { entity(id: $id) { id label properties ... on Incident { summary } } }';
    const before = (await gqlOk(Q, { id: ids.incident }, 'licensing')).entity;
    expect(before.summary).toBeNull();
    expect(before.properties.textWithheld).toEqual(['summary']);
    expect(leaks(JSON.stringify(before))).toEqual([]);

    // Licensing does not own it; the Police (who wrote the report) do.
    const refused = await gql('mutation ($id: ID!) { releaseText(id: $id, field: "summary", text: "mine") { id } }', { id: ids.incident }, 'licensing');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0].message).toMatch(/Only Police/);
    await gqlOk('mutation ($id: ID!) { releaseText(id: $id, field: "summary", text: "A girl, 14, seen with a driver of this operator; she rang him.") { id } }', { id: ids.incident });

    const after = (await gqlOk(Q, { id: ids.incident }, 'licensing')).entity;
    expect(after.summary).toBe('A girl, 14, seen with a driver of this operator; she rang him.');
    // The analyst still reads the original.
    expect((await gqlOk(Q, { id: ids.incident })).entity.summary).toContain('larkspur');
  });

  it('scrubs the identities from text that is released, however they are written', async () => {
    await gqlOk('mutation ($id: ID!, $t: String!) { releaseText(id: $id, field: "summary", text: $t) { id } }', {
      id: ids.incident,
      t: `Seen with ${CHILD.surname.toUpperCase()} ${CHILD.name.toLowerCase()} (${CHILD.pseudonym.toLowerCase()}), at ${PLACE.address.toUpperCase()}, ${PLACE.postcode.replace(' ', '')}, phone +44 (0)7700 900 417`,
    });
    const e = (await gqlOk('query ($id: ID!) { entity(id: $id) { ... on Incident { summary } } }', { id: ids.incident }, 'licensing')).entity;
    expect(e.summary).toMatch(/^Seen with \[withheld\]/);
    expect(leaks(JSON.stringify(e))).toEqual([]);
    expect(e.summary.toLowerCase()).not.toContain(PLACE.postcode.replace(' ', '').toLowerCase());
  });

  it('filters search inside the query, before the limit: an empty answer says nothing', async () => {
    // Both the adult and the child carry the surname; licensing gets the adult even at limit 1.
    const hits = (await gqlOk('query ($t: String!) { search(text: $t, limit: 1) { entity { id } } }', { t: CHILD.surname }, 'licensing')).search;
    expect(hits.map((h: any) => h.entity.id)).toEqual([ids.adult]);
    const byPseudonym = (await gqlOk('query ($t: String!) { search(text: $t, limit: 5) { entity { id properties } } }', { t: CHILD.pseudonym }, 'licensing')).search;
    expect(byPseudonym.filter((h: any) => h.entity.properties.descriptor || h.entity.id === ids.child)).toEqual([]);
    const byNumber = (await gqlOk('{ search(text: "07700 900417") { entity { id properties } } }', {}, 'licensing')).search;
    expect(byNumber.filter((h: any) => h.entity.id === ids.childPhone || h.entity.properties.withheld)).toEqual([]);
    // A search that showed nothing records no view of the child.
    const { auditLog } = await gqlOk('query ($id: ID) { auditLog(entityId: $id, username: "test-licensing") { operation } }', { id: ids.child }, 'admin');
    expect(auditLog.filter((e: any) => e.operation === 'Query.search')).toEqual([]);
  });
});

describe('reports held under conditions', () => {
  let held: { report: string; incident: string };
  beforeAll(async () => {
    const secret = `withheld-marker-${tag}`;
    const { submitReport } = await gqlOk(SUBMIT, {
      input: report({
        ownerAgency: "Children's Social Care",
        handling: 'C',
        conditions: 'Not beyond social care without consent',
        summary: `Social care note ${secret}`,
        entities: [
          { ref: 'adult', kind: 'Person', properties: {} },
          { ref: 'incident', kind: 'Incident', properties: { kind: 'concern', date: '2010-05-02', summary: `${secret}: said to be collecting girls` } },
        ].map((e) => (e.ref === 'adult' ? { ...e, ref: ids.adult } : e)),
        links: [
          { type: 'PARTY_TO', from: ids.adult, to: 'incident' },
          { type: 'VICTIM_OF', from: ids.child, to: 'incident' },
          { type: 'KNOWS', from: ids.adult, to: 'per-s001', properties: { role: `withheld-role-${tag}` } },
          { type: 'HAS_CONTACT', from: ids.child, to: ids.adultPhone, properties: { savedAs: `Heldnick${tag}` } },
        ],
      }),
    });
    held = { report: submitReport.report.id, incident: submitReport.entities.find((e: any) => e.ref === 'incident').entity.id };
  });

  it('show what only they support as "1 item held by <owner>, <date>", never its content', async () => {
    const r = await gql('query ($id: ID!) { entity(id: $id) { id kind label properties } neighbourhood(ids: [$id]) { nodes { id label } links { type properties } } }', { id: held.incident });
    const json = JSON.stringify(r);
    expect(json).not.toContain('withheld-marker');
    expect(r.data!.entity).toMatchObject({ kind: 'HeldItem', label: "1 item held by Children's Social Care, 2010-05-01" });
    // The link it asserted and the report's own MENTIONS: all held.
    expect(new Set(r.data!.neighbourhood.links.map((l: any) => l.type))).toEqual(new Set(['HELD']));
    const hits = await gqlOk('query ($t: String!) { search(text: $t) { entity { id } } }', { t: `withheld-marker-${tag}` });
    expect(hits.search).toEqual([]);
  });

  it('cannot be reached through a write: no match, no quoted conflict, no sharing by another agency', async () => {
    const share = await gql(SUBMIT, { input: report({ entities: [{ ref: held.report, kind: 'Report', properties: { sharedWith: ['Police'] } }] }) });
    expect(share.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(share)).not.toContain('withheld-marker');
    const unknown = await gql(SUBMIT, { input: report({ entities: [{ ref: 'rep-no-such-report', kind: 'Report', properties: { sharedWith: ['Police'] } }] }) });
    expect(unknown.errors?.[0].message.replace('rep-no-such-report', held.report)).toBe(share.errors?.[0].message);

    const conflict = await gqlOk(SUBMIT, { input: report({ entities: [{ ref: held.incident, kind: 'Incident', properties: { summary: 'something else' } }] }) });
    expect(JSON.stringify(conflict)).not.toContain('withheld-marker');
    expect(conflict.submitReport.entities[0].entity.id).not.toBe(held.incident);

    const link = await gql(SUBMIT, { input: report({ links: [{ type: 'PARTY_TO', from: ids.adult, to: held.incident }] }) });
    expect(link.errors?.[0].message).toMatch(/no entity/);

    // Still withheld, and the analyst still sees it as held.
    expect((await gqlOk('query ($id: ID!) { entity(id: $id) { label } }', { id: held.report })).entity.label).toMatch(/^1 item held by Children's Social Care/);
  });

  it("are not counted in derived links: a route only they support is not the reader's", async () => {
    const { linkedChildren } = await gqlOk('query ($p: [ID!]!) { linkedChildren(personIds: $p) { child { id } routes { via description } } }', { p: [ids.adult] });
    const routes = linkedChildren.flatMap((l: any) => l.routes);
    expect(routes.map((r: any) => r.via)).toContain(ids.incident); // the visible incident
    expect(routes.map((r: any) => r.via)).not.toContain(held.incident);
  });

  it('give whoIs no evidence: a nickname only they record finds nobody', async () => {
    expect((await gqlOk('query ($n: String!) { whoIs(nickname: $n) { entity { id } } }', { n: `Heldnick${tag}` })).whoIs).toEqual([]);
  });

  it("keep a link's properties hidden when another report makes the link itself visible", async () => {
    const { submitReport } = await gqlOk(SUBMIT, { input: report({ links: [{ type: 'KNOWS', from: ids.adult, to: 'per-s001' }] }) });
    const link = (await gqlOk('query ($id: ID!) { neighbourhood(ids: [$id]) { links { type target properties } } }', { id: ids.adult })).neighbourhood.links.find((l: any) => l.type === 'KNOWS' && l.target === 'per-s001');
    expect(link).toBeTruthy();
    expect(JSON.stringify([submitReport, link])).not.toContain('withheld-role');
  });

  it('refuses a reference by id to a record of another kind', async () => {
    const r = await gql(SUBMIT, { input: report({ entities: [{ ref: ids.adultPhone, kind: 'Vehicle', properties: { reg: 'ZZ99ZZZ' } }] }) });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(r.errors?.[0].message).toMatch(/is a Phone, not a Vehicle/);
  });
});

describe('merging protected records', () => {
  it('keeps the strongest protection of what it joins, and unmerge gives each side its own back', async () => {
    const { submitReport } = await gqlOk(SUBMIT, {
      input: report({
        entities: [
          { ref: 'adultRecord', kind: 'Person', properties: { name: 'Merle', surname: `Ashgrove${tag}` } },
          { ref: 'childRecord', kind: 'Person', properties: { name: 'Merle', surname: `Ashgrove${tag}`, child: true, age: 15, sex: 'female', pseudonym: `YM${tag}` } },
          { ref: 'op', kind: 'Operator', properties: { name: `Ashgrove Taxis ${tag}` } },
        ],
        links: [
          { type: 'DRIVES_FOR', from: 'adultRecord', to: 'op' },
          { type: 'KNOWS', from: 'childRecord', to: 'adultRecord' },
        ],
      }),
    });
    const [adultRecord, childRecord, op] = ['adultRecord', 'childRecord', 'op'].map((ref) => submitReport.entities.find((e: any) => e.ref === ref).entity.id);
    await gqlOk('mutation ($ids: [ID!]!) { merge(ids: $ids, reason: "the same girl, recorded twice") { id } }', { ids: [adultRecord, childRecord] });

    const seen = JSON.stringify(await gqlOk(SUB, { ids: [op] }, 'licensing'));
    for (const s of [`Ashgrove${tag}`, `YM${tag}`, adultRecord, childRecord]) expect(seen).not.toContain(s);
    // The survivor is now protected: a descriptor (from the survivor's own record) under an opaque id.
    expect(JSON.parse(seen).neighbourhood.nodes.filter((n: any) => n.properties.descriptor && /^child-/.test(n.id))).toHaveLength(1);

    await gqlOk('mutation ($id: ID!) { unmerge(id: $id, reason: "test") { id } }', { id: adultRecord });
    const db = testDatabase();
    const [row] = await db.read('MATCH (p:Person {id: $id}) RETURN p.child AS child, p.pseudonym AS pseudonym, p.protectionBeforeMerge AS kept', { id: adultRecord });
    await db.close();
    // The child's pseudonym went back with the child, not left on the adult.
    expect(row).toEqual({ child: null, pseudonym: null, kept: null });
    expect(JSON.stringify(await gqlOk(SUB, { ids: [op] }, 'licensing'))).toContain(`Ashgrove${tag}`);
  });
});

describe('need-to-know per child', () => {
  it("lists only a safeguarding user's assigned children, and opens another only with a reason, flagged in the audit", async () => {
    const db = testDatabase();
    const [{ assigned }] = await db.read('MATCH (u:User {username: "test-safeguarding"}) RETURN u.assignedChildren AS assigned');
    const [{ other }] = await db.read('MATCH (c:Person {child: true}) WHERE NOT c.id IN $assigned RETURN c.id AS other ORDER BY c.id LIMIT 1', { assigned });
    await db.close();
    const listed = (await gqlOk('{ children { id } }', {}, 'safeguarding')).children.map((c: any) => c.id).sort();
    expect(listed).toEqual([...(assigned as string[])].sort());
    expect(listed.length).toBeGreaterThan(0);

    const V = 'query ($c: ID!, $r: String) { childConnections(childId: $c, hops: 1, purpose: "need-to-know check", openReason: $r) { child { id } } }';
    const refused = await gql(V, { c: other }, 'safeguarding');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0].message).toMatch(/not assigned to you/);
    const { auditLog: tried } = await gqlOk('{ auditLog(username: "test-safeguarding", limit: 10) { operation outcome args } }', {}, 'admin');
    expect(tried.find((e: any) => e.operation === 'Query.childConnections' && e.outcome === 'denied')?.args).toContain(other);
    const opened = await gqlOk(V, { c: other, r: 'Sibling of a child on my caseload; joint strategy meeting today' }, 'safeguarding');
    expect(opened.childConnections.child.id).toBe(other);
    const { auditLog } = await gqlOk('query ($id: ID) { auditLog(entityId: $id, username: "test-safeguarding", limit: 5) { operation outcome } }', { id: other }, 'admin');
    expect(auditLog).toEqual(expect.arrayContaining([{ operation: 'Query.childConnections', outcome: 'opened-with-reason' }]));
  });

  it('lets admin assign children by id, saying which ids are not children', async () => {
    const r = await gqlOk('mutation { assignChildren(username: "test-safeguarding-none", childIds: ["per-c01"]) { username } }', {}, 'admin').catch((e) => e);
    expect(String(r)).toMatch(/No user with that username/);
  });
});

describe('the audit of refusals', () => {
  it('records denied attempts and failed sign-ins', async () => {
    expect((await gql('{ whoIs(nickname: "Taz") { score } }', {}, 'licensing')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const attempted = `nobody-${tag}`;
    await gql('mutation ($u: String!) { login(username: $u, password: "wrong password") { token } }', { u: attempted }, null);
    const denied = (await gqlOk('{ auditLog(username: "test-licensing", limit: 50) { operation outcome } }', {}, 'admin')).auditLog;
    expect(denied).toEqual(expect.arrayContaining([{ operation: 'Query.whoIs', outcome: 'denied' }]));
    const failed = (await gqlOk('query ($u: String) { auditLog(username: $u, limit: 5) { operation outcome args } }', { u: attempted }, 'admin')).auditLog;
    expect(failed[0]).toMatchObject({ operation: 'Mutation.login', outcome: 'failed' });
    expect(failed[0].args).not.toContain('wrong password');
  });
});
