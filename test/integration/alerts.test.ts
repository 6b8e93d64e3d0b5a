/**
 * Alerts: rules over what the demo data already shows, a live alert over server-sent events when a
 * notice is submitted on a licensed driver, acknowledgement (licensing told), and that no licensing
 * alert carries a child's identity.
 */
import { describe, expect, inject, it } from 'vitest';
import { gql, gqlOk, testDatabase, tokenFor, type Role } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { openEventStream } from '../support/sse.js';

const ALERTS = 'query ($s: String) { alerts(status: $s, limit: 1000) { id rule audience status summary entityIds acknowledgedBy note } }';

/** Opens the alertRaised subscription over SSE as a role (or with a token); resolves alerts as they arrive. */
async function subscribe(role: Role, token?: string) {
  const stream = await openEventStream(inject('stack').url, token ?? (await tokenFor(role)), 'subscription { alertRaised { id rule summary entityIds audience } }');
  expect(stream.contentType).toMatch(/text\/event-stream/);
  const alerts = () => stream.payloads.map((p) => p.data?.alertRaised).filter(Boolean);
  const waitFor = async (pred: (a: any) => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = alerts().find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no matching alert within ${ms} ms; got ${JSON.stringify(alerts())}`);
  };
  return {
    get received() {
      return alerts();
    },
    get errors() {
      return stream.payloads.flatMap((p) => p.errors ?? []);
    },
    ended: stream.ended,
    waitFor,
    close: stream.close,
  };
}

async function childIdentities(): Promise<string[]> {
  const db = testDatabase();
  const rows = await db.read('MATCH (c:Person) WHERE c.child = true RETURN c.id AS id, c.name AS name, c.surname AS surname');
  await db.close();
  return rows.flatMap((r) => [r.id, r.surname].filter(Boolean) as string[]);
}

describe('alerts', () => {
  it('raises on the demo data: the notice licensing was never told of, the phoenix operator, the child found where a notice was served', async () => {
    const licensing = (await gqlOk(ALERTS, { s: null }, 'licensing')).alerts;
    expect(licensing.some((a: any) => a.rule === 'notice_on_licensed' && a.entityIds.includes('ntc-001') && a.entityIds.includes('per-s001'))).toBe(true);
    expect(licensing.some((a: any) => a.rule === 'successor_operator' && a.entityIds[0] === 'opr-6' && a.entityIds[1] === 'opr-3')).toBe(true);
    for (const a of licensing) expect(a.audience).toContain('licensing');
    const text = JSON.stringify(licensing);
    for (const id of await childIdentities()) expect(text).not.toContain(`"${id}"`);

    const safeguarding = (await gqlOk(ALERTS, { s: null }, 'safeguarding')).alerts;
    expect(safeguarding.some((a: any) => a.rule === 'found_at_notice_premises' && a.entityIds.includes('inc-0001') && a.entityIds.includes('ntc-001'))).toBe(true);
    expect(safeguarding.every((a: any) => a.audience.includes('safeguarding'))).toBe(true);
    const analyst = (await gqlOk(ALERTS, { s: null })).alerts;
    expect(analyst.some((a: any) => a.rule === 'linked_children' && a.entityIds.includes('per-s001'))).toBe(true);
  });

  it('delivers a live alert to licensing when a notice is submitted on a licensed driver, and records that licensing was told on acknowledgement', async () => {
    const db = testDatabase();
    const [driver] = await db.read(
      `MATCH (p:Person)-[:HOLDS]->(l:Licence {kind: 'driver'}) WHERE coalesce(l.status, 'active') = 'active' AND NOT EXISTS { (:Notice)-[:SERVED_ON]->(p) }
       RETURN p.id AS id ORDER BY p.id LIMIT 1`,
    );
    expect(driver).toBeTruthy();
    const live = await subscribe('licensing');
    const otherRole = await subscribe('safeguarding');
    const input = {
      receivedOn: '2011-03-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'police', summary: 'Child abduction notice served.',
      entities: [{ ref: 'notice', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2011-03-01' } }],
      links: [{ type: 'SERVED_ON', from: 'notice', to: driver!.id }],
    };
    const { submitReport } = await gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', { input });
    const noticeId = submitReport.entities.find((e: any) => e.ref === 'notice').entity.id;
    const alert = await live.waitFor((a) => a.rule === 'notice_on_licensed' && a.entityIds.includes(noticeId));
    expect(alert.entityIds).toContain(driver!.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(otherRole.received.some((a) => a.id === alert.id)).toBe(false); // not for safeguarding
    await live.close();
    await otherRole.close();

    // Safeguarding cannot acknowledge it; licensing can, and the notice now says licensing was told.
    const denied = await gql('mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }', { id: alert.id }, 'safeguarding');
    expect(denied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { acknowledgeAlert } = await gqlOk('mutation ($id: ID!) { acknowledgeAlert(id: $id, note: "Driver suspended pending review") { status acknowledgedBy note } }', { id: alert.id }, 'licensing');
    expect(acknowledgeAlert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'test-licensing', note: 'Driver suspended pending review' });
    const [notice] = await db.read('MATCH (n:Notice {id: $id}) RETURN n.licensingNotifiedOn AS told', { id: noticeId });
    expect(notice!.told).toBe(new Date().toISOString().slice(0, 10));

    // The same finding never raises a second alert, even when more is written about it.
    await gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } } }', {
      input: { ...input, summary: 'Same notice, second account.', entities: [], links: [{ type: 'SERVED_ON', from: noticeId, to: driver!.id }] },
    });
    const [{ n }] = await db.read("MATCH (a:Alert) WHERE a.key = 'notice_on_licensed:' + $id RETURN count(a) AS n", { id: noticeId });
    expect(n).toBe(1);
    await db.close();
  });

  /** A licensing user of its own with the live feed open; `signOut` ends that token. */
  async function ownFeed(name: string) {
    const db = testDatabase();
    const username = `${name}-${Date.now().toString(36)}`;
    const password = 'a long enough password';
    await upsertUser(db, username, 'licensing', password);
    await db.close();
    const { login } = await gqlOk('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, null);
    const live = await subscribe('licensing', login.token);
    const signOut = () =>
      fetch(`${inject('stack').url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      }).then((r) => r.json());
    return { live, signOut };
  }

  it('ends a live feed when its session ends (signed out), instead of delivering to it', async () => {
    const db = testDatabase();
    const [driver] = await db.read(
      `MATCH (p:Person)-[:HOLDS]->(l:Licence {kind: 'driver'}) WHERE coalesce(l.status, 'active') = 'active' AND NOT EXISTS { (:Notice)-[:SERVED_ON]->(p) }
       RETURN p.id AS id ORDER BY p.id DESC LIMIT 1`,
    );
    await db.close();
    const { live, signOut } = await ownFeed('alerts-out');
    expect((await signOut()).data.logout).toBe(true);
    await gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } } }', {
      input: {
        receivedOn: '2011-03-02', sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'police', summary: 'Second notice for the feed test.',
        entities: [{ ref: 'notice', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2011-03-02' } }],
        links: [{ type: 'SERVED_ON', from: 'notice', to: driver!.id }],
      },
    });
    const until = Date.now() + 15_000;
    while (!live.ended() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(live.ended()).toBe(true);
    expect(live.received).toEqual([]);
    expect(live.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await live.close();
  });

  it('ends a quiet live feed within seconds of its sign-out, without waiting for an alert', async () => {
    const { live, signOut } = await ownFeed('alerts-quiet');
    await signOut();
    const signedOut = Date.now();
    while (!live.ended() && Date.now() - signedOut < 15_000) await new Promise((r) => setTimeout(r, 100));
    expect(live.ended()).toBe(true);
    expect(Date.now() - signedOut).toBeLessThan(10_000); // checked every 3 s
    expect(live.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await live.close();
  });

  it('refuses the live feed without a sign-in, and to admin', async () => {
    const anon = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { alertRaised { id } }' }),
    });
    expect(await anon.text()).toMatch(/UNAUTHENTICATED/);
    const admin = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await tokenFor('admin')}` },
      body: JSON.stringify({ query: 'subscription { alertRaised { id } }' }),
    });
    expect(await admin.text()).toMatch(/FORBIDDEN/);
  });
});
