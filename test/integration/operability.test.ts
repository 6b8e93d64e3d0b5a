/**
 * Running the server as an operator would (issue 21, item 4):
 * - GET /metrics lists the Prometheus families an operator watches: operation latency, errors by
 *   code, audit commits, database sessions, open event streams, event-loop delay, process figures;
 *   labels come from closed sets, whatever a client sends;
 * - /live and /ready answer without a token and say nothing but a status (and /ready says 503 when
 *   the database does not answer);
 * - SIGTERM drains: a request already in flight is answered in full, a live event stream is ended
 *   with a `retry:` hint, and the process exits 0. The server here is a second server process over
 *   the run's Neo4j (NEO4J_URI, as with an existing server or a cluster), so stopping it disturbs
 *   nothing else.
 */
import http from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { freePort } from '../../server/db/localNeo4j.js';
import { KEEP_ALIVE_MS } from '../../server/http/app.js';
import { Lifecycle } from '../../server/http/lifecycle.js';
import { gql, tokenFor } from '../support/client.js';
import { startServerProcess } from '../support/processes.js';

const base = () => inject('stack').url.replace(/\/graphql$/, '');

async function metrics(origin: string, token: string): Promise<string> {
  const res = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one series, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe('GET /metrics: the families an operator watches', () => {
  it('lists latency per operation, errors by code, audit commits, database pool use, event streams, event-loop delay and the process', async () => {
    // Something to count: a query under a made-up operation name, a refused one, a bad argument.
    const renamed = await gql('query EvilName_Label_Injection { operations { id } }');
    expect(renamed.errors).toBeUndefined();
    expect((await gql('{ auditLog(limit: 1) { seq } }', {}, 'analyst')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql('{ neighbourhood(ids: ["x"], hops: 99) { truncated } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const text = await metrics(base(), await tokenFor('admin'));
    for (const family of [
      'linkchart_graphql_operation_duration_seconds',
      'linkchart_graphql_errors_total',
      'linkchart_audit_commit_duration_seconds',
      'linkchart_audit_entries_total',
      'linkchart_db_sessions_in_use',
      'linkchart_db_pool_max',
      'linkchart_event_streams_open',
      'linkchart_http_requests_in_flight',
      'linkchart_event_loop_delay_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
    ]) {
      expect(text, family).toMatch(new RegExp(`^# TYPE ${family} `, 'm'));
    }
    // The operation is named by its root field, never by the client's operation name.
    expect(text).toMatch(/^linkchart_graphql_operation_duration_seconds_count\{operation="operations",type="query"\} [1-9]/m);
    expect(text).not.toMatch(/EvilName/);
    expect(sample(text, 'linkchart_graphql_errors_total{code="FORBIDDEN"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'linkchart_graphql_errors_total{code="BAD_USER_INPUT"}')).toBeGreaterThanOrEqual(1);
    // Every signed-in request above was audited: commits were timed.
    expect(sample(text, 'linkchart_audit_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'linkchart_db_pool_max')).toBe(50);
    expect(sample(text, 'linkchart_db_sessions_in_use')).toBeGreaterThanOrEqual(0);
  });
});

describe('/live and /ready', () => {
  it('answer without a token, with a status word only', async () => {
    for (const [path, word] of [
      ['/live', 'live'],
      ['/ready', 'ready'],
    ] as const) {
      const res = await fetch(`${base()}${path}`);
      expect(res.status, path).toBe(200);
      expect((await res.text()).trim()).toBe(word);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await fetch(`${base()}/ready`, { method: 'POST' })).status).toBe(405);
  });

  it('keeps an idle connection open longer than a balancer would, so a pooled request is not reset', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const get = () =>
      new Promise<{ reused: boolean; keepAlive: unknown }>((resolve, reject) => {
        const req = http.get(`${base()}/live`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ reused: req.reusedSocket, keepAlive: res.headers['keep-alive'] }));
        });
        req.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
      // Past Node's default of 5 s, after which the server used to close the connection.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await get()).toEqual({ reused: true, keepAlive: first.keepAlive });
    } finally {
      agent.destroy();
    }
  });

  it('/ready is 503 with the reason while the database does not answer', async () => {
    const deadPort = await freePort();
    const dead = Database.connect(`bolt://127.0.0.1:${deadPort}`, 'neo4j', 'x');
    const lifecycle = new Lifecycle(dead);
    const server = http.createServer((req, res) => void lifecycle.serveProbe(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(await ready.text()).toMatch(/database does not answer/);
      expect((await fetch(`http://127.0.0.1:${port}/live`)).status).toBe(200);
    } finally {
      server.close();
      await dead.close();
    }
  });
});

describe('SIGTERM drains the server', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.exitCode === null) server.kill('SIGKILL');
  });

  it('answers the request in flight, ends the event stream with a retry hint, then exits 0', async () => {
    const stack = inject('stack');
    const started = await startServerProcess(stack, { SHUTDOWN_DRAIN_MS: '15000' });
    server = started.child;
    const origin = started.origin;
    const { username, password } = stack.users.analyst;
    const login = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    // A live feed, open before the signal.
    const feed = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { alertRaised { id } }' }),
    });
    expect(feed.headers.get('content-type')).toMatch(/text\/event-stream/);
    const feedText = (async () => {
      let text = '';
      const reader = feed.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    })();

    // A request in flight when the signal comes: its body is still arriving.
    const body = JSON.stringify({ query: '{ operations { id } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)));
    server.kill('SIGTERM');

    const inFlight = await answer;
    expect(inFlight.status).toBe(200);
    expect(JSON.parse(inFlight.text).data.operations.length).toBeGreaterThanOrEqual(0);
    expect(await feedText).toMatch(/^retry: \d+$/m);
    expect(await exited).toBe(0);
    // Gone: no new connection is taken.
    await expect(fetch(`${origin}/live`)).rejects.toThrow();
  }, 180_000);
});
