/**
 * What the access rules need to know about the graph, read once and shared by every request:
 * the protected subjects (children, victims' phones, protected places), the records that concern
 * them (one link away: an incident a child is a victim of, a report that mentions a child, a
 * meeting that discussed one), and the reports held under conditions. It is read again after any
 * change made through this server and, for changes made elsewhere (an import), at most
 * REFRESH_MS later. A viewer (viewer.ts) derives its own view from it: which of these subjects are
 * protected from that user.
 */
import type { Database } from '../db/database.js';

export interface ChildRecord {
  id: string;
  name: string | null;
  surname: string | null;
  pseudonym: string | null;
  aliases: string[];
  age: number | null;
  dob: string | null;
  sex: string | null;
  lookedAfter: boolean;
  /** Ids of records merged into this one (still the same child). */
  mergedIds: string[];
}

export interface HeldReport {
  id: string;
  ownerAgency: string | null;
  receivedOn: string | null;
  sharedWith: string[];
}

export interface ProtectionIndex {
  children: Map<string, ChildRecord>;
  /** Phones of children and of victims: phone id → its number, and the child it belongs to (if one). */
  victimPhones: Map<string, { phoneNo: string | null; raw: string | null; childId: string | null }>;
  places: Map<string, { address: string | null; postcode: string | null; name: string | null }>;
  /** Record id → the protected subjects it is one link from. */
  concerns: Map<string, Set<string>>;
  /** Reports handled under conditions (C), by id. */
  conditional: Map<string, HeldReport>;
}

const REFRESH_MS = 2_000;
type Cached = { at: number; generation: number; index: Promise<ProtectionIndex> };
/** Two caches: the reports alone (every user needs them, cheap), and with the protected subjects. */
const caches = { reports: new WeakMap<Database, Cached>(), subjects: new WeakMap<Database, Cached>() };
const generations = new WeakMap<Database, number>();

/** Called after every change made through this server: the next request reads the index again. */
export function invalidateProtection(db: Database): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/**
 * The index as of at most REFRESH_MS ago (or the last change through this server). `subjects`:
 * also the protected subjects and what concerns them, which only users protected from some
 * subject need (an analyst's view needs the reports alone).
 */
export function protectionIndex(db: Database, subjects: boolean): Promise<ProtectionIndex> {
  const cache = subjects ? caches.subjects : caches.reports;
  const generation = generations.get(db) ?? 0;
  const hit = cache.get(db);
  if (hit && hit.generation === generation && Date.now() - hit.at < REFRESH_MS) return hit.index;
  const index = readIndex(db, subjects);
  index.catch(() => cache.delete(db));
  cache.set(db, { at: Date.now(), generation, index });
  return index;
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

async function readIndex(db: Database, subjects: boolean): Promise<ProtectionIndex> {
  // The subjects only when asked for (an analyst's view needs the reports alone).
  const subjectsRead = (cypher: string) => (subjects ? db.read(cypher) : Promise.resolve([] as Record<string, unknown>[]));
  // Merged-away records of a child stay protected: their ids live on in links' mergedFrom.
  const [childRows, phoneRows, placeRows, reportRows] = await Promise.all([
    subjectsRead(
      `MATCH (c) WHERE (c:Person OR c:MergedPerson) AND c.child = true
       RETURN c.id AS id, c.name AS name, c.surname AS surname, c.pseudonym AS pseudonym, c.aliases AS aliases,
              c.age AS age, c.dob AS dob, c.sex AS sex, c.lookedAfter AS lookedAfter, c.mergedFrom AS mergedFrom, c.mergedInto AS mergedInto`,
    ),
    subjectsRead(
      `MATCH (p:Person)-[:HAS_PHONE]->(ph:Phone)
       WHERE p.child = true OR EXISTS { (p)-[:VICTIM_OF]->(:Incident) }
       RETURN ph.id AS id, ph.phoneNo AS phoneNo, ph.raw AS raw, CASE WHEN p.child = true THEN p.id END AS childId`,
    ),
    subjectsRead('MATCH (l:Location) WHERE l.restricted = true RETURN l.id AS id, l.address AS address, l.postcode AS postcode, l.name AS name'),
    db.read("MATCH (r:Report {handling: 'C'}) RETURN r.id AS id, r.ownerAgency AS ownerAgency, r.receivedOn AS receivedOn, r.sharedWith AS sharedWith"),
  ]);
  const children = new Map<string, ChildRecord>();
  for (const c of childRows) {
    children.set(String(c.id), {
      id: String(c.id),
      name: str(c.name),
      surname: str(c.surname),
      pseudonym: str(c.pseudonym),
      aliases: Array.isArray(c.aliases) ? (c.aliases as unknown[]).map(String) : [],
      age: typeof c.age === 'number' ? c.age : null,
      dob: str(c.dob),
      sex: str(c.sex),
      lookedAfter: c.lookedAfter === true,
      mergedIds: [...(Array.isArray(c.mergedFrom) ? (c.mergedFrom as string[]) : []), ...(c.mergedInto ? [String(c.mergedInto)] : [])],
    });
  }
  const victimPhones = new Map<string, { phoneNo: string | null; raw: string | null; childId: string | null }>();
  for (const p of phoneRows) {
    const prev = victimPhones.get(String(p.id));
    victimPhones.set(String(p.id), { phoneNo: str(p.phoneNo), raw: str(p.raw), childId: prev?.childId ?? str(p.childId) });
  }
  const places = new Map(placeRows.map((l) => [String(l.id), { address: str(l.address), postcode: str(l.postcode), name: str(l.name) }]));
  const conditional = new Map(
    reportRows.map((r) => [
      String(r.id),
      { id: String(r.id), ownerAgency: str(r.ownerAgency), receivedOn: str(r.receivedOn), sharedWith: Array.isArray(r.sharedWith) ? (r.sharedWith as string[]) : [] },
    ]),
  );

  const subjectIds = [...children.keys(), ...victimPhones.keys(), ...places.keys()];
  const concerns = new Map<string, Set<string>>();
  if (subjectIds.length) {
    const rows = await db.read(
      `UNWIND $subjects AS sid
       MATCH (s:Entity {id: sid})--(n:Entity)
       RETURN n.id AS id, collect(DISTINCT sid) AS subjects`,
      { subjects: subjectIds },
      { what: 'Reading protected subjects' },
    );
    for (const r of rows) concerns.set(String(r.id), new Set(r.subjects as string[]));
  }
  return { children, victimPhones, places, concerns, conditional };
}
