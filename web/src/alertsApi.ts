/**
 * Alerts: the inbox (`alerts`, `acknowledgeAlert`) and the live feed (`alertRaised`), which
 * graphql-yoga serves as GraphQL over server-sent events. EventSource cannot send the bearer token,
 * so the feed is a POST with `Accept: text/event-stream` whose streamed body is read here.
 */
import { ApiError, childViewVariables, gql, purposeHeader, readToken, type ChildConnectionsArgs } from './api';
import { download } from './chart/export';

export interface Alert {
  id: string;
  /** notice_on_licensed, found_at_notice_premises, second_notice, linked_children, renewal_while_open, successor_operator */
  rule: string;
  audience: string[];
  /** open | acknowledged */
  status: string;
  raisedAt: string;
  summary: string;
  entityIds: string[];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  note: string | null;
}

const ALERT_FIELDS = 'id rule audience status raisedAt summary entityIds acknowledgedBy acknowledgedAt note';

/** The caller's role's alerts, newest first (all states). */
export async function fetchAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const data = await gql<{ alerts: Alert[] }>(`query Alerts { alerts(limit: 1000) { ${ALERT_FIELDS} } }`, {}, signal);
  return data.alerts;
}

export async function acknowledgeAlert(id: string, note: string, signal?: AbortSignal): Promise<Alert> {
  const trimmed = note.trim();
  const data = await gql<{ acknowledgeAlert: Alert }>(
    `mutation AcknowledgeAlert($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { ${ALERT_FIELDS} } }`,
    trimmed ? { id, note: trimmed } : { id },
    signal,
  );
  return data.acknowledgeAlert;
}

export type FeedState = 'connecting' | 'live' | 'offline';

export interface FeedHandlers {
  onAlert(alert: Alert): void;
  onState(state: FeedState, detail?: string): void;
}

/**
 * Follows `alertRaised` until `signal` aborts, reconnecting (with a growing pause, at most 30 s)
 * whenever the stream ends or the network drops. A refusal (FORBIDDEN, UNAUTHENTICATED) stops it.
 */
export async function followAlerts(handlers: FeedHandlers, signal: AbortSignal): Promise<void> {
  let pause = 1000;
  while (!signal.aborted) {
    handlers.onState('connecting');
    try {
      await streamOnce(handlers, signal, () => {
        pause = 1000; // a working connection resets the back-off
      });
      if (signal.aborted) return;
      handlers.onState('offline', 'The live feed closed; reconnecting…');
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && (err.code === 'FORBIDDEN' || err.code === 'UNAUTHENTICATED')) {
        handlers.onState('offline', err.message);
        return;
      }
      handlers.onState('offline', 'The live feed is not connected; retrying…');
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, pause);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
    pause = Math.min(pause * 2, 30_000);
  }
}

async function streamOnce(handlers: FeedHandlers, signal: AbortSignal, connected: () => void): Promise<void> {
  const token = readToken();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...purposeHeader(),
    },
    body: JSON.stringify({ query: `subscription AlertRaised { alertRaised { ${ALERT_FIELDS} } }` }),
    signal,
  });
  if (!res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    throw new ApiError(`The live feed answered ${res.status}.`, { code: `HTTP_${res.status}`, status: res.status });
  }
  // The server subscribed before it answered: from here on, new alerts reach this stream.
  connected();
  handlers.onState('live');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (!data) continue; // keep-alive comments and the closing event carry no data
      const payload = JSON.parse(data) as { data?: { alertRaised?: Alert }; errors?: { message: string; extensions?: { code?: string } }[] };
      const error = payload.errors?.[0];
      if (error) throw new ApiError(error.message, error.extensions?.code ? { code: error.extensions.code } : {});
      if (payload.data?.alertRaised) handlers.onAlert(payload.data.alertRaised);
    }
  }
}

/** A generated document (the strategy-meeting pack). */
export interface GeneratedDocument {
  filename: string;
  contentType: string;
  base64: string;
  bytes: number;
}

/** The printable pack of a meeting view: the same question (and reason, for a child not assigned) as the view. */
export async function fetchStrategyPack(args: ChildConnectionsArgs, signal?: AbortSignal): Promise<GeneratedDocument> {
  const data = await gql<{ strategyPack: GeneratedDocument }>(
    `mutation StrategyPack($childId: ID!, $purpose: String!, $hops: Int, $asOf: String, $openReason: String) {
      strategyPack(childId: $childId, purpose: $purpose, hops: $hops, asOf: $asOf, openReason: $openReason) { filename contentType base64 bytes }
    }`,
    childViewVariables(args),
    signal,
    { purpose: args.purpose },
  );
  return data.strategyPack;
}

/** Saves a generated document through the browser's download. */
export function saveDocument(doc: GeneratedDocument): void {
  const raw = atob(doc.base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  download(doc.filename, new Blob([bytes], { type: doc.contentType }), doc.contentType);
}
