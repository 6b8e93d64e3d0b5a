/**
 * Derived person → child links (DESIGN.md §4): computed on demand from incidents, notices, handset
 * contacts and direct links, never stored, so that a correction to any record changes them at once.
 */
import { cypherFile, QueryTooLargeError, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';

const MAX_ROUTES = 50_000;

export interface LinkRoute {
  kind: 'incident' | 'notice' | 'phone contact' | 'direct link';
  /** The record the route goes through (incident, notice, phone or link id). */
  via: string | null;
  date: string | null;
  description: string;
  /** Reports behind the records of this route. */
  sources: string[];
}

export interface DerivedLink {
  person: EntityView;
  child: EntityView;
  routes: LinkRoute[];
  /** Distinct kinds of route: a link found by two different routes is stronger than one found twice. */
  routeKinds: string[];
  /** Distinct reports behind all the routes: the independent sources the UI shows with the link. */
  sources: string[];
}

/** Every derived link of the given persons (all persons when null), as of a date. */
export async function deriveChildLinks(db: Database, personIds: string[] | null, asOf: string | null): Promise<DerivedLink[]> {
  const rows = await db.read(cypherFile(import.meta.url, 'childLinks.cypher'), { personIds, asOf, cap: MAX_ROUTES + 1 }, { what: 'This derived-link search', timeoutMs: 60_000 });
  if (rows.length > MAX_ROUTES) throw new QueryTooLargeError(`More than ${MAX_ROUTES} person-to-child routes`);
  const links = new Map<string, DerivedLink>();
  for (const r of rows) {
    const person = r.p as PlainNode;
    const child = r.c as PlainNode;
    const key = `${person.elementId}|${child.elementId}`;
    let link = links.get(key);
    if (!link) links.set(key, (link = { person: toEntity(person), child: toEntity(child), routes: [], routeKinds: [], sources: [] }));
    const route = { kind: r.kind, via: r.via ?? null, date: r.date ?? null, description: r.description, sources: [...new Set(r.sources as string[])] } as LinkRoute;
    link.routes.push(route);
    if (!link.routeKinds.includes(route.kind)) link.routeKinds.push(route.kind);
    for (const s of route.sources) if (!link.sources.includes(s)) link.sources.push(s);
  }
  return [...links.values()];
}

/** Persons (of `personIds`, or all) by the number of distinct children linked to them, most first. */
export async function rankByLinkedChildren(db: Database, personIds: string[] | null, asOf: string | null, top: number) {
  const byPerson = new Map<string, { person: EntityView; children: Set<string>; routeKinds: Set<string>; sources: Set<string> }>();
  for (const link of await deriveChildLinks(db, personIds, asOf)) {
    let entry = byPerson.get(link.person.id);
    if (!entry) byPerson.set(link.person.id, (entry = { person: link.person, children: new Set(), routeKinds: new Set(), sources: new Set() }));
    entry.children.add(link.child.id);
    link.routeKinds.forEach((k) => entry.routeKinds.add(k));
    link.sources.forEach((s) => entry.sources.add(s));
  }
  return [...byPerson.values()]
    .sort((a, b) => b.children.size - a.children.size || a.person.id.localeCompare(b.person.id))
    .slice(0, top)
    .map((e) => ({
      entity: e.person,
      score: e.children.size,
      detail: { measure: 'LINKED_CHILDREN', asOf, routes: [...e.routeKinds].sort(), sources: e.sources.size },
    }));
}
