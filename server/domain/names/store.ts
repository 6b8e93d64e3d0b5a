/**
 * Name keys kept true at every write (keys.ts says what they are). A write that has the whole
 * record in hand (a bulk row, a person a report creates, a HAS_CONTACT link) adds the keys to the
 * properties it writes (`nameKeyProps`, `contactKeyProps`); a write that changes names it does not
 * hold (a merge, an unmerge) calls `refreshNameKeys` in its own transaction, which reads the
 * persons' stored names and sets their keys. Persons and links written before, or with other key
 * rules or name files, are recomputed when the server starts (backfill.ts).
 */
import { contactKeys, nameKeysVersion, personNameKeys, type NamedRecord } from './keys.js';

/** Properties that only the service writes: a report or an import never sets them itself. */
export const KEY_PROPERTIES = ['nameKeys', 'nameKeysV', 'savedAsKeys'] as const;

/** A statement runner inside one transaction (Database.writeTransaction's `run`). */
export type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * Keys are stored as one space-separated string, not a list: the whitespace analyser makes each a
 * term either way, and Neo4j keeps a full-text index over a string about twice as fast as over a
 * list (measured on 100k persons: 4.0 s against 6.5 s of writing), which the bulk import feels.
 */
export const storedKeys = (keys: string[]): string => keys.join(' ');

/** The stored keys of a person with these names. */
export const nameKeyProps = (p: NamedRecord): { nameKeys: string; nameKeysV: string } => ({ nameKeys: storedKeys(personNameKeys(p)), nameKeysV: nameKeysVersion() });

/** The stored keys of a HAS_CONTACT link saved under this name. */
export const contactKeyProps = (savedAs: unknown): { savedAsKeys: string; nameKeysV: string } => ({ savedAsKeys: storedKeys(contactKeys(savedAs)), nameKeysV: nameKeysVersion() });

/**
 * Recomputes the keys of the given persons from their names as stored now, in the caller's
 * transaction (so a merge's new aliases and their keys commit together). Ids that are not a
 * Person (an absorbed MergedPerson, an unknown id) are left alone.
 */
export async function refreshNameKeys(run: Run, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await run(
    `UNWIND $ids AS id
     MATCH (p:Entity {id: id}) WHERE p:Person
     RETURN p.id AS id, p.name AS name, p.surname AS surname, p.aliases AS aliases`,
    { ids: [...new Set(ids)] },
  );
  if (!rows.length) return 0;
  await run(
    `UNWIND $rows AS row
     MATCH (p:Entity {id: row.id}) WHERE p:Person
     SET p.nameKeys = row.keys, p.nameKeysV = $v`,
    { rows: rows.map((r) => ({ id: r.id, keys: storedKeys(personNameKeys(r)) })), v: nameKeysVersion() },
  );
  return rows.length;
}
