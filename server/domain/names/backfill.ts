/**
 * Name keys for what was written before them, or with other key rules or name files: persons and
 * HAS_CONTACT links whose `nameKeysV` is missing or not `nameKeysVersion()` get their keys again,
 * in batches of one transaction each, with progress in the log. Run once as the server starts
 * (stack.ts), before it says it is ready, and after a restore; idempotent, and one count query
 * when nothing is stale.
 */
import type { Database } from '../../db/database.js';
import { log as defaultLog } from '../../log.js';
import { nameKeysVersion } from './keys.js';
import { contactKeyProps, refreshNameKeys } from './store.js';

const BATCH = 5_000;

type Logger = Pick<typeof defaultLog, 'info'>;

const STALE_PERSON = 'p.nameKeysV IS NULL OR p.nameKeysV <> $v';
const STALE_CONTACT = 'r.savedAs IS NOT NULL AND (r.nameKeysV IS NULL OR r.nameKeysV <> $v)';

export interface BackfillResult {
  persons: number;
  contacts: number;
  seconds: number;
}

export async function ensureNameKeys(db: Database, log: Logger = defaultLog, batch = BATCH): Promise<BackfillResult> {
  const started = Date.now();
  const v = nameKeysVersion();
  const [counts] = await db.read(
    `CALL { MATCH (p:Person) WHERE ${STALE_PERSON} RETURN count(p) AS persons }
     CALL { MATCH ()-[r:HAS_CONTACT]->() WHERE ${STALE_CONTACT} RETURN count(r) AS contacts }
     RETURN persons, contacts`,
    { v },
    { timeoutMs: 300_000 },
  );
  const persons = Number(counts?.persons ?? 0);
  const contacts = Number(counts?.contacts ?? 0);
  const seconds = () => +((Date.now() - started) / 1000).toFixed(1);
  if (!persons && !contacts) return { persons: 0, contacts: 0, seconds: seconds() };
  log.info({ persons, contacts, version: v }, 'name keys: computing for records written before these key rules');

  let done = 0;
  if (persons) {
    // The ids first (one read), then each batch read, computed and written in one transaction.
    const ids = (await db.read(`MATCH (p:Person) WHERE ${STALE_PERSON} RETURN p.id AS id`, { v }, { timeoutMs: 300_000 })).map((r) => String(r.id));
    for (let i = 0; i < ids.length; i += batch) {
      const slice = ids.slice(i, i + batch);
      await db.writeTransaction((run) => refreshNameKeys(run, slice), { timeoutMs: 300_000, what: 'Name keys' });
      done += slice.length;
      log.info({ done, total: ids.length }, 'name keys: persons');
    }
  }
  let contactsDone = 0;
  if (contacts) {
    const rows = await db.read(`MATCH ()-[r:HAS_CONTACT]->() WHERE ${STALE_CONTACT} RETURN elementId(r) AS eid, r.savedAs AS savedAs`, { v }, { timeoutMs: 300_000 });
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch).map((r) => ({ eid: r.eid, ...contactKeyProps(r.savedAs) }));
      await db.write(
        `UNWIND $rows AS row
         MATCH ()-[r:HAS_CONTACT]->() WHERE elementId(r) = row.eid
         SET r.savedAsKeys = row.savedAsKeys, r.nameKeysV = row.nameKeysV`,
        { rows: slice },
        { timeoutMs: 300_000, what: 'Name keys' },
      );
      contactsDone += slice.length;
      log.info({ done: contactsDone, total: rows.length }, 'name keys: saved contact names');
    }
  }
  const result = { persons: done, contacts: contactsDone, seconds: seconds() };
  log.info(result, 'name keys: up to date');
  return result;
}
