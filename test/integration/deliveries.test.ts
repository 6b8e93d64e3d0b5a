/**
 * Deliveries to another agency that are acknowledged (issue 20, item 2): who sent what to whom,
 * who received it, when and what they decided; only the two agencies see it; a delivery about a
 * child reaches licensing with the child as a descriptor and the text withheld; an unacknowledged
 * delivery escalates once, to the sender's role and the receiving role, naming its managers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { childIdentities } from '../support/browser.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { escalateDeliveries } from '../../server/modules/deliveries/escalation.js';

const DELIVERY = `id deliveryKind title note textWithheld subjects { id kind label ... on Person { child } } sentBy fromAgency fromRole sentAt
  toAgency toRole status receivedBy receivedAt decision escalatedAt escalatedTo`;
const SEND = `mutation ($k: String!, $to: String!, $role: String!, $t: String!, $n: String, $s: [ID!]) {
  sendDelivery(deliveryKind: $k, toAgency: $to, toRole: $role, title: $t, note: $n, subjectIds: $s) { ${DELIVERY} } }`;
const BOX = `query ($box: String, $status: String) { deliveries(box: $box, status: $status, limit: 1000) { ${DELIVERY} } }`;
const ACK = `mutation ($id: ID!, $d: String!) { acknowledgeDelivery(id: $id, decision: $d) { ${DELIVERY} } }`;

const db = testDatabase();
afterAll(() => db.close());

describe('deliveries', () => {
  it('records who sent a concerns grid, who received it, when, and what they decided', async () => {
    const { sendDelivery: sent } = await gqlOk(
      SEND,
      { k: 'concerns_grid', to: 'Licensing', role: 'licensing', t: 'Concerns grid: operators 2010', n: 'Top four operators by concerns.', s: ['opr-1', 'opr-3'] },
      'analyst',
    );
    expect(sent).toMatchObject({ deliveryKind: 'concerns_grid', sentBy: 'test-analyst', fromAgency: 'Police', fromRole: 'analyst', toAgency: 'Licensing', status: 'unacknowledged', receivedBy: null });
    expect(sent.subjects.map((s: any) => s.id)).toEqual(['opr-1', 'opr-3']);

    const inbox = (await gqlOk(BOX, { status: 'unacknowledged' }, 'licensing')).deliveries;
    expect(inbox.map((d: any) => d.id)).toContain(sent.id);
    // The demo's grid nobody acknowledged is there too.
    expect(inbox.map((d: any) => d.id)).toContain('dlv-demo-01');

    // Social care is neither sender nor receiver: it sees nothing of it and cannot acknowledge it.
    expect((await gqlOk(BOX, { box: 'ALL' }, 'safeguarding')).deliveries.map((d: any) => d.id)).not.toContain(sent.id);
    const stranger = await gql(ACK, { id: sent.id, d: 'Noted.' }, 'safeguarding');
    expect(stranger.errors?.[0]?.message).toMatch(/No delivery with that id sent to your agency/);
    // The sender cannot acknowledge its own delivery either.
    expect((await gql(ACK, { id: sent.id, d: 'Noted.' }, 'analyst')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const { acknowledgeDelivery: ack } = await gqlOk(ACK, { id: sent.id, d: 'Taken to the licensing committee of March; Dunmere Express to be reviewed.' }, 'licensing');
    expect(ack).toMatchObject({ status: 'acknowledged', receivedBy: 'test-licensing' });
    expect(ack.decision).toMatch(/licensing committee/);
    expect(Date.parse(ack.receivedAt)).toBeGreaterThanOrEqual(Date.parse(sent.sentAt));
    const twice = await gql(ACK, { id: sent.id, d: 'Again.' }, 'licensing');
    expect(twice.errors?.[0]?.message).toMatch(/Already acknowledged by test-licensing on \d{4}-\d{2}-\d{2}/);

    // The sender sees who received it and what they decided.
    const mine = (await gqlOk(BOX, { box: 'SENT' }, 'analyst')).deliveries.find((d: any) => d.id === sent.id);
    expect(mine).toMatchObject({ status: 'acknowledged', receivedBy: 'test-licensing', decision: ack.decision });
  });

  it('refuses what is not a delivery between agencies, in words', async () => {
    const own = await gql(SEND, { k: 'other', to: 'police', role: 'analyst', t: 'To ourselves' }, 'analyst');
    expect(own.errors?.[0]?.message).toMatch(/another agency/);
    const kind = await gql(SEND, { k: 'letter', to: 'Licensing', role: 'licensing', t: 'A letter' }, 'analyst');
    expect(kind.errors?.[0]?.message).toMatch(/deliveryKind is one of/);
    const unseen = await gql(SEND, { k: 'other', to: 'Police', role: 'analyst', t: 'About a child', s: ['per-c01'] }, 'licensing');
    // Refused as for an id that does not exist, and the message does not repeat the child's id.
    expect(unseen.errors?.[0]?.message).toMatch(/Subject \d+ of \d+ is not a record you can see/);
    expect(unseen.errors?.[0]?.message).not.toContain('per-c01');
    expect((await gql(BOX, {}, 'admin')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives licensing a delivery about a child with the child as a descriptor and its text withheld', async () => {
    const { sendDelivery: sent } = await gqlOk(
      SEND,
      { k: 'evidence_pack', to: 'Licensing', role: 'licensing', t: 'Sightings of YP01 in licensed cabs', n: 'YP01 seen in three cabs.', s: ['per-c01', 'opr-3'] },
      'analyst',
    );
    const res = await gql(BOX, {}, 'licensing');
    const seen = res.data!.deliveries.find((d: any) => d.id === sent.id);
    expect(seen.title).toBeNull();
    expect(seen.note).toBeNull();
    expect(seen.textWithheld).toBe(true);
    const child = seen.subjects.find((s: any) => s.child);
    expect(child.id).toMatch(/^child-/);
    expect(seen.subjects.map((s: any) => s.id)).toContain('opr-3');
    const text = JSON.stringify(res);
    const { strings, values } = await childIdentities();
    for (const s of strings) expect(text.includes(s), s).toBe(false);
    for (const v of values) expect(text.includes(v), v).toBe(false);
    // The demo's notice notification was released for sharing: licensing reads its title.
    expect(res.data!.deliveries.find((d: any) => d.id === 'dlv-demo-02').title).toBe('Child abduction notice served on a licensed driver');
  });

  it('escalates an unacknowledged delivery once: an alert to the sender’s role and the receiver’s, naming the receiving managers', async () => {
    await upsertUser(db, 'lic-manager-a', 'licensing', 'pw-lic-manager-a-123', 'Licensing');
    const denied = await gql('mutation { setManager(username: "lic-manager-a", manager: true) { manager } }', {}, 'licensing');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { setManager } = await gqlOk('mutation { setManager(username: "lic-manager-a", manager: true) { username role agency manager } }', {}, 'admin');
    expect(setManager).toEqual({ username: 'lic-manager-a', role: 'licensing', agency: 'Licensing', manager: true });

    const { sendDelivery: sent } = await gqlOk(SEND, { k: 'notice_notification', to: 'Licensing', role: 'licensing', t: 'Notice served on a licensed driver', s: ['opr-2'] }, 'analyst');
    // Not yet due: nothing about it is raised.
    const early = await escalateDeliveries(db, new Date(), 72);
    expect(early.map((a) => a.key)).not.toContain(`delivery_unacknowledged:${sent.id}`);
    // Three days and an hour later.
    const later = new Date(Date.now() + 73 * 3_600_000);
    const first = await escalateDeliveries(db, later, 72);
    const mine = first.filter((a) => a.key === `delivery_unacknowledged:${sent.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.audience.sort()).toEqual(['analyst', 'licensing']);
    expect(mine[0]!.summary).toMatch(/managers of Licensing: .*lic-manager-a/);
    expect(mine[0]!.summary).toMatch(/not been acknowledged after 72 hours/);
    const second = await escalateDeliveries(db, new Date(later.getTime() + 3_600_000), 72);
    expect(second.map((a) => a.key)).not.toContain(`delivery_unacknowledged:${sent.id}`);

    // One alert in each inbox, and the delivery says when and to whom it was escalated.
    for (const role of ['analyst', 'licensing'] as const) {
      const { alerts } = await gqlOk('{ alerts(limit: 1000) { rule summary } }', {}, role);
      expect(alerts.filter((a: any) => a.summary.includes(sent.id)), role).toHaveLength(1);
    }
    const { alerts: sg } = await gqlOk('{ alerts(limit: 1000) { summary } }', {}, 'safeguarding');
    expect(sg.filter((a: any) => a.summary.includes(sent.id))).toHaveLength(0);
    const seen = (await gqlOk(BOX, {}, 'licensing')).deliveries.find((d: any) => d.id === sent.id);
    expect(seen.escalatedTo).toEqual(['lic-manager-a']);
    expect(seen.escalatedAt).toBeTruthy();
    await gqlOk('mutation { setManager(username: "lic-manager-a", manager: false) { manager } }', {}, 'admin');
  });
});
