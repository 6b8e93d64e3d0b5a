/**
 * Need-to-know per child (DESIGN.md §6): a safeguarding user opens the children assigned to them
 * (by an admin or team lead: `assignChildren`); any other child only with a stated reason, which
 * the audit flags. Assignments live on the User node (outside the case graph), read briefly cached.
 */
import { cypherFile, type Database } from '../../db/database.js';

const CACHE_MS = 2_000;
const cache = new WeakMap<Database, Map<string, { at: number; ids: Promise<string[]> }>>();

export function assignedChildren(db: Database, username: string): Promise<string[]> {
  let byUser = cache.get(db);
  if (!byUser) cache.set(db, (byUser = new Map()));
  const hit = byUser.get(username);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.ids;
  const ids = db
    .read('MATCH (u:User {username: $username}) RETURN coalesce(u.assignedChildren, []) AS ids', { username })
    .then((rows) => (rows[0]?.ids as string[] | undefined) ?? []);
  ids.catch(() => byUser!.delete(username));
  byUser.set(username, { at: Date.now(), ids });
  return ids;
}

/** Replaces a user's assigned children; returns the ids that are children (others are refused by the caller). */
export async function assignChildren(db: Database, username: string, childIds: string[]): Promise<{ username: string; assignedChildren: string[] } | null> {
  const [row] = await db.write(
    cypherFile(import.meta.url, 'assignChildren.cypher'),
    { username, childIds },
  );
  cache.get(db)?.delete(username);
  return row ? { username: row.username as string, assignedChildren: row.assignedChildren as string[] } : null;
}

/**
 * The demo's caseload: the children discussed at a strategy meeting (what a strategy meeting's
 * members would be assigned), for the demo and test safeguarding accounts.
 */
export async function assignDemoCaseload(db: Database, username: string): Promise<string[]> {
  const rows = await db.read(cypherFile(import.meta.url, 'demoCaseload.cypher'));
  const done = await assignChildren(db, username, rows.map((r) => r.id as string));
  return done?.assignedChildren ?? [];
}
