/**
 * A secret of the service (token signing, opaque ids), created once and kept in the database
 * (`:ServiceSecret`, outside the case graph), so every server instance in front of the same
 * database uses the same one. Read once per database and name; read again after an outage.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';

const secrets = new WeakMap<Database, Map<string, Promise<Uint8Array>>>();

export function serviceSecret(db: Database, name: string, bytes: number): Promise<Uint8Array> {
  let byName = secrets.get(db);
  if (!byName) secrets.set(db, (byName = new Map()));
  let secret = byName.get(name);
  if (!secret) {
    secret = db
      .write(
        `MERGE (s:ServiceSecret {name: $name})
         ON CREATE SET s.value = $value, s.createdAt = datetime()
         RETURN s.value AS value`,
        { name, value: randomBytes(bytes).toString('base64') },
      )
      .then(([row]) => new Uint8Array(Buffer.from(row.value as string, 'base64')));
    secret.catch(() => byName!.delete(name)); // try again after an outage
    byName.set(name, secret);
  }
  return secret;
}
