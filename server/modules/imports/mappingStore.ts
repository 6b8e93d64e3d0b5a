/**
 * Mappings to choose from: the built-in ones (data/mappings/*.yaml: call records, handset contacts,
 * sightings) and those analysts of the user's agency saved (:ImportMapping nodes, not entities of
 * the case graph, so no chart, search or export ever sees them). A saved mapping may hold what a
 * file is about (a handset's number, its owner): it belongs to the agency that saved it, which
 * alone sees, uses and replaces it. `mapping` arguments take a mapping's id or its text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT } from '../../config.js';
import { cypherFile, type Database } from '../../db/database.js';
import { parseMapping, type Mapping } from './mapping.js';

export interface StoredMapping {
  id: string;
  name: string;
  builtIn: boolean;
  text: string;
}

export const BUILT_IN_DIR = path.join(ROOT, 'data', 'mappings');

export function builtInMappings(): StoredMapping[] {
  if (!fs.existsSync(BUILT_IN_DIR)) return [];
  return fs
    .readdirSync(BUILT_IN_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(BUILT_IN_DIR, f), 'utf8');
      let name = f;
      try {
        name = parseMapping(text).name ?? f;
      } catch {
        // a built-in mapping that does not validate is shown by its file name (and its errors when used)
      }
      return { id: `builtin:${f.replace(/\.(ya?ml|json)$/, '')}`, name, builtIn: true, text };
    });
}

/** The agency a user's saved mappings belong to (users without one share the empty agency). */
const agencyOf = (agency: string | null | undefined) => (agency ?? '').trim().toLowerCase();

export async function savedMappings(db: Database, agency: string | null): Promise<StoredMapping[]> {
  const rows = await db.read(cypherFile(import.meta.url, 'listMappings.cypher'), { agency: agencyOf(agency) });
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), builtIn: false, text: String(r.text) }));
}

/** Saves (or replaces, by name within the agency) a mapping; it must validate first. */
export async function saveMapping(db: Database, name: string, text: string, user: { username: string; agency: string | null }): Promise<StoredMapping> {
  parseMapping(text);
  const agency = agencyOf(user.agency);
  const id = `mapping-${createHash('sha256').update(`${agency}\u0000${name.trim().toLowerCase()}`).digest('hex').slice(0, 16)}`;
  await db.write(cypherFile(import.meta.url, 'saveMapping.cypher'), { id, name: name.trim(), text, by: user.username, agency, at: new Date().toISOString() });
  return { id, name: name.trim(), builtIn: false, text };
}

/** A mapping argument: a built-in or saved mapping's id, or the mapping's text itself. */
export async function mappingFromArg(db: Database, arg: string, agency: string | null): Promise<{ mapping: Mapping; text: string }> {
  const s = arg.trim();
  if (/^builtin:[\w-]+$/.test(s)) {
    const m = builtInMappings().find((x) => x.id === s);
    if (m) return { mapping: parseMapping(m.text), text: m.text };
  }
  if (/^mapping-[0-9a-f]{16}$/.test(s)) {
    const m = (await savedMappings(db, agency)).find((x) => x.id === s);
    if (m) return { mapping: parseMapping(m.text), text: m.text };
  }
  return { mapping: parseMapping(arg), text: arg };
}
