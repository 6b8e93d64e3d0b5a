/**
 * The evidence pack on a named adult (issue 20, item 8): third-party evidence in time order with
 * grades and sources, built without the child's testimony (every exclusion listed with its reason),
 * children only as descriptors for every role, reports withheld from the caller never quoted, and an
 * audit entry for each pack. Records this file adds go through submitReport, with a marker no demo
 * record holds.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const PACK = `mutation ($personId: ID!, $purpose: String!, $use: String) {
  evidencePack(personId: $personId, purpose: $purpose, use: $use) {
    filename contentType base64 bytes use
    person { id label }
    entries { date category text sources { reportId label sourceType sourceGrade intelGrade held } }
    exclusions { date what reasonCode reason }
  }
}`;
const SUBMIT = `mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } entities { ref entity { id } } } }`;

const tag = randomBytes(3).toString('hex');
const SECRET = `held-evidence-marker-${tag}`;
const VICTIM_WORDS = `victim-account-marker-${tag}`;
/** Every child's id, pseudonym, name and full name. */
let childIdentities: string[] = [];
let subject = '';

async function pdfText(base64: string): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parsed = await new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) }).getText();
  return parsed.text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  const db = testDatabase();
  const rows = await db.read('MATCH (c:Person) WHERE c.child = true RETURN c.id AS id, c.pseudonym AS ps, c.name AS name, c.name + " " + c.surname AS full');
  childIdentities = rows.flatMap((r) => [r.id, r.ps, r.full] as string[]).filter(Boolean);
  await db.close();
  // An adult seen by a youth worker with YP01 (a third party), accused in the child's own account,
  // and named in a Police report held under conditions (withheld from licensing).
  const base = { sourceGrade: 2, intelGrade: 'B', entities: [] as unknown[], links: [] as unknown[] };
  const first = await gqlOk(SUBMIT, {
    input: {
      ...base,
      receivedOn: '2010-03-02',
      sourceType: 'youth_worker',
      handling: 'P',
      ownerAgency: 'Youth Service',
      summary: 'Youth worker saw a man with YP01 at the park',
      entities: [
        { ref: 'subject', kind: 'Person', properties: { name: 'Orrin', surname: `Vesterholt${tag}`, dob: '1975-04-04' } },
        { ref: 'seen', kind: 'Incident', properties: { kind: 'sighting', date: '2010-03-01', summary: 'Seen with a girl at the park, late evening' } },
      ],
      links: [
        { type: 'PARTY_TO', from: 'subject', to: 'seen' },
        { type: 'VICTIM_OF', from: 'per-c01', to: 'seen' },
      ],
    },
  });
  subject = first.submitReport.entities.find((e: any) => e.ref === 'subject').entity.id;
  await gqlOk(SUBMIT, {
    input: {
      ...base,
      receivedOn: '2010-04-10',
      sourceType: 'victim',
      handling: 'P',
      ownerAgency: 'Police',
      summary: `Statement ${VICTIM_WORDS}`,
      entities: [{ ref: 'told', kind: 'Incident', properties: { kind: 'crime', type: 'Sexual activity with a child', date: '2010-04-01', summary: `${VICTIM_WORDS}` } }],
      links: [
        { type: 'PARTY_TO', from: subject, to: 'told' },
        { type: 'VICTIM_OF', from: 'per-c01', to: 'told' },
      ],
    },
  });
  await gqlOk(SUBMIT, {
    input: {
      ...base,
      receivedOn: '2010-05-20',
      sourceType: 'police',
      handling: 'C',
      conditions: 'Police only',
      ownerAgency: 'Police',
      summary: `${SECRET} report`,
      entities: [{ ref: 'held', kind: 'Incident', properties: { kind: 'concern', date: '2010-05-19', summary: `${SECRET} at the flat` } }],
      links: [{ type: 'PARTY_TO', from: subject, to: 'held' }],
    },
  });
});

