/**
 * Child indicators in the strategy-meeting view (issue 20, item 7): each indicator with its sources,
 * what is not known said out loud, under the strategy-meeting view's rules (need-to-know per child,
 * a stated purpose, other children as descriptors, withheld reports' content absent, audited).
 * Records this file adds go through submitReport, with a marker no demo record holds.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const INDICATORS = `query ($childId: ID!, $asOf: String, $purpose: String!, $openReason: String) {
  childIndicators(childId: $childId, asOf: $asOf, purpose: $purpose, openReason: $openReason) {
    child { id label }
    asOf
    indicators { key title status summary count notKnown items { date text held entity { id kind label } sources { reportId label ref sourceType sourceGrade intelGrade held heldBy } } }
  }
}`;
const SUBMIT = `mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } entities { ref entity { id } } } }`;
const KEYS = ['several_phones', 'adult_phone_contact', 'vehicle_of_interest', 'missing_episodes', 'place_of_concern', 'school_absence', 'health_flag', 'held_elsewhere'];

const tag = randomBytes(3).toString('hex');
const SECRET = `held-indicator-marker-${tag}`;
/** Other children's ids, pseudonyms and names: none may appear in per-c01's indicators. */
let others: string[] = [];
/** A child this file adds with nothing recorded about them (for the "not known" lines). */
let unrecorded = '';
/** A demo child not assigned to the test safeguarding user. */
let notAssigned = '';
let heldIncident = '';

const byKey = (v: any, key: string) => v.indicators.find((i: any) => i.key === key);

beforeAll(async () => {
  const db = testDatabase();
  const rows = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.id AS id, c.pseudonym AS ps, c.name + ' ' + c.surname AS name");
  others = rows.flatMap((r) => [r.id, r.ps, r.name] as string[]).filter(Boolean);
  // The one demo child no strategy meeting discussed: not on the test user's caseload.
  const [u] = await db.read("MATCH (c:Person {child: true}) WHERE NOT (c)-[:DISCUSSED_AT]->(:Meeting {kind: 'strategy'}) RETURN c.id AS id ORDER BY id LIMIT 1");
  notAssigned = u!.id as string;
  await db.close();
  // A missing episode of per-c01 that only a Police report handled under conditions supports: held from social care.
  const { submitReport } = await gqlOk(SUBMIT, {
    input: {
      receivedOn: '2010-07-01',
      sourceType: 'police',
      sourceGrade: 1,
      intelGrade: 'B',
      handling: 'C',
      conditions: 'Police only',
      ownerAgency: 'Police',
      summary: `${SECRET} report`,
      entities: [
        { ref: 'episode', kind: 'Incident', properties: { kind: 'missing', date: '2010-06-30', summary: `${SECRET}: found in a flat` } },
        { ref: 'flat', kind: 'Location', properties: { address: `9 ${SECRET} Row`, hotspot: true } },
      ],
      links: [
        { type: 'VICTIM_OF', from: 'per-c01', to: 'episode' },
        { type: 'OCCURRED_AT', from: 'episode', to: 'flat' },
      ],
    },
  });
  heldIncident = submitReport.entities.find((e: any) => e.ref === 'episode').entity.id;
  const fresh = await gqlOk(SUBMIT, {
    input: {
      receivedOn: '2010-07-02',
      sourceType: 'partner',
      sourceGrade: 2,
      intelGrade: 'C',
      handling: 'P',
      ownerAgency: 'Police',
      summary: 'A referral with nothing else yet',
      entities: [{ ref: 'child', kind: 'Person', properties: { name: 'Wrenna', surname: `Tallowmere${tag}`, child: true, age: 13, sex: 'female' } }],
      links: [],
    },
  });
  unrecorded = fresh.submitReport.entities[0].entity.id;
});

