/**
 * Several servers, one graph (issue 21): two real server processes over the run's one Neo4j (each
 * through NEO4J_URI, as with an existing server, a cluster or Aura; the second with a routing
 * neo4j:// URI), behind one port (a plain
 * round-robin proxy, test/support/proxy.ts), share nothing but the database:
 * - an alert raised through one server reaches a live subscriber connected to the other;
 * - a client that reconnects with `Last-Event-ID` (to either server) is given what it missed, in
 *   order, and nothing twice;
 * - a sign-out on one server is refused on the other within seconds; failed sign-ins count
 *   together, whichever server they reach;
 * - 2 servers x 25 concurrent writers leave one audit chain, and it verifies;
 * - an answer to a write carries its signed bookmarks (`x-read-after`), which the other server
 *   accepts, so that the writer reads its own write wherever its next request goes; a forged or
 *   altered value is ignored, never an error;
 * - each server's /metrics lists the families an operator watches.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../server/modules/audit/audit.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { GraphQLClient, testDatabase } from '../support/client.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/proxy.js';
import { openEventStream, type EventStream } from '../support/sse.js';

let one: ServerProcess;
let two: ServerProcess;
let proxy: RoundRobinProxy;
/** A client per server, and one through the proxy (each request to the next server). */
let onOne: GraphQLClient;
let onTwo: GraphQLClient;
let viaProxy: GraphQLClient;

const SUBSCRIPTION = 'subscription { alertRaised { id rule entityIds } }';
const until = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const alertsOf = (s: EventStream) => s.payloads.map((p, i) => ({ ...p.data?.alertRaised, eventId: s.ids[i] })).filter((a) => a.id);

/** A licensed driver of this test's own, so that the notices below raise alerts and disturb no other test's data. */
let driverId: string;
async function serveNotice(client: GraphQLClient): Promise<string> {
  const input = {
    receivedOn: '2012-05-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'police', summary: 'Child abduction notice served (several servers test).',
    entities: [{ ref: 'notice', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2012-05-01' } }],
    links: [{ type: 'SERVED_ON', from: 'notice', to: driverId }],
  };
  const { submitReport } = await client.gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', { input });
  return submitReport.entities.find((e: { ref: string }) => e.ref === 'notice').entity.id;
}

beforeAll(async () => {
  const stack = inject('stack');
  // The alert poll is shortened so the test waits less; the default is 500 ms.
  // Server two connects as to a cluster or Aura (neo4j://: a routing table, reads to readers,
  // writes to the leader); on this single server the table names it in every role.
  const routed = { ...stack, boltUri: stack.boltUri.replace(/^bolt:/, 'neo4j:') };
  [one, two] = await Promise.all([startServerProcess(stack, { ALERT_POLL_MS: '200' }), startServerProcess(routed, { ALERT_POLL_MS: '200' })]);
  proxy = await startRoundRobinProxy([one.origin, two.origin]);
  onOne = new GraphQLClient(one.origin, stack.users);
  onTwo = new GraphQLClient(two.origin, stack.users);
  viaProxy = new GraphQLClient(proxy.url, stack.users);
  const { submitReport } = await onOne.gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', {
    input: {
      receivedOn: '2012-04-01', sourceType: 'licensing', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'licensing', summary: 'Driver licence granted (several servers test).',
      entities: [
        { ref: 'driver', kind: 'Person', properties: { name: 'Quillon', surname: 'Averbrook', age: 44, sex: 'M' } },
        { ref: 'licence', kind: 'Licence', properties: { kind: 'driver', number: 'DR/SEV/0001', status: 'active', grantedOn: '2012-04-01' } },
      ],
      links: [{ type: 'HOLDS', from: 'driver', to: 'licence' }],
    },
  });
  driverId = submitReport.entities.find((e: { ref: string }) => e.ref === 'driver').entity.id;
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([one?.stop(), two?.stop()]);
});

