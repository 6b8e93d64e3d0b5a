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
import { readRestrictionIndex, type RestrictionIndex, type RestrictionRecord } from '../modules/restrictions/restrictionIndex.js';

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
  /** Issue 20 item 4: held by a restriction (its flag says by which team, since when, review due when). */
  restriction?: RestrictionRecord;
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
  /** Issue 20 item 4: restrictions with owners and review dates (modules/restrictions). */
  restrictions?: RestrictionIndex;
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

/**
 * The protected subjects and what concerns them, in one statement (one round trip and one
 * consistent snapshot instead of five): every child (merged-away records of a child too: their ids
 * live on in links' mergedFrom), the phones of children and of victims, the protected places, and
 * every record one link from any of them. Each part starts from an index or a relationship type
 * (children by person_child, victims by their VICTIM_OF links) rather than every person.
 */
const SUBJECTS = `
CALL () {
  CALL () {
    MATCH (c:Person {child: true}) RETURN c
    UNION
    MATCH (c:MergedPerson {child: true}) RETURN c
  }
  RETURN collect(c {.id, .name, .surname, .pseudonym, .aliases, .age, .dob, .sex, .lookedAfter, .mergedFrom, .mergedInto}) AS children
}
CALL () {
  CALL () {
    MATCH (p:Person {child: true})-[:HAS_PHONE]->(ph:Phone)
    RETURN ph, p.id AS childId
    UNION
    MATCH (v:Person)-[:VICTIM_OF]->(:Incident)
    WITH DISTINCT v
    MATCH (v)-[:HAS_PHONE]->(ph:Phone)
    RETURN ph, CASE WHEN v.child = true THEN v.id END AS childId
  }
  RETURN collect({id: ph.id, phoneNo: ph.phoneNo, raw: ph.raw, childId: childId}) AS phones
}
CALL () {
  MATCH (l:Location) WHERE l.restricted = true
  RETURN collect(l {.id, .address, .postcode, .name}) AS places
}
CALL (children, phones, places) {
  UNWIND [x IN children | x.id] + [x IN phones | x.id] + [x IN places | x.id] AS sid
  WITH DISTINCT sid
  MATCH (s:Entity {id: sid})--(n:Entity)
  WITH n.id AS id, collect(DISTINCT sid) AS subjects
  RETURN collect({id: id, subjects: subjects}) AS concerns
}
RETURN children, phones, places, concerns`;

const REPORTS = "MATCH (r:Report {handling: 'C'}) RETURN r.id AS id, r.ownerAgency AS ownerAgency, r.receivedOn AS receivedOn, r.sharedWith AS sharedWith";

async function readIndex(db: Database, subjects: boolean): Promise<ProtectionIndex> {
  // The subjects only when asked for (an analyst's view needs the reports alone).
  const [reportRows, subjectRows, restrictions] = await Promise.all([
    db.read(REPORTS),
    subjects ? db.read(SUBJECTS, {}, { what: 'Reading protected subjects' }) : Promise.resolve([] as Record<string, unknown>[]),
    readRestrictionIndex(db),
  ]);
  const part = (name: string) => ((subjectRows[0]?.[name] as Record<string, unknown>[] | undefined) ?? []);
  const [childRows, phoneRows, placeRows] = [part('children'), part('phones'), part('places')];
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

  const concerns = new Map<string, Set<string>>();
  for (const r of part('concerns')) concerns.set(String(r.id), new Set(r.subjects as string[]));
  return { children, victimPhones, places, concerns, conditional, restrictions };
}
