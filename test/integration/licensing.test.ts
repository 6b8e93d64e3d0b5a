/**
 * Licensing's own views on the demo data: a driver's single record with the renewal check, and the
 * alert when a licence is renewed while cases are open. Expected content comes from the generator.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../seeds/demo.js';
import { gqlOk, testDatabase } from '../support/client.js';

const RECORD = `query ($id: ID!) { driverRecord(personId: $id) {
  person { id label } licences { id ... on Licence { status } } operators { operator { id } from to }
  cases { incident { id kind label ... on Incident { incidentKind date } } status history via }
  notices { id ... on Notice { servedOn licensingNotifiedOn } } disclosures { id } renewalCheck { clear open } } }`;

describe('a driver’s record for renewal', () => {
  const demo = generateDemo();
  // As licensing sees the demo: links only reports withheld from Licensing support are not on a record.
  const withheld = new Set(
    demo.nodes
      .filter((n) => n.labels.includes('Report') && n.props.handling === 'C' && n.props.ownerAgency !== 'Licensing' && !((n.props.sharedWith as string[] | undefined) ?? []).includes('Licensing'))
      .map((n) => n.id),
  );
  const seen = (l: { props: Record<string, unknown> }) => {
    const s = (l.props.sources as string[] | undefined) ?? [];
    return !(s.length > 0 && s.every((x) => withheld.has(x)));
  };
  const links = (type: string) => demo.links.filter((l) => l.type === type && seen(l));
  const node = (id: string) => demo.nodes.find((n) => n.id === id)!;

  it('holds every case in every state, the notices and the open items, and no child', async () => {
    const id = 'per-s001';
    const { driverRecord: r } = await gqlOk(RECORD, { id }, 'licensing');
    expect(r.person.id).toBe(id);
    // Every incident the driver is party to, or that involves his licence, is on the record.
    const licences = links('HOLDS').filter((l) => l.start === id).map((l) => l.end);
    const expected = new Set([
      ...links('PARTY_TO').filter((l) => l.start === id).map((l) => l.end),
      ...links('INVOLVED_IN').filter((l) => licences.includes(l.start)).map((l) => l.end),
    ]);
    const got = new Set(r.cases.map((c: any) => c.incident.id));
    // Licence events are decisions, not cases (issue 20 item 10: listed under driverRecord.decisions).
    for (const i of expected) expect(got.has(i), i).toBe(node(i)?.props.kind !== 'licence_event');
    // A case only another agency's withheld reports support is there as held, and in the renewal check.
    for (const c of r.cases) {
      if (c.incident.kind === 'HeldItem') {
        expect(c.status).toBe('held');
        expect(r.renewalCheck.open.join('\n')).toContain(c.incident.label);
      } else expect(c.status).toBe(String(node(c.incident.id)?.props.status ?? c.status));
      expect(c.via.length).toBeGreaterThan(0);
    }
    // Dates ascend; with_police cases count as open; the notice licensing never heard of is listed.
    const dates = r.cases.filter((c: any) => c.incident.kind !== 'HeldItem').map((c: any) => c.incident.date ?? '');
    expect([...dates].sort()).toEqual(dates);
    for (const c of r.cases.filter((x: any) => x.status === 'with_police' && x.incident.incidentKind !== 'licence_event'))
      expect(r.renewalCheck.open.join('\n')).toContain(`case ${c.incident.id}`);
    expect(r.notices.map((n: any) => n.id)).toContain('ntc-001');
    expect(r.renewalCheck.clear).toBe(false);
    expect(r.renewalCheck.open.some((o: string) => o.includes('ntc-001') && o.includes('never told'))).toBe(true);
    // No child's id, name or pseudonym anywhere in what licensing received.
    const text = JSON.stringify(r);
    for (const c of demo.nodes.filter((n) => n.props.child === true)) for (const v of [c.id, c.props.pseudonym, c.props.surname]) if (v) expect(text).not.toContain(`"${v}"`);
  });

  it('gives no record for a child, and an empty but clear record for an adult with nothing against them', async () => {
    expect((await gqlOk(RECORD, { id: 'per-c01' })).driverRecord).toBeNull();
    const quiet = demo.nodes.find(
      (n) => n.labels.includes('Person') && n.props.child !== true && !demo.links.some((l) => (l.start === n.id || l.end === n.id) && ['PARTY_TO', 'SERVED_ON', 'HOLDS', 'USES_VEHICLE'].includes(l.type)),
    )!;
    const { driverRecord: r } = await gqlOk(RECORD, { id: quiet.id }, 'licensing');
    expect(r).toMatchObject({ cases: [], notices: [], renewalCheck: { clear: true, open: [] } });
  });

  it('alerts licensing when a licence is renewed while its holder has cases open', async () => {
    const db = testDatabase();
    const [row] = await db.read(
      `MATCH (p:Person)-[:HOLDS]->(l:Licence {kind: 'driver'}), (p)-[:PARTY_TO]->(c:Incident)
       WHERE c.kind <> 'licence_event' AND c.status IN ['open', 'with_police']
       RETURN p.id AS person, l.id AS licence, collect(c.id) AS open ORDER BY p.id LIMIT 1`,
    );
    await db.close();
    expect(row).toBeTruthy();
    const input = {
      receivedOn: '2011-09-01', sourceType: 'licensing', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'licensing', summary: 'Driver licence renewed.',
      entities: [{ ref: 'renewal', kind: 'Incident', properties: { kind: 'licence_event', type: 'renewal', date: '2011-09-01', outcome: 'Renewed' } }],
      links: [{ type: 'INVOLVED_IN', from: row!.licence, to: 'renewal' }],
    };
    const { submitReport } = await gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', { input });
    const eventId = submitReport.entities[0].entity.id;
    const { alerts } = await gqlOk('{ alerts(status: "open", limit: 1000) { rule summary entityIds } }', {}, 'licensing');
    const alert = alerts.find((a: any) => a.rule === 'renewal_while_open' && a.entityIds.includes(eventId));
    expect(alert).toBeTruthy();
    for (const c of row!.open as string[]) expect(alert.entityIds).toContain(c);
  });
});

const PROFILE = `query ($id: ID!, $asOf: String) { operatorProfile(operatorId: $id, asOf: $asOf) {
  operator { id name tradingName }
  licences { id ... on Licence { status licenceKind } }
  people { entity { id } role from to }
  drivers { person { id label } from to licenceStatus notices }
  vehicles { entity { id label } from to }
  bases { entity { id kind } from to }
  phones { entity { id kind } role }
  concerns { incident { id kind properties } via meetings { id label } children } } }`;

describe('an operator’s page', () => {
  const demo = generateDemo();
  const links = (type: string, end: string) => demo.links.filter((l) => l.type === type && l.end === end);

  it('lists the revoked operator’s licences, people, drivers, vehicles, base, phones and concerns, with children as counts only', async () => {
    const id = 'opr-3';
    const { operatorProfile: p } = await gqlOk(PROFILE, { id }, 'licensing');
    expect(p.operator.id).toBe(id);
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    // Every tie the generator made is on the page.
    const licences = ids(p.licences);
    for (const l of demo.links.filter((x) => x.type === 'HOLDS' && x.start === id)) expect(licences.has(l.end), l.end).toBe(true);
    expect(p.licences.some((l: any) => l.licenceKind === 'operator' && l.status === 'revoked')).toBe(true);
    const drivers = new Set(p.drivers.map((d: any) => d.person.id));
    for (const l of links('DRIVES_FOR', id)) expect(drivers.has(l.start), l.start).toBe(true);
    const vehicles = new Set(p.vehicles.map((v: any) => v.entity.id));
    for (const l of links('OPERATED_BY', id)) expect(vehicles.has(l.start), l.start).toBe(true);
    const people = p.people.map((x: any) => `${x.entity.id}:${x.role}`);
    for (const l of links('RUNS', id)) expect(people).toContain(`${l.start}:${l.props.role}`);
    const bases = new Set(p.bases.map((b: any) => b.entity.id));
    for (const l of demo.links.filter((x) => x.type === 'BASED_AT' && x.start === id)) expect(bases.has(l.end)).toBe(true);
    const phones = new Set(p.phones.map((x: any) => x.entity.id));
    for (const l of demo.links.filter((x) => x.type === 'HAS_PHONE' && x.start === id)) expect(phones.has(l.end)).toBe(true);
    expect(p.phones.some((x: any) => x.role.includes('booking line'))).toBe(true);
    // The drivers carry their licence status and notices: the demo's notice ntc-001 was served on per-s001.
    expect(p.drivers.find((d: any) => d.person.id === 'per-s001')?.notices).toBeGreaterThanOrEqual(1);

    // The concerns are the ones operatorRisk counts, newest first, each saying why it is there.
    const { operatorRisk } = await gqlOk('{ operatorRisk(top: 500) { entity { id } detail } }', {}, 'licensing');
    const risk = operatorRisk.find((r: any) => r.entity.id === id);
    // operatorRisk counts only the concerns the caller may see; held ones are listed here, as held.
    expect(p.concerns.filter((c: any) => c.incident.kind !== 'HeldItem').length).toBe(risk.detail.concerns);
    // Newest first (held items, whose dates licensing does not see, aside).
    const dates = p.concerns.filter((c: any) => c.incident.kind !== 'HeldItem').map((c: any) => c.incident.properties.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const c of p.concerns) {
      expect(c.via.length).toBeGreaterThan(0);
      expect(c.incident.properties.kind).not.toBe('licence_event');
    }
    const perConcern = p.concerns.map((c: any) => c.children);
    expect(perConcern.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(risk.detail.children);
    expect(Math.max(...perConcern)).toBeLessThanOrEqual(risk.detail.children);
    expect(p.concerns.some((c: any) => c.meetings.length > 0)).toBe(true);

    // No child's id, pseudonym or full name anywhere in what licensing received.
    const text = JSON.stringify(p);
    for (const c of demo.nodes.filter((n) => n.props.child === true))
      for (const v of [c.id, c.props.pseudonym, `${c.props.name} ${c.props.surname}`]) if (v) expect(text, String(v)).not.toContain(String(v));
  });

  it('leaves out what came after the as-of date, and gives null for an unknown operator', async () => {
    const asOf = '2008-01-01';
    const { operatorProfile: p } = await gqlOk(PROFILE, { id: 'opr-3', asOf }, 'licensing');
    for (const d of p.drivers) expect((d.from ?? '') <= asOf).toBe(true);
    for (const v of p.vehicles) expect((v.from ?? '') <= asOf).toBe(true);
    for (const c of p.concerns) expect((c.incident.properties.date ?? '') <= asOf).toBe(true);
    const all = (await gqlOk(PROFILE, { id: 'opr-3' }, 'licensing')).operatorProfile;
    expect(p.drivers.length).toBeLessThan(all.drivers.length);
    expect((await gqlOk(PROFILE, { id: 'opr-no-such' }, 'licensing')).operatorProfile).toBeNull();
  });
});

describe("a child's family and home, as licensing sees them", () => {
  const NEIGHBOURHOOD = `query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1, limit: 200) {
    nodes { id kind label properties } links { id type source target } } }`;
  const demo = generateDemo();
  // A parent in the demo: FAMILY_REL to a child, at the child's family home (not a placement).
  const family = demo.links.find((l) => l.type === 'FAMILY_REL' && demo.nodes.find((n) => n.id === l.end)?.props.child === true && l.start.startsWith('per-p'))!;
  const [parent, child] = [family.start, family.end];
  const home = demo.links.find((l) => l.type === 'CURRENT_ADDRESS' && l.start === child && l.props.role === 'family_home')!.end;
  const descriptors = (nodes: any[]) => nodes.filter((n) => n.kind === 'Person' && n.properties.child === true);

  it("leaves out the child's family and address links, and does not walk them: no descriptor beside her parent or at her home", async () => {
    for (const start of [parent, home]) {
      const { neighbourhood: lic } = await gqlOk(NEIGHBOURHOOD, { ids: [start] }, 'licensing');
      expect(lic.nodes.map((n: any) => n.id)).toContain(start);
      expect(lic.links.filter((l: any) => l.type === 'FAMILY_REL'), start).toEqual([]);
      expect(descriptors(lic.nodes), start).toEqual([]);
      expect(JSON.stringify(lic)).not.toContain(child);
    }
    // The parent's own home stays on her record.
    const { neighbourhood: p } = await gqlOk(NEIGHBOURHOOD, { ids: [parent] }, 'licensing');
    expect(p.links.some((l: any) => l.type === 'CURRENT_ADDRESS' && l.source === parent && l.target === home)).toBe(true);
    // No path runs through them either.
    const { paths } = await gqlOk('query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 2) { nodes { id } links { type } } }', { a: parent, b: home }, 'licensing');
    for (const path of paths) expect(path.links.map((l: any) => l.type)).not.toContain('FAMILY_REL');
  });

  it('shows the analyst the family link and her home', async () => {
    const { neighbourhood: a } = await gqlOk(NEIGHBOURHOOD, { ids: [parent] }, 'analyst');
    expect(a.links.some((l: any) => l.type === 'FAMILY_REL' && [l.source, l.target].includes(child))).toBe(true);
    const { neighbourhood: h } = await gqlOk(NEIGHBOURHOOD, { ids: [home] }, 'analyst');
    expect(h.links.some((l: any) => l.type === 'CURRENT_ADDRESS' && l.source === child)).toBe(true);
  });
});
