/**
 * GET /metrics (Prometheus text format), for admins only: the prom-client registry of
 * server/metrics.ts (operation latency, errors by code, audit commits, database sessions, event
 * streams, process figures) and how long the event loop was held (node:perf_hooks
 * monitorEventLoopDelay). No case data, no user names, no ids: numbers about this process only, so
 * it is no data channel.
 *
 * Event-loop figures: the delay since the server started (quantiles, max, count of samples), and
 * over a recent window (`?window=<seconds>`, 1 to 600, default 60): `npm run load` reads the window
 * of each run. A request that holds the loop for 80 ms shows as a delay of about 80 ms.
 */
import type http from 'node:http';
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { User } from '../modules/auth/users.js';
import { registry } from '../metrics.js';

/** How often the event loop is sampled (ms): a block shorter than this can be missed. */
const RESOLUTION_MS = 10;
/** How many one-second histograms are kept for windows. */
const KEEP_SECONDS = 600;

interface EventLoopFigures {
  /** Milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  /** Samples behind the figures. */
  samples: number;
}

class EventLoopDelay {
  private readonly monitor: IntervalHistogram;
  private readonly lifetime: RecordableHistogram = createHistogram();
  /** One histogram per second, newest last. */
  private readonly seconds: RecordableHistogram[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.monitor.enable();
    this.timer = setInterval(() => this.roll(), 1000);
    this.timer.unref();
  }

  /**
   * Moves the last second's samples into a histogram of its own (and the lifetime one). The
   * monitor's histogram cannot be merged into another, so its distribution is copied from its
   * percentiles, each value taken at the upper end of its step (a delay is never reported smaller
   * than it was), and its max exactly.
   */
  private roll(): void {
    const m = this.monitor;
    const second = createHistogram();
    if (m.count > 0) {
      let prev = 0;
      let recorded = 0;
      for (const [pct, ns] of m.percentiles) {
        const n = Math.round(((pct - prev) / 100) * m.count);
        for (let i = 0; i < n; i++) second.record(Math.max(1, Math.round(ns)));
        recorded += n;
        prev = pct;
      }
      if (recorded === 0) second.record(Math.max(1, Math.round(m.max)));
      else if (second.max < m.max) second.record(Math.max(1, Math.round(m.max)));
      this.lifetime.add(second);
    }
    m.reset();
    this.seconds.push(second);
    if (this.seconds.length > KEEP_SECONDS) this.seconds.shift();
  }

  /** Figures since the start (null) or over the last `windowSeconds` whole seconds. */
  figures(windowSeconds: number | null): EventLoopFigures {
    let h = this.lifetime;
    if (windowSeconds !== null) {
      h = createHistogram();
      for (const s of this.seconds.slice(-windowSeconds)) if (s.count) h.add(s);
    }
    const ms = (ns: number) => (h.count ? +(ns / 1e6).toFixed(2) : 0);
    return { p50: ms(h.percentile(50)), p90: ms(h.percentile(90)), p99: ms(h.percentile(99)), p999: ms(h.percentile(99.9)), max: ms(h.max), samples: h.count };
  }

  stop(): void {
    clearInterval(this.timer);
    this.monitor.disable();
  }
}

let shared: EventLoopDelay | null = null;
/** Starts measuring (once per process; every app in the process shares the one event loop). */
export function startEventLoopMonitor(): void {
  shared ??= new EventLoopDelay();
}

/** The event loop's delay, or null before the monitor is started. */
export function eventLoopDelay(windowSeconds: number | null = null): EventLoopFigures | null {
  return shared?.figures(windowSeconds) ?? null;
}

/** The Prometheus text of every figure: the registry's, then the event loop's. */
export async function metricsText(windowSeconds: number): Promise<string> {
  return (await registry.metrics()) + '\n' + eventLoopText(windowSeconds);
}

function eventLoopText(windowSeconds: number): string {
  const all = eventLoopDelay(null);
  const win = eventLoopDelay(windowSeconds);
  if (!all || !win) return '';
  const s = (ms: number) => String(ms / 1000);
  return [
    '# HELP linkchart_event_loop_delay_seconds Event-loop delay of the server since it started (sampled every 10 ms).',
    '# TYPE linkchart_event_loop_delay_seconds summary',
    `linkchart_event_loop_delay_seconds{quantile="0.5"} ${s(all.p50)}`,
    `linkchart_event_loop_delay_seconds{quantile="0.9"} ${s(all.p90)}`,
    `linkchart_event_loop_delay_seconds{quantile="0.99"} ${s(all.p99)}`,
    `linkchart_event_loop_delay_seconds{quantile="0.999"} ${s(all.p999)}`,
    `linkchart_event_loop_delay_seconds_count ${all.samples}`,
    '# HELP linkchart_event_loop_delay_max_seconds Longest event-loop delay since the server started.',
    '# TYPE linkchart_event_loop_delay_max_seconds gauge',
    `linkchart_event_loop_delay_max_seconds ${s(all.max)}`,
    `# HELP linkchart_event_loop_delay_window_seconds Event-loop delay over the last ${windowSeconds} s (?window=<seconds>).`,
    '# TYPE linkchart_event_loop_delay_window_seconds gauge',
    `linkchart_event_loop_delay_window_seconds{window="${windowSeconds}",stat="p50"} ${s(win.p50)}`,
    `linkchart_event_loop_delay_window_seconds{window="${windowSeconds}",stat="p99"} ${s(win.p99)}`,
    `linkchart_event_loop_delay_window_seconds{window="${windowSeconds}",stat="max"} ${s(win.max)}`,
    `linkchart_event_loop_delay_window_seconds{window="${windowSeconds}",stat="samples"} ${win.samples}`,
    '',
  ].join('\n');
}

/** Reads the window (seconds) a /metrics request asks for; 60 when it asks for none or for nonsense. */
export function windowOf(url: string): number {
  const w = Number(new URL(url, 'http://x').searchParams.get('window') ?? 60);
  return Number.isInteger(w) && w >= 1 && w <= KEEP_SECONDS ? w : 60;
}

export const isMetricsPath = (url: string | undefined) => !!url && new URL(url, 'http://x').pathname === '/metrics';

/**
 * GET /metrics: admins only (a bearer token, as for /graphql). Everyone else gets 401 (no or a bad
 * token) or 403 (another role), with nothing about the server in the body; `denied` is told of a
 * signed-in user refused, to be audited.
 */
export async function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  verify: (token: string) => Promise<{ user: User } | { reason: string }>,
  denied: (user: User) => void,
): Promise<void> {
  const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.statusCode = status;
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-store');
    res.end(body);
  };
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return reply(405, 'GET only.\n');
  }
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) {
    res.setHeader('www-authenticate', 'Bearer');
    return reply(401, 'Sign in first: send `Authorization: Bearer <token>` of an admin.\n');
  }
  let read: { user: User } | { reason: string };
  try {
    read = await verify(token);
  } catch {
    return reply(503, 'The token cannot be checked now: try again.\n');
  }
  if (!('user' in read)) {
    res.setHeader('www-authenticate', 'Bearer');
    return reply(401, 'Sign in again: the token is not accepted.\n');
  }
  if (read.user.role !== 'admin') {
    denied(read.user);
    return reply(403, 'Your role does not allow this.\n');
  }
  reply(200, await metricsText(windowOf(req.url ?? '/metrics')), registry.contentType);
}
