import type { Database } from '../db/database.js';
import type { Logger } from 'pino';

/** What every resolver receives. Authorisation and audit (issue 4) will join it here. */
export interface RequestContext {
  db: Database;
  log: Logger;
  /** Who is acting, for the records of changes ('anonymous' until sign-in arrives with issue 4). */
  actor: string;
}