describe('the alert feed across servers', () => {
  it('delivers an alert raised through one server to a subscriber connected to the other, with its number as the event id', async () => {
    const live = await openEventStream(two.origin, await onTwo.tokenFor('licensing'), SUBSCRIPTION);
    try {
      const notice = await serveNotice(onOne);
      const alert = await until('the alert on server two', () => alertsOf(live).find((a) => a.entityIds.includes(notice)));
      expect(alert.rule).toBe('notice_on_licensed');
      expect(alert.eventId).toMatch(/^\d+$/);
    } finally {
      await live.close();
    }
  });

  it('replays what a client missed while away when it reconnects with Last-Event-ID, to either server, in order and once', async () => {
    const token = await viaProxy.tokenFor('licensing');
    const first = await openEventStream(one.origin, token, SUBSCRIPTION);
    const before = await serveNotice(onTwo);
    const seen = await until('the first alert', () => alertsOf(first).find((a) => a.entityIds.includes(before)));
    await first.close();

    // Raised while the client is away, through both servers.
    const missed = [await serveNotice(onOne), await serveNotice(onTwo), await serveNotice(onOne)];

    // Back, to the other server, with the last id it saw: the three, in order, then live ones.
    const back = await openEventStream(two.origin, token, SUBSCRIPTION, { lastEventId: seen.eventId });
    try {
      await until('the missed alerts', () => (alertsOf(back).length >= 3 ? true : undefined));
      const replayed = alertsOf(back);
      expect(replayed.slice(0, 3).map((a) => a.entityIds[0])).toEqual(missed);
      const ids = replayed.map((a) => Number(a.eventId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(ids[0]).toBeGreaterThan(Number(seen.eventId));
      expect(replayed.some((a) => a.entityIds.includes(before))).toBe(false);
      const after = await serveNotice(onOne);
      await until('a live alert after the replay', () => alertsOf(back).find((a) => a.entityIds.includes(after)));
      expect(new Set(alertsOf(back).map((a) => a.id)).size).toBe(alertsOf(back).length);
    } finally {
      await back.close();
    }

    // Without Last-Event-ID a feed starts at the present: nothing old is replayed.
    const fresh = await openEventStream(one.origin, token, SUBSCRIPTION);
    try {
      const now = await serveNotice(onTwo);
      await until('a new alert on a fresh feed', () => alertsOf(fresh).find((a) => a.entityIds.includes(now)));
      expect(alertsOf(fresh).map((a) => a.entityIds[0])).toEqual([now]);
    } finally {
      await fresh.close();
    }
  });

  it('ignores a Last-Event-ID that is not a number the feed gave', async () => {
    const token = await viaProxy.tokenFor('licensing');
    for (const lastEventId of ['abc', '-1', '1e3', '99999999999999']) {
      const s = await openEventStream(one.origin, token, SUBSCRIPTION, { lastEventId });
      try {
        const now = await serveNotice(onTwo);
        await until(`a new alert with Last-Event-ID ${lastEventId}`, () => alertsOf(s).find((a) => a.entityIds.includes(now)));
        expect(alertsOf(s)).toHaveLength(1);
      } finally {
        await s.close();
      }
    }
  });
});

describe('sessions and sign-in across servers', () => {
  it('refuses on the other server, within seconds, a token signed out on one', async () => {
    const { username, password } = inject('stack').users.analyst;
    const login = await onOne.gqlOk<{ login: { token: string } }>('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, null);
    const token = login.login.token;
    const me = (origin: string) =>
      fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { username } }' }) }).then((r) => r.json() as Promise<{ data?: { me: unknown }; errors?: { extensions?: { code?: string } }[] }>);
    expect((await me(two.origin)).data?.me).toBeTruthy(); // server two knows the session now (cached standing)

    await fetch(`${one.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    const signedOut = Date.now();
    await until('server two refusing the signed-out token', async () => ((await me(two.origin)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? true : undefined), 10_000);
    expect(Date.now() - signedOut).toBeLessThan(5_000);
  });

  it('counts failed sign-ins together, whichever server they reach', async () => {
    const db = testDatabase();
    const username = `sev-lockout-${Date.now()}`;
    await upsertUser(db, username, 'analyst', 'right-password-123', 'police');
    await db.close();
    const attempt = (password: string) =>
      viaProxy.gql<{ login: { token: string } }>('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, null);
    // Five failures, alternating between the servers through the proxy.
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).errors?.[0]?.message).toMatch(/Wrong username or password/);
    // The sixth attempt, even with the right password and on either server, is refused.
    for (let i = 0; i < 2; i++) expect((await attempt('right-password-123')).errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('the audit chain under writers on several servers', () => {
  it('2 servers x 25 concurrent writers leave one chain that verifies', async () => {
    const db = testDatabase();
    try {
      const [{ seq: before }] = (await db.read("MATCH (h:AuditHead {id: 'head'}) RETURN h.seq AS seq")) as { seq: number }[];
      const write = (client: GraphQLClient, i: number) =>
        client.gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } } }', {
          input: {
            receivedOn: '2012-06-01', sourceType: 'police', sourceGrade: 2, intelGrade: 'C', handling: 'P', ownerAgency: 'police', summary: `Concurrent writer ${i}.`,
            entities: [{ ref: 'c', kind: 'Incident', properties: { kind: 'concern', date: '2012-06-01', summary: `Concern ${i}` } }],
            links: [{ type: 'PARTY_TO', from: driverId, to: 'c' }],
          },
        });
      await Promise.all(Array.from({ length: 25 }, (_, i) => [write(onOne, i), write(onTwo, 100 + i)]).flat());
      const verdict = await verifyAuditChain(db);
      expect(verdict).toMatchObject({ ok: true, brokenAt: null });
      expect(verdict.entries).toBeGreaterThanOrEqual(before + 50);
      // One chain: every number once, each entry naming the one before.
      const [dupes] = await db.read('MATCH (a:AuditEntry) WITH a.seq AS seq, count(*) AS n WHERE n > 1 RETURN count(seq) AS dupes');
      expect(dupes!.dupes).toBe(0);
    } finally {
      await db.close();
    }
  }, 180_000);
});

describe('reading one\'s own writes across servers (bookmarks)', () => {
  const post = async (origin: string, token: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query, variables }) });
    return { readAfter: res.headers.get('x-read-after'), body: (await res.json()) as { data?: any; errors?: { message: string }[] } };
  };

  it('a write answered on one server carries its bookmarks; the other reads after them, and ignores forged ones', async () => {
    const token = await viaProxy.tokenFor('analyst');
    const wrote = await post(one.origin, token, 'mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', {
      input: {
        receivedOn: '2012-07-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'police', summary: 'Bookmark test.',
        entities: [{ ref: 'v', kind: 'Vehicle', properties: { reg: 'ZZ12BKM', make: 'Vauxhall' } }],
        links: [{ type: 'USES_VEHICLE', from: driverId, to: 'v', properties: { role: 'keeper' } }],
      },
    });
    expect(wrote.body.errors).toBeUndefined();
    expect(wrote.readAfter).toMatch(/^[\w-]+\.[\w-]+$/);
    const vehicle = wrote.body.data.submitReport.entities[0].entity.id;

    const read = await post(two.origin, token, 'query ($id: ID!) { entity(id: $id) { id label } }', { id: vehicle }, { 'x-read-after': wrote.readAfter! });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.entity.id).toBe(vehicle);
    // A read writes nothing of the caller's own (its audit entry is the service's): no bookmarks to carry.
    expect(read.readAfter).toBeNull();

    const [body] = wrote.readAfter!.split('.');
    for (const forged of [`${body}.AAAA`, 'FB:kcwQx4f0P7c2SWu1cxgyR9vU4ZAAkA==', `${Buffer.from('["FB:bogus"]').toString('base64url')}.${wrote.readAfter!.split('.')[1]}`]) {
      const r = await post(two.origin, token, 'query ($id: ID!) { entity(id: $id) { id } }', { id: vehicle }, { 'x-read-after': forged });
      expect(r.body.errors, forged).toBeUndefined();
      expect(r.body.data.entity.id).toBe(vehicle);
    }
  });
});

describe('operating several servers', () => {
  it("each server's /metrics lists the families an operator watches, and the proxy reached both", async () => {
    const token = await viaProxy.tokenFor('admin');
    for (const origin of [one.origin, two.origin]) {
      const text = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
      for (const family of ['linkchart_graphql_operation_duration_seconds', 'linkchart_graphql_errors_total', 'linkchart_audit_commit_duration_seconds', 'linkchart_db_sessions_in_use', 'linkchart_event_streams_open', 'linkchart_event_loop_delay_seconds']) {
        expect(text, `${origin} ${family}`).toMatch(new RegExp(`^# TYPE ${family} `, 'm'));
      }
    }
    expect(proxy.served.every((n) => n > 0)).toBe(true);
  });
});
