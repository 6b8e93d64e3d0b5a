import { describe, expect, it } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const SUBMIT = `mutation ($input: ReportInput!) {
  submitReport(input: $input) {
    report { id ... on Report { sourceGrade intelGrade handling } }
    entities { ref matchedBy conflicts entity { id kind label sources } }
    links { id type source target sources }
  }
}`;
const base = { receivedOn: '2010-06-01', sourceType: 'youth_worker', sourceGrade: 2, intelGrade: 'C', handling: 'P', ownerAgency: 'youth_service', summary: 'Girl says "Taz" picks her up in a silver car.' };

describe('submitReport', () => {
  it('matches a known phone and registration in other formats, creates what is new, and links with the report as source', async () => {
    // The demo suspect's first phone and taxi, typed as a youth worker would.
    const db = testDatabase();
    const usesLinks = async () => (await db.read("MATCH (:Person {id: 'per-s001'})-[r:USES_VEHICLE]->(:Vehicle {id: 'veh-001'}) RETURN count(r) AS n"))[0].n;
    const usesBefore = await usesLinks();
    const [{ phoneNo, reg }] = await db.read("MATCH (p:Phone {id: 'ph-0001'}), (v:Vehicle {id: 'veh-001'}) RETURN p.phoneNo AS phoneNo, v.reg AS reg");
    const national = `0${(phoneNo as string).slice(3, 7)} ${(phoneNo as string).slice(7)}`; // +447700900535 → 07700 900535
    const spaced = `${(reg as string).slice(0, 4)} ${(reg as string).slice(4).toLowerCase()}`;

    const input = {
      ...base,
      entities: [
        { ref: 'phone', kind: 'Phone', properties: { phoneNo: national } },
        { ref: 'car', kind: 'Vehicle', properties: { reg: spaced, colour: 'silver' } },
        { ref: 'girl', kind: 'Person', properties: { name: 'Unnamed', surname: 'Girl', child: true } },
      ],
      links: [
        { type: 'HAS_CONTACT', from: 'girl', to: 'phone', properties: { savedAs: 'Taz' } },
        { type: 'USES_VEHICLE', from: 'per-s001', to: 'car', properties: { role: 'seen_in' } },
      ],
    };
    const { submitReport: out } = await gqlOk(SUBMIT, { input });
    const byRef = Object.fromEntries(out.entities.map((e: any) => [e.ref, e]));
    expect(byRef.phone).toMatchObject({ matchedBy: 'phone number', entity: { id: 'ph-0001' } });
    expect(byRef.car).toMatchObject({ matchedBy: 'registration', entity: { id: 'veh-001' } });
    expect(byRef.car.conflicts).toEqual([]); // silver is what is held
    expect(byRef.girl.matchedBy).toBeNull();
    expect(byRef.phone.entity.sources).toContain(out.report.id);
    expect(out.links).toHaveLength(2);
    for (const l of out.links) expect(l.sources).toContain(out.report.id);
    // The existing USES_VEHICLE link gained the report; no second link was made.
    const uses = out.links.find((l: any) => l.type === 'USES_VEHICLE');
    expect(uses).toMatchObject({ source: 'per-s001', target: 'veh-001' });
    expect(await usesLinks()).toBe(usesBefore);

    // The same report again adds a second source, never a duplicate entity or link.
    const again = (await gqlOk(SUBMIT, { input: { ...input, entities: input.entities.slice(0, 2), links: input.links.slice(1) } })).submitReport;
    expect(again.entities.map((e: any) => e.entity.id)).toEqual(['ph-0001', 'veh-001']);
    expect(again.links[0].id).toBe(uses.id);
    expect(again.links[0].sources).toEqual([...uses.sources, again.report.id]);
    await db.close();
  });

  it('never overwrites: a different value comes back as a conflict and the held one stays', async () => {
    const { submitReport: out } = await gqlOk(SUBMIT, {
      input: { ...base, entities: [{ ref: 'per-s001', kind: 'Person', properties: { dob: '1900-01-01', sex: 'm' } }], links: [] },
    });
    expect(out.entities[0].matchedBy).toBe('id');
    expect(out.entities[0].conflicts).toEqual([expect.stringMatching(/^dob: held "\d{4}-\d{2}-\d{2}", report says "1900-01-01"$/)]);
    const { entity } = await gqlOk('{ entity(id: "per-s001") { ... on Person { dob } } }');
    expect(entity.dob).not.toBe('1900-01-01');
  });

  it('refuses bad grading and unknown references with the reason, writing nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ sourceGrade: 5 }, /sourceGrade is 1, 2 or 3/],
      [{ intelGrade: 'Z' }, /intelGrade/],
      [{ handling: 'C' }, /handling C needs the conditions/],
      [{ receivedOn: '2999-01-01' }, /cannot be in the future/],
    ];
    for (const [change, reason] of cases) {
      const r = await gql(SUBMIT, { input: { ...base, ...change, entities: [], links: [] } });
      expect(r.errors?.[0].extensions?.code, JSON.stringify(change)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(reason);
    }
    const r = await gql(SUBMIT, {
      input: { ...base, summary: 'orphan link', entities: [{ ref: 'x', kind: 'Person', properties: { name: 'Orphan Test' } }], links: [{ type: 'KNOWS', from: 'x', to: 'nobody-here' }] },
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/no entity "nobody-here"/);
    const db = testDatabase();
    const [{ n }] = await db.read("MATCH (r:Report {summary: 'orphan link'}) RETURN count(r) AS n");
    await db.close();
    expect(n).toBe(0); // the whole report was refused, not half-saved
  });
});

describe('whoIs', () => {
  it('keeps two men saved under the same nickname apart, strongest evidence first', async () => {
    const { whoIs } = await gqlOk('{ whoIs(nickname: " TAZ ") { score entity { id } detail } }');
    const ids = whoIs.map((r: any) => r.entity.id);
    expect(ids).toEqual(expect.arrayContaining(['per-s001', 'per-s017']));
    expect(ids[0]).toBe('per-s001');
    const first = whoIs[0];
    expect(first.score).toBe(first.detail.handsets + first.detail.reports);
    expect(first.detail.numbers.length).toBeGreaterThanOrEqual(1);
    for (const n of first.detail.numbers) for (const h of n.handsets) expect(h.savedAs.toLowerCase().startsWith('taz')).toBe(true);
  });

  it('finds nobody for a nickname no handset holds', async () => {
    expect((await gqlOk('{ whoIs(nickname: "Nobodyatall") { score } }')).whoIs).toEqual([]);
  });
});
