import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { User } from '../modules/auth/users.js';
import type { Viewer } from '../access/viewer.js';

/** What every resolver receives; built per request in http/app.ts. */
export interface RequestContext {
  db: Database;
  log: Logger;
  /** The signed-in user, from a valid bearer token; null otherwise. */
  user: User | null;
  /** Why a token was refused (expired, invalid), for the UNAUTHENTICATED message. */
  authError: string | null;
  /** Set when the token could not be checked (database unreachable): protected operations fail with it. */
  authUnavailable?: Error;
  /** Why the data is being consulted (`x-purpose` header), recorded in the audit log. */
  purpose: string | null;
  clientAddress: string;
  /** Audit entries being written for this request; the answer waits for them (guard.ts, auditBeforeAnswer). */
  pendingAudit: Promise<unknown>[];
  /** Checks the caller's token again (for long-lived requests): the user now, or null when the session has ended. */
  recheck?: () => Promise<User | null>;
  /** The caller's view of the graph, set by the guard before a resolver runs (access/viewer.ts). */
  viewer?: Viewer;
  /** The `Last-Event-ID` a reconnecting event-stream client sent: where its live feed resumes. */
  lastEventId?: string | null;
  /** Set by a live feed before each event it yields: the event's id (plugins/eventIds.ts writes it). */
  eventId?: string;
}
