/**
 * Derived person → child links (DESIGN.md §4): computed on demand from incidents, notices, handset
 * contacts and direct links, never stored, so that a correction to any record changes them at once.
 */
import { cypherFile, QueryTooLargeError, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';

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

const q = (name: string, personIds: string[] | null) => cypherFile(import.meta.url, name, { off: personIds ? [] : ['idIn'] });
/**
 * The rules (childLinks.cypher) for every adult, or only for those asked about, with routes only
 * withheld reports support left out, then every route (childLinksRoutes.cypher) or what the routes
 * of each person are (childLinksDetail.cypher).
 */
export const rules = (personIds: string[] | null, tail: 'childLinksRoutes.cypher' | 'childLinksDetail.cypher') =>
  q('childLinks.cypher', personIds) + '\n' + q(tail, personIds);

/**
 * The ranked form (childLinksRanked.cypher): the same rules counting person-child pairs only.
 * A route counts unless every report behind it (of those received by $asOf) is withheld from the
 * caller; for a caller from whom nothing is withheld that holds of every route, and the form
 * reads no source lists at all.
 */
export const rankedRules = (personIds: string[] | null, withheld: string[]) =>
  cypherFile(import.meta.url, 'childLinksRanked.cypher', { off: [...(personIds ? [] : ['idIn']), ...(withheld.length ? [] : ['visibleRoute'])] });

/** Every derived link of the given persons (all persons when null), as of a date. */
export async function deriveChildLinks(db: Database, personIds: string[] | null, asOf: string | null): Promise<DerivedLink[]> {
  const withheld = currentViewer()?.withheldReportIds() ?? [];
  const rows = await db.read(rules(personIds, 'childLinksRoutes.cypher'), { personIds, asOf, withheld, cap: MAX_ROUTES + 1 }, { what: 'This derived-link search', timeoutMs: 60_000 });
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

/**
 * Persons (of `personIds`, or all) by the number of distinct children linked to them, most first.
 * The ranking counts pairs over every adult (the ranked form); the routes' kinds and reports are
 * then derived, with the full rules, for the persons ranked only.
 */
export async function rankByLinkedChildren(db: Database, personIds: string[] | null, asOf: string | null, top: number) {
  const withheld = currentViewer()?.withheldReportIds() ?? [];
  const ranked = await db.read(rankedRules(personIds, withheld), { personIds, asOf, top, withheld }, { what: 'This ranking', timeoutMs: 60_000 });
  if (!ranked.length) return [];
  const ids = ranked.map((r) => String((r.p as PlainNode).props.id));
  const rows = await db.read(rules(ids, 'childLinksDetail.cypher'), { personIds: ids, asOf, withheld }, { what: 'This ranking', timeoutMs: 60_000 });
  const detail = new Map(rows.map((r) => [r.id as string, r]));
  return ranked.map((r) => {
    const d = detail.get(String((r.p as PlainNode).props.id));
    return {
      entity: toEntity(r.p as PlainNode),
      score: r.children as number,
      // Distinct reports, as `linkedChildren` counts them (a report behind two records of one route is one).
      detail: { measure: 'LINKED_CHILDREN', asOf, routes: [...((d?.routeKinds as string[]) ?? [])].sort(), sources: new Set(((d?.sourceLists as string[][]) ?? []).flat()).size },
    };
  });
}
