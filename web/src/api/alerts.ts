/**
 * Alerts: the inbox (`alerts`, `acknowledgeAlert`) and the live feed (`alertRaised`), which
 * graphql-yoga serves as GraphQL over server-sent events (transport.ts `stream`).
 */
import { AcknowledgeAlertDocument, AlertRaisedDocument, AlertsDocument, type AlertFieldsFragment } from '../gql/graphql';
import { ApiError } from './errors';
import { gql, stream } from './transport';

/**
 * An alert raised by a rule: `rule` one of notice_on_licensed, found_at_notice_premises,
 * second_notice, linked_children, renewal_while_open, successor_operator; `status` open |
 * acknowledged.
 */
export type Alert = AlertFieldsFragment;

/** The caller's role's alerts, newest first (all states). */
export async function fetchAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const data = await gql(AlertsDocument, {}, signal);
  return data.alerts;
}

export async function acknowledgeAlert(id: string, note: string, signal?: AbortSignal): Promise<Alert> {
  const trimmed = note.trim();
  const data = await gql(AcknowledgeAlertDocument, trimmed ? { id, note: trimmed } : { id }, signal);
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
  // The last alert delivered: a reconnect (to this server or another) resumes after it, so an alert
  // raised while the feed was down still arrives.
  let lastEventId: string | undefined;
  while (!signal.aborted) {
    handlers.onState('connecting');
    try {
      await stream(
        AlertRaisedDocument,
        undefined,
        {
          // The server subscribed before it answered: from here on, new alerts reach this stream.
          onOpen: () => {
            pause = 1000; // a working connection resets the back-off
            handlers.onState('live');
          },
          onData: (data) => {
            if (data.alertRaised) handlers.onAlert(data.alertRaised);
          },
          onEventId: (id) => (lastEventId = id),
        },
        signal,
        lastEventId,
      );
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
