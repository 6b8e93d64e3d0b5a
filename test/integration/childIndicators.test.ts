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
const KEYS = ['several_phones', 'adult_phone_contact', 'vehicle_of_interest', 'missing_episodes', 'place_of_concern', 'school_absence', 'health_flag'];

const tag = randomBytes(3).toString('hex');
const SECRET = `held-indicator-marker-${tag}`;
/** Other children's ids, pseudonyms and names: none may appear in per-c01's indicators. */
let others: string[] = [];
/** A child with no school record and no health record (for the "not known" lines). */
let unrecorded = '';
let heldIncident = '';

const byKey = (v: any, key: string) => v.indicators.find((i: any) => i.key === key);

beforeAll(async () => {
  const db = testDatabase();
  const rows = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.id AS id, c.pseudonym AS ps, c.name + ' ' + c.surname AS name");
  others = rows.flatMap((r) => [r.id, r.ps, r.name] as string[]).filter(Boolean);
  const [u] = await db.read(
    "MATCH (c:Person {child: true}) WHERE NOT (c)-[:ATTENDS]->() AND NOT EXISTS { (c)-[:VICTIM_OF]->(i:Incident) WHERE i.kind IN ['school_absence', 'health_flag'] } AND NOT (c)-[:HAS_CONTACT]->() RETURN c.id AS id ORDER BY id LIMIT 1",
  );
  unrecorded = u!.id as string;
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
});

describe('childIndicators', () => {
  it('gives every indicator in a fixed order, each fact with its sources and grades', async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    expect(v.child.id).toBe('per-c01');
    expect(v.indicators.map((i: any) => i.key)).toEqual(KEYS);
    for (const ind of v.indicators) {
      expect(['present', 'none_recorded', 'not_known']).toContain(ind.status);
      expect(ind.summary.length).toBeGreaterThan(5);
      for (const item of ind.items) if (!item.held) expect(item.sources.length, `${ind.key}: ${item.text}`).toBeGreaterThan(0);
    }
    // YP01's four missing episodes (fixed in the demo), plus the one this file adds (held).
    const missing = byKey(v, 'missing_episodes');
    expect(missing.status).toBe('present');
    expect(missing.items.filter((i: any) => !i.held)).toHaveLength(4);
    expect(missing.summary).toMatch(/5 missing episodes, 4 repeats after the first; return interview for \d of 5/);
    expect(missing.items.find((i: any) => i.entity?.id === 'inc-0001').text).toMatch(/no return interview recorded/);
    const visible = missing.items.find((i: any) => !i.held);
    expect(visible.sources[0]).toMatchObject({ held: false, sourceGrade: expect.any(Number), intelGrade: expect.stringMatching(/^[A-E]$/) });
    expect(visible.sources[0].label).toMatch(/graded \d[A-E]/);
    // Places of concern: the takeaway where YP01 was found, a notice served there.
    const places = byKey(v, 'place_of_concern');
    expect(places.status).toBe('present');
    expect(places.items.some((i: any) => /found here when missing/.test(i.text))).toBe(true);
    expect(places.items.some((i: any) => /notice was served here/.test(i.text))).toBe(true);
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
    expect(byKey(v, 'adult_phone_contact').notKnown).toContain("No handset download held for the child's phone");
  });

  it("shows a fact only withheld reports support as held by its owner, never its content", async () => {
    const safeguarding = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    const json = JSON.stringify(safeguarding);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(heldIncident);
    const held = byKey(safeguarding.childIndicators, 'missing_episodes').items.filter((i: any) => i.held);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ text: '1 item held by Police, 2010-07-01', entity: null, date: null });
    expect(held[0].sources[0]).toMatchObject({ held: true, heldBy: 'Police', ref: null, sourceType: null });
    // The owner's own agency sees it in full.
    const police = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'analyst');
    const mine = byKey(police.childIndicators, 'missing_episodes').items.find((i: any) => i.entity?.id === heldIncident);
    expect(mine.held).toBe(false);
    expect(mine.text).toMatch(new RegExp(`found at 9 ${SECRET} Row`));
  });

  it("does not identify any other child", async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01' }, 'safeguarding');
    const json = JSON.stringify(v);
    for (const s of others) expect(json, `leaks "${s}"`).not.toContain(s);
  });

  it('keeps to need-to-know per child: another child only with a reason, flagged in the audit', async () => {
    const refused = await gql(INDICATORS, { childId: unrecorded, purpose: 'Strategy meeting' }, 'safeguarding');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused)).not.toMatch(/school|health/i);
    const withReason = await gqlOk(INDICATORS, { childId: unrecorded, purpose: 'Strategy meeting', openReason: 'Sibling of a child on my caseload, meeting tomorrow' }, 'safeguarding');
    expect(withReason.childIndicators.child.id).toBe(unrecorded);
    const licensing = await gql(INDICATORS, { childId: 'per-c01', purpose: 'curious' }, 'licensing');
    expect(licensing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adult = await gql(INDICATORS, { childId: 'per-s001', purpose: 'curious' }, 'analyst');
    expect(adult.errors?.[0]).toMatchObject({ message: 'No child with that id.', extensions: { code: 'BAD_USER_INPUT' } });
    const noPurpose = await gql(INDICATORS, { childId: 'per-c01', purpose: ' ' }, 'safeguarding');
    expect(noPurpose.errors?.[0].message).toMatch(/state the purpose/);

    const { auditLog } = await gqlOk('{ auditLog(username: "test-safeguarding", limit: 100) { operation purpose outcome args entityIds } }', {}, 'admin');
    const mine = auditLog.filter((e: any) => e.operation === 'Query.childIndicators' && e.args.includes(unrecorded));
    expect(mine.map((e: any) => e.outcome)).toEqual(expect.arrayContaining(['opened-with-reason', 'denied']));
    const opened = mine.find((e: any) => e.outcome === 'opened-with-reason');
    expect(opened.purpose).toMatch(/Sibling of a child/);
    expect(opened.entityIds).toContain(unrecorded);
  });

  it('is as of a date: later records are left out, a later return interview is not yet done', async () => {
    const { childIndicators: v } = await gqlOk(INDICATORS, { childId: 'per-c01', purpose: 'Strategy meeting YP01', asOf: '2009-01-01' }, 'safeguarding');
    expect(v.asOf).toBe('2009-01-01');
    for (const ind of v.indicators) for (const i of ind.items) if (i.date) expect(i.date <= '2009-01-01', `${ind.key} ${i.date}`).toBe(true);
    const missing = byKey(v, 'missing_episodes');
    expect(missing.items.length).toBeLessThan(5);
  });
});