describe('childIndicators', () => {
  it('gives every indicator in a fixed order, each fact with its sources and grades', async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    expect(v.child.id).toBe('per-c01');
    expect(v.indicators.map((i: any) => i.key)).toEqual(KEYS);
    for (const ind of v.indicators) {
      expect(['present', 'none_recorded', 'not_known']).toContain(ind.status);
      expect(ind.summary.length).toBeGreaterThan(5);
      for (const item of ind.items) for (const src of item.sources) expect(src.label.length, `${ind.key}: ${item.text}`).toBeGreaterThan(3);
    }
    // YP01's missing episodes, counted, each with its source; the one this file adds (held from
    // social care) is not among them: it is counted only as held by another agency.
    const missing = byKey(v, 'missing_episodes');
    expect(missing.status).toBe('present');
    const n = missing.items.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(missing.items.filter((i: any) => i.held)).toEqual([]);
    expect(missing.count).toBe(n);
    expect(missing.summary).toMatch(new RegExp(`^${n} missing episodes, ${n - 1} repeats after the first; return interview for \\d of ${n}$`));
    for (const i of missing.items) expect(i.sources.length).toBeGreaterThan(0);
    expect(missing.items.find((i: any) => i.entity?.id === 'inc-0001').text).toMatch(/no return interview recorded/);
    const visible = missing.items.find((i: any) => !i.held);
    expect(visible.sources[0]).toMatchObject({ held: false, sourceGrade: expect.any(Number), intelGrade: expect.stringMatching(/^[A-E]$/) });
    expect(visible.sources[0].label).toMatch(/graded \d[A-E]/);
    // Places of concern: the takeaway where YP01 was found, a notice served there.
    const places = byKey(v, 'place_of_concern');
    expect(places.status).toBe('present');
    expect(places.items.some((i: any) => /found here when missing/.test(i.text))).toBe(true);
    expect(places.items.some((i: any) => /abduction notices? served here/.test(i.text))).toBe(true);
    // Adults' numbers in her handset (the demo downloads YP01's phone).
    const contact = byKey(v, 'adult_phone_contact');
    expect(contact.status).toBe('present');
    expect(contact.items.some((i: any) => /in the child's phone/.test(i.text))).toBe(true);
    // The demo's school and health records for YP01 (seeds/demo/childIndicators.ts).
    expect(byKey(v, 'school_absence')).toMatchObject({ status: 'present' });
    expect(byKey(v, 'health_flag')).toMatchObject({ status: 'present' });
  });

  it('says what is not known instead of showing nothing', async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: unrecorded, purpose: 'Indicator check' }, 'analyst');
    expect(byKey(v, 'school_absence')).toMatchObject({ status: 'not_known', notKnown: ['No school record held for the child'] });
    expect(byKey(v, 'health_flag').status).toBe('not_known');
    expect(byKey(v, 'health_flag').notKnown[0]).toMatch(/No health record held/);
    expect(byKey(v, 'adult_phone_contact')).toMatchObject({
      status: 'not_known',
      notKnown: ["No handset download held for the child's phone", "No call records held for the child's phones"],
    });
    expect(byKey(v, 'several_phones')).toMatchObject({ status: 'not_known', notKnown: ['No phone recorded for the child'] });
    expect(byKey(v, 'vehicle_of_interest')).toMatchObject({ status: 'not_known', notKnown: ['No record of the child in any vehicle'] });
    expect(byKey(v, 'missing_episodes')).toMatchObject({ status: 'none_recorded', count: 0, items: [] });
    // A demo child with no school on record: the same line, not an empty list.
    const noSchool = (await gqlOk(INDICATORS, { childId: 'per-c02', purpose: 'Indicator check' }, 'analyst')).childIndicators;
    expect(byKey(noSchool, 'school_absence')).toMatchObject({ status: 'not_known', summary: 'Not known: no school record held' });
  });

  it("shows a fact only withheld reports support as held by its owner, never its content", async () => {
    const safeguarding = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    const json = JSON.stringify(safeguarding);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(heldIncident);
    // Not filed under the indicator it belongs to (that would say what the held report is about).
    for (const ind of safeguarding.childIndicators.indicators) if (ind.key !== 'held_elsewhere') expect(ind.items.filter((i: any) => i.held), ind.key).toEqual([]);
    // The demo's own held records about YP01 (Health's clinic visit, …) are pooled there too.
    const elsewhere = byKey(safeguarding.childIndicators, 'held_elsewhere');
    expect(elsewhere.status).toBe('present');
    expect(elsewhere.count).toBe(elsewhere.items.length);
    expect(elsewhere.summary).toMatch(new RegExp(`^${elsewhere.count} records? about the child held by .*Police`));
    for (const i of elsewhere.items) expect(i).toMatchObject({ held: true, entity: null, date: null });
    // The planted report's two facts: the missing episode and the flat it happened at (a place of concern).
    const held = elsewhere.items.filter((i: any) => i.sources.some((s: any) => s.heldBy === 'Police'));
    expect(held).toHaveLength(2);
    expect(held[0]).toMatchObject({ text: '1 item held by Police, 2010-07-01', entity: null, date: null });
    expect(held[0].sources[0]).toMatchObject({ held: true, heldBy: 'Police', ref: null, sourceType: null });
    // The owner's own agency sees it in full.
    const police = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'analyst');
    const mine = byKey(police.childIndicators, 'missing_episodes').items.find((i: any) => i.entity?.id === heldIncident);
    expect(mine.held).toBe(false);
    expect(byKey(police.childIndicators, 'held_elsewhere').items.filter((i: any) => i.sources.some((s: any) => s.heldBy === 'Police'))).toEqual([]);
    expect(mine.text).toMatch(new RegExp(`found at 9 ${SECRET} Row`));
  });

  it("does not identify any other child", async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    const json = JSON.stringify(v);
    for (const s of others) expect(json, `leaks "${s}"`).not.toContain(s);
  });

  it('keeps to need-to-know per child: another child only with a reason, flagged in the audit', async () => {
    const refused = await gql(INDICATORS, { childId: notAssigned, purpose: 'Strategy meeting' }, 'safeguarding');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused)).not.toMatch(/school|health/i);
    const withReason = await gqlOk(INDICATORS, { childId: notAssigned, purpose: 'Strategy meeting', openReason: 'Sibling of a child on my caseload, meeting tomorrow' }, 'safeguarding');
    expect(withReason.childIndicators.child.id).toBe(notAssigned);
    const licensing = await gql(INDICATORS, { childId: 'per-c01', purpose: 'curious' }, 'licensing');
    expect(licensing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adult = await gql(INDICATORS, { childId: 'per-s001', purpose: 'curious' }, 'analyst');
    expect(adult.errors?.[0]).toMatchObject({ message: 'No child with that id.', extensions: { code: 'BAD_USER_INPUT' } });
    const noPurpose = await gql(INDICATORS, { childId: 'per-c01', purpose: ' ' }, 'safeguarding');
    expect(noPurpose.errors?.[0].message).toMatch(/state the purpose/);

    const { auditLog } = await gqlOk('{ auditLog(username: "test-safeguarding", limit: 100) { operation purpose outcome args entityIds } }', {}, 'admin');
    const mine = auditLog.filter((e: any) => e.operation === 'Query.childIndicators' && e.args.includes(notAssigned));
    expect(mine.map((e: any) => e.outcome)).toEqual(expect.arrayContaining(['opened-with-reason', 'denied']));
    const opened = mine.find((e: any) => e.outcome === 'opened-with-reason');
    expect(opened.purpose).toMatch(/Sibling of a child/);
    expect(opened.entityIds).toContain(notAssigned);
  });

  it('is as of a date: later records are left out, a later return interview is not yet done', async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01', asOf: '2009-01-01' }, 'safeguarding');
    expect(v.asOf).toBe('2009-01-01');
    for (const ind of v.indicators) for (const i of ind.items) if (i.date) expect(i.date <= '2009-01-01', `${ind.key} ${i.date}`).toBe(true);
    const missing = byKey(v, 'missing_episodes');
    const now = byKey((await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding')).childIndicators, 'missing_episodes');
    expect(missing.items.length).toBeLessThan(now.items.length);
  });
});
