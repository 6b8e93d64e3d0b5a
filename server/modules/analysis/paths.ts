/**
 * Paths and connecting networks with Cypher 5's SHORTEST, as routes through entities (DESIGN.md §5):
 * two entities joined by several links (KNOWS and KNOWS_SN, say) are one hop of a route whose
 * `links` lists each of them, so "all shortest" answers each way round once, not once per
 * combination of parallel links, and the cap counts routes.
 *
 * A quantifier's bounds cannot be query parameters, so the hop limit is written into the query
 * text; it is an integer checked to lie in 1..8 by the resolver's schema, never user text.
 * Everything else travels as parameters.
 */
import type { Database, PlainNode, PlainRel } from '../../db/database.js';
import { cypherFile, fragment } from '../../db/cypher.js';
import { linkHidden, toEntity, toLink, type EntityView, type LinkView } from '../../domain/entity.js';
import { BOOKKEEPING_LINK_TYPES } from '../../domain/vocabulary.js';
import { currentViewer, PRIVATE_CHILD_LINKS } from '../../access/viewer.js';
import type { Subgraph } from '../graph/queries.js';

/** One step of a route: the links joining `from` to `to` (parallel links of several types are one hop). */
export interface PathHop {
  from: string;
  to: string;
  links: LinkView[];
}

export interface PathView {
  nodes: EntityView[];
  /** Every link of the route, each parallel link listed. */
  links: LinkView[];
  hops: PathHop[];
  /** Number of hops. */
  length: number;
}

export const MAX_HOPS = 8;
/** Routes per answer, at most. */
export const MAX_ROUTES = 50;

/** As of $asOf, record `v` is in view (the as-of rule, server/db/fragments/inView.cypher). */
const IN_VIEW = (v: string) => fragment('inView', [v]);
/** A record only reports withheld from the caller support: not theirs to follow (as in the rankings). */
const HELD = (v: string) => fragment('held', [v]);

export interface Scope {
  /** Link types to follow; null: every type but the bookkeeping ones. */
  linkTypes: string[] | null;
  asOf: string | null;
  /** Reports withheld from the caller. */
  withheld: string[];
  /** Children protected from the caller, whose family and address links are not walked (access/viewer.ts). */
  privateOf?: string[];
}

/**
 * What a link of a route must satisfy, and what an entity on it must. Conditions are written only
 * when they can fail: a quantified path pattern checks even always-true predicates step by step
 * (measured about a fifth slower).
 */
function conditions(scope: Scope) {
  const link = [
    scope.linkTypes ? 'type(r) IN $linkTypes' : 'NOT type(r) IN $bookkeeping',
    scope.asOf ? IN_VIEW('r') : '',
    scope.withheld.length ? `NOT ${HELD('r')}` : '',
  ];
  const node = (v: string) => [scope.asOf ? IN_VIEW(v) : '', scope.withheld.length ? `NOT ${HELD(v)} AND NOT ${v}.id IN $withheld` : ''].filter(Boolean).join(' AND ');
  return { link: link.filter(Boolean).join(' AND '), node: node('y'), start: node('a') };
}

export function routesQuery(maxHops: number, all: boolean, scope: Scope): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw new Error(`maxHops must be 1..${MAX_HOPS}`);
  const where = conditions(scope);
  // Walks no protected child's family or address link: x and y are the ends of each hop.
  const privately = scope.privateOf?.length ? ' WHERE NOT (type(r) IN $privateLinks AND (x.id IN $privateOf OR y.id IN $privateOf))' : '';
  const step = `((x)-[r WHERE ${where.link}]-(y${where.node ? ` WHERE ${where.node}` : ''})${privately})`;
  return `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    ${where.start ? `WHERE ${where.start}` : ''}
    MATCH p = ${all ? 'ALL SHORTEST' : 'SHORTEST 1'} (a) ${step}{1,${maxHops}} (b)
    WITH DISTINCT nodes(p) AS ns
    LIMIT ${MAX_ROUTES}
    // Each hop of the route with every link that joins its two entities under the same conditions.
    CALL (ns) {
      UNWIND range(0, size(ns) - 2) AS i
      WITH i, ns[i] AS x, ns[i + 1] AS y
      CALL (x, y) { MATCH (x)-[r WHERE ${where.link}]-(y) RETURN collect(r) AS hop }
      WITH i, hop ORDER BY i
      RETURN collect(hop) AS hops
    }
    RETURN ns, hops`;
}

const byTypeThenId = (a: LinkView, b: LinkView) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id);

/** A path as the user may see it; null when a hop runs only over links their view leaves out. */
function toPath(ns: PlainNode[], hops: PlainRel[][]): PathView | null {
  const idOf = new Map(ns.map((n) => [n.elementId, String(n.props.id)]));
  const ends = (r: PlainRel) => [idOf.get(r.startElementId)!, idOf.get(r.endElementId)!] as const;
  const shown = hops.map((rs) => rs.filter((r) => !linkHidden(r.type, ...ends(r))));
  if (shown.some((rs) => !rs.length)) return null;
  const nodes = ns.map(toEntity);
  const folded = shown.map((rs, i) => ({
    from: nodes[i]!.id,
    to: nodes[i + 1]!.id,
    links: rs.map((r) => toLink(r, ...ends(r))).sort(byTypeThenId),
  }));
  return { nodes, links: folded.flatMap((h) => h.links), hops: folded, length: folded.length };
}

/** The same routes in the same order on every call: by the entities they pass through. */
const routeKey = (p: PathView) => p.nodes.map((n) => n.label + '\u0000' + n.id).join('\u0001');

export async function shortestPaths(
  db: Database,
  args: { from: string; to: string; maxHops: number; linkTypes: string[] | null; asOf: string | null; all: boolean },
): Promise<PathView[]> {
  if (args.from === args.to) return [];
  const viewer = currentViewer();
  const scope: Scope = { linkTypes: args.linkTypes, asOf: args.asOf, withheld: viewer?.withheldReportIds() ?? [], privateOf: viewer?.privateLinksOf() ?? [] };
  const rows = await db.read(
    routesQuery(args.maxHops, args.all, scope),
    { from: args.from, to: args.to, linkTypes: args.linkTypes, bookkeeping: BOOKKEEPING_LINK_TYPES, asOf: args.asOf, withheld: scope.withheld, privateOf: scope.privateOf, privateLinks: PRIVATE_CHILD_LINKS },
    { what: 'This path search' },
  );
  const paths = rows.map((r) => toPath(r.ns as PlainNode[], r.hops as PlainRel[][])).filter((p): p is PathView => p !== null);
  return paths.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

export async function connectingNetwork(db: Database, args: { ids: string[]; maxHops: number; linkTypes: string[] | null; asOf: string | null }): Promise<Subgraph> {
  const nodes = new Map<string, EntityView>();
  const links = new Map<string, LinkView>();
  const ids = [...new Set(args.ids)];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [path] = await shortestPaths(db, { ...args, from: ids[i]!, to: ids[j]!, all: false });
      if (!path) continue;
      for (const n of path.nodes) nodes.set(n.id, n);
      for (const l of path.links) links.set(l.id, l);
    }
  }
  // The entities asked about are part of the answer even when nothing joins them.
  if (nodes.size < ids.length) {
    const rows = await db.read(cypherFile(import.meta.url, 'entitiesById.cypher'), { ids });
    for (const r of rows) {
      const e = toEntity(r.n as PlainNode);
      if (!nodes.has(e.id)) nodes.set(e.id, e);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], truncated: false };
}
