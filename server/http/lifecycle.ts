/**
 * What an orchestrator (a load balancer, Kubernetes, systemd) needs to run the server: liveness and
 * readiness probes, and a shutdown that finishes what it started.
 *
 * - GET /live: 200 while the process answers at all (its event loop turns). Restart when it fails.
 * - GET /ready: 200 when this server can answer requests (the database answers, it is not
 *   stopping); 503 with the reason otherwise. Send traffic only while it is 200.
 * - drain(): stops taking connections, answers /ready with 503, ends each live event stream with a
 *   `retry:` hint (the client reconnects, to another server behind the balancer), waits for the
 *   requests in flight up to a deadline, then closes what is left.
 *
 * The probes need no token and say nothing but a status word and a reason: no case data.
 */
import type http from 'node:http';
import type { Database } from '../db/database.js';
import { eventStreamsOpen, httpInFlight } from '../metrics.js';

export const isProbePath = (url: string | undefined) => url === '/live' || url === '/ready';

/** How long one readiness answer is reused: a probe every second costs the database nothing. */
const READY_CACHE_MS = 1_000;
/** What a drained client is told to wait before reconnecting (SSE `retry:`, milliseconds). */
export const RECONNECT_HINT_MS = 2_000;

export class Lifecycle {
  private draining = false;
  private readonly inFlight = new Set<http.ServerResponse>();
  private readonly streams = new Set<http.ServerResponse>();
  private readiness: { at: number; answer: Promise<boolean> } | null = null;

  constructor(private readonly db: Database) {}

  /** Counts a request until its response closes; event streams are counted apart (they do not end). */
  track(req: http.IncomingMessage, res: http.ServerResponse): void {
    const isStream = req.method === 'POST' && (req.headers.accept ?? '').includes('text/event-stream');
    const set = isStream ? this.streams : this.inFlight;
    const gauge = isStream ? eventStreamsOpen : httpInFlight;
    set.add(res);
    gauge.inc();
    res.once('close', () => {
      if (set.delete(res)) gauge.dec();
    });
  }

  get stopping(): boolean {
    return this.draining;
  }

  async serveProbe(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    req.resume();
    const reply = (status: number, body: string) => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      if (status === 503) res.setHeader('retry-after', '5');
      res.end(req.method === 'HEAD' ? undefined : body + '\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return reply(405, 'GET only.');
    }
    if (req.url === '/live') return reply(200, 'live');
    if (this.draining) return reply(503, 'not ready: the server is stopping');
    if (!this.readiness || Date.now() - this.readiness.at > READY_CACHE_MS) {
      this.readiness = { at: Date.now(), answer: this.db.ping(2_000).catch(() => false) };
    }
    return (await this.readiness.answer) ? reply(200, 'ready') : reply(503, 'not ready: the database does not answer');
  }

  /**
   * Stops the server gracefully within `deadlineMs`: no new connections, event streams ended with a
   * reconnect hint, requests in flight answered; whatever is still open at the deadline is cut.
   */
  async drain(server: http.Server, deadlineMs: number): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    for (const res of this.streams) endStream(res);
    const deadline = Date.now() + deadlineMs;
    while (this.inFlight.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    server.closeAllConnections();
    await closed;
  }
}

/**
 * Ends a server-sent event stream between events: a `retry:` field (how long a standard client
 * waits before it reconnects) and the end of the response. Whatever the stream's writer still
 * sends after that is dropped.
 */
function endStream(res: http.ServerResponse): void {
  res.on('error', () => {});
  if (!res.writableEnded) {
    res.write(`retry: ${RECONNECT_HINT_MS}\n\n`);
    res.end();
  }
}
