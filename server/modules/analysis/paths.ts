/**
 * Paths and connecting networks with Cypher 5's SHORTEST. A quantifier's bounds cannot be query
 * parameters, so the hop limit is written into the query text; it is an integer checked to lie in
 * 1..8 by the resolver's schema, never user text. Everything else travels as parameters.
 */
import type { Database, PlainNode, PlainRel } from '../../db/database.js';
import { toEntity, toLink, type EntityView, type LinkView } from '../../domain/entity.js';
import type { Subgraph } from '../graph/queries.js';

export interface PathView {
  nodes: EntityView[];
  links: LinkView[];
  length: number;
}

export const MAX_HOPS = 8;

/** The date that places an entity in time: the first of its dated properties (empty when undated). */
const DATED_BY = (v: string) => `coalesce(${v}.date, ${v}.servedOn, ${v}.receivedOn, ${v}.grantedOn, ${v}.from, '')`;

/**
 * The filters are written into the pattern only when asked for: a quantified path pattern with
 * always-true predicates on every step still checks them step by step (measured about a fifth slower).
 */
function shortestQuery(maxHops: number, all: boolean, filters: { linkTypes: boolean; asOf: boolean }): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw new Error(`maxHops must be 1..${MAX_HOPS}`);
  const linkWhere = [filters.linkTypes ? 'type(r) IN $linkTypes' : '', filters.asOf ? "coalesce(r.from, '') <= $asOf" : ''].filter(Boolean).join(' AND ');
  const nodeWhere = filters.asOf ? `${DATED_BY('y')} <= $asOf` : '';
  const step = linkWhere || nodeWhere ? `((x)-[r${linkWhere ? ` WHERE ${linkWhere}` : ''}]-(y${nodeWhere ? ` WHERE ${nodeWhere}` : ''}))` : '(()-[]-())';
  return `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    ${filters.asOf ? `WHERE ${DATED_BY('a')} <= $asOf AND ${DATED_BY('b')} <= $asOf` : ''}
    MATCH p = ${all ? 'ALL SHORTEST' : 'SHORTEST 1'} (a) ${step}{1,${maxHops}} (b)
    RETURN nodes(p) AS ns, relationships(p) AS rs
    LIMIT 50`;
}

function toPath(ns: PlainNode[], rs: PlainRel[]): PathView {
  const idOf = new Map(ns.map((n) => [n.elementId, String(n.props.id)]));
  return {
    nodes: ns.map(toEntity),
    links: rs.map((r) => toLink(r, idOf.get(r.startElementId)!, idOf.get(r.endElementId)!)),
    length: rs.length,
  };
}

export async function shortestPaths(
  db: Database,
  args: { from: string; to: string; maxHops: number; linkTypes: string[] | null; asOf: string | null; all: boolean },
): Promise<PathView[]> {
  if (args.from === args.to) return [];
  const rows = await db.read(shortestQuery(args.maxHops, args.all, { linkTypes: args.linkTypes !== null, asOf: args.asOf !== null }), { from: args.from, to: args.to, linkTypes: args.linkTypes, asOf: args.asOf }, { what: 'This path search' });
  return rows.map((r) => toPath(r.ns as PlainNode[], r.rs as PlainRel[]));
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
    const rows = await db.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids });
    for (const r of rows) {
      const e = toEntity(r.n as PlainNode);
      if (!nodes.has(e.id)) nodes.set(e.id, e);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], truncated: false };
}
