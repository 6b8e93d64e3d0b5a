import type { Database } from '../db/database.js';
import type { Logger } from 'pino';

/** What every resolver receives. Authorisation and audit (issue 4) will join it here. */
export interface RequestContext {
  db: Database;
  log: Logger;
}