describe('evidencePack', () => {
  it("is built without the child's testimony, every exclusion listed with its reason", async () => {
    const { evidencePack: p } = await gqlOk(PACK, { personId: subject, purpose: 'Civil injunction application' }, 'analyst');
    expect(p.use).toBe('civil_injunction');
    expect(p.person.id).toBe(subject);
    expect(p.contentType).toBe('application/pdf');
    expect(p.bytes).toBeGreaterThan(1000);
    // The youth worker's sighting is in; the child's own account is not, and is listed as excluded.
    expect(p.entries.map((e: any) => e.category)).toContain('sighting');
    const sighting = p.entries.find((e: any) => e.category === 'sighting');
    expect(sighting.date).toBe('2010-03-01');
    expect(sighting.text).toMatch(/about child A \([^)]*girl[^)]*\)/);
    expect(sighting.sources[0]).toMatchObject({ sourceType: 'youth_worker', sourceGrade: 2, intelGrade: 'B', held: false });
    expect(JSON.stringify(p.entries)).not.toContain(VICTIM_WORDS);
    for (const e of p.entries) for (const s of e.sources) expect(s.sourceType).not.toBe('victim');
    const childAccount = p.exclusions.find((x: any) => x.reasonCode === 'relies_on_child_testimony');
    expect(childAccount).toMatchObject({ date: '2010-04-01', reason: expect.stringMatching(/child's own account/) });
    expect(childAccount.what).toMatch(/^Crime, 2010-04-01/);
    expect(JSON.stringify(p.exclusions)).not.toContain(VICTIM_WORDS);
    // The analyst's agency owns the held report: it is in for the analyst.
    expect(p.entries.some((e: any) => e.date === '2010-05-19')).toBe(true);
    // Children never by name, even for an analyst.
    const text = await pdfText(p.base64);
    for (const id of childIdentities) expect(text, `pack names "${id}"`).not.toContain(id);
    for (const id of childIdentities) expect(JSON.stringify(p), `answer names "${id}"`).not.toContain(id);
    expect(text).toContain(`Evidence pack: Orrin Vesterholt${tag}`);
    expect(text).toMatch(/Evidence in time order \(\d+\)/);
    expect(text).toMatch(/Excluded, with reasons \(\d+\)/);
    expect(text).toContain("Rests only on the child's own account");
    expect(text).toContain('OFFICIAL-SENSITIVE');
    const dates = p.entries.map((e: any) => e.date ?? '9999');
    expect([...dates].sort()).toEqual(dates);
  });

  it('for licensing: no child identity, withheld reports only as held by their owner', async () => {
    const { evidencePack: p } = await gqlOk(PACK, { personId: subject, purpose: 'Driver licence review' }, 'licensing');
    expect(p.use).toBe('licence_condition');
    const json = JSON.stringify(p);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain('per-c01');
    for (const id of childIdentities) expect(json, `answer names "${id}"`).not.toContain(id);
    const text = await pdfText(p.base64);
    expect(text).not.toContain(SECRET);
    for (const id of childIdentities) expect(text, `pack names "${id}"`).not.toContain(id);
    const held = p.exclusions.find((x: any) => x.reasonCode === 'held_by_another_agency');
    expect(held).toMatchObject({ what: '1 item held by Police, 2010-05-20', date: null });
    expect(p.entries.some((e: any) => e.date === '2010-05-19')).toBe(false);
    expect(text).toContain('1 item held by Police, 2010-05-20');
  });

  it("works on the demo's adults: observations, vehicles, phones and notices in time order", async () => {
    const { evidencePack: p } = await gqlOk(PACK, { personId: 'per-s001', purpose: 'Civil injunction application' }, 'analyst');
    const categories = new Set(p.entries.map((e: any) => e.category));
    for (const c of ['vehicle', 'phone contact', 'notice']) expect(categories, c).toContain(c);
    expect(p.entries.length).toBeGreaterThan(5);
    for (const e of p.entries) expect(e.sources.length, e.text).toBeGreaterThan(0);
    const json = JSON.stringify(p);
    for (const id of childIdentities) expect(json, `answer names "${id}"`).not.toContain(id);
  });

  it('is only about an adult, for analysts and licensing, and is audited with its purpose', async () => {
    const child = await gql(PACK, { personId: 'per-c01', purpose: 'curious' }, 'analyst');
    expect(child.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(child.errors?.[0].message).toMatch(/No adult with that id/);
    const childForLicensing = await gql(PACK, { personId: 'per-c01', purpose: 'curious' }, 'licensing');
    expect(childForLicensing.errors?.[0].message).toBe(child.errors?.[0].message);
    const safeguarding = await gql(PACK, { personId: subject, purpose: 'curious' }, 'safeguarding');
    expect(safeguarding.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badUse = await gql(PACK, { personId: subject, purpose: 'Civil injunction application', use: 'gossip' }, 'analyst');
    expect(badUse.errors?.[0].message).toMatch(/use must be civil_injunction or licence_condition/);

    const { auditLog } = await gqlOk('query ($id: ID) { auditLog(entityId: $id, limit: 50) { operation purpose outcome username entityIds } }', { id: subject }, 'admin');
    const packs = auditLog.filter((e: any) => e.operation === 'Mutation.evidencePack' && e.outcome === 'ok');
    expect(packs.map((e: any) => e.username)).toEqual(expect.arrayContaining(['test-analyst', 'test-licensing']));
    expect(packs.find((e: any) => e.username === 'test-licensing').purpose).toBe('Driver licence review');
    // The audit records the children the pack described by their real ids (for a reviewer), never in the answer.
    expect(packs.find((e: any) => e.username === 'test-analyst').entityIds).toContain('per-c01');
  });
});
