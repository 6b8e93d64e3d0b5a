/**
 * The key behind opaque ids (viewer.ts): created once and kept in the database like the token
 * secret, so every server instance in front of the same database gives a user the same opaque ids.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';

const keys = new WeakMap<Database, Promise<Uint8Array>>();

export function opaqueIdKey(db: Database): Promise<Uint8Array> {
  let key = keys.get(db);
  if (!key) {
    key = db
      .write(
        `MERGE (s:ServiceSecret {name: 'opaque-ids'})
         ON CREATE SET s.value = $value, s.createdAt = datetime()
         RETURN s.value AS value`,
        { value: randomBytes(32).toString('base64') },
      )
      .then(([row]) => new Uint8Array(Buffer.from(row.value as string, 'base64')));
    key.catch(() => keys.delete(db)); // try again after an outage
    keys.set(db, key);
  }
  return key;
}
