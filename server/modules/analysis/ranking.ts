/**
 * Rankings. Structural measures run in Node with graphology on a bounded subgraph extracted from
 * Neo4j (no APOC or GDS needed); measures defined by the vocabulary's rules run in Cypher.
 */
import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';
import { cypherFile, QueryTooLargeError, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';

const q = (name: string) => cypherFile(import.meta.url, name);
// graphology-metrics ships CommonJS whose typings declare a default export: load it as CommonJS.
const require = createRequire(import.meta.url);
const betweenness = require('graphology-metrics/centrality/betweenness') as typeof import('graphology-metrics/centrality/betweenness.js').default;
const pagerank = require('graphology-metrics/centrality/pagerank') as typeof import('graphology-metrics/centrality/pagerank.js').default;

export const MEASURES = ['DEGREE', 'BETWEENNESS', 'PAGERANK', 'TRIANGLES', 'LINKED_CHILDREN'] as const;
export type Measure = (typeof MEASURES)[number];
export const KNOWS_FAMILY = ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'];
const MAX_LINKS = 200_000;

export interface RankedView {
  entity: EntityView;
  score: number;
  detail: Record<string, unknown>;
}

/** Triangles each node is part of, in an undirected simple graph. */
function triangles(g: UndirectedGraph): Record<string, number> {
  const out: Record<string, number> = {};
  g.forEachNode((n: string) => {
    const nb = g.neighbors(n);
    let t = 0;
    for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (g.hasEdge(nb[i]!, nb[j]!)) t++;
    out[n] = t;
  });
  return out;
}

async function entities(db: Database, ids: string[]): Promise<Map<string, EntityView>> {
  const rows = await db.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids });
  return new Map(rows.map((r) => [String((r.n as PlainNode).props.id), toEntity(r.n as PlainNode)]));
}

export async function rank(db: Database, args: { measure: Measure; kinds: string[] | null; linkTypes: string[] | null; top: number }): Promise<RankedView[]> {
  if (args.measure === 'LINKED_CHILDREN') {
    const rows = await db.read(q('linkedChildren.cypher'), { top: args.top }, { what: 'This ranking' });
    return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.children as number, detail: { measure: args.measure, routes: r.routes } }));
  }
  const kinds = args.kinds ?? ['Person'];
  const linkTypes = args.linkTypes ?? KNOWS_FAMILY;
  const rows = await db.read(q('extractGraph.cypher'), { kinds, linkTypes, cap: MAX_LINKS + 1 }, { what: 'This ranking', timeoutMs: 60_000 });
  if (rows.length > MAX_LINKS) throw new QueryTooLargeError(`Ranking over more than ${MAX_LINKS} links`);
  const g = new UndirectedGraph();
  for (const { source, target } of rows as { source: string; target: string }[]) {
    g.mergeNode(source);
    g.mergeNode(target);
    g.mergeEdge(source, target);
  }
  let scores: Record<string, number>;
  if (args.measure === 'DEGREE') scores = Object.fromEntries(g.mapNodes((n: string) => [n, g.degree(n)]));
  else if (args.measure === 'BETWEENNESS') scores = betweenness(g, { normalized: true });
  else if (args.measure === 'PAGERANK') scores = pagerank(g);
  else scores = triangles(g);
  const best = Object.entries(scores)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, args.top);
  const byId = await entities(db, best.map(([id]) => id));
  return best.map(([id, score]) => ({
    entity: byId.get(id)!,
    score,
    detail: { measure: args.measure, degree: g.degree(id), graph: { nodes: g.order, links: g.size, kinds, linkTypes } },
  }));
}

/** Persons not party to any incident, scored by distinct persons within `hops` links who are. */
export async function atRiskPersons(db: Database, args: { hops: number; linkTypes: string[] | null; top: number }): Promise<RankedView[]> {
  if (!Number.isInteger(args.hops) || args.hops < 1 || args.hops > 3) throw new Error('hops must be 1..3');
  // The hop bound is a checked integer written into the pattern: quantifier bounds cannot be parameters.
  const rows = await db.read(
    `MATCH (p:Person)
     WHERE NOT (p)-[:PARTY_TO]->(:Incident) AND coalesce(p.child, false) = false
     MATCH (p)-[r WHERE type(r) IN $linkTypes]-{1,${args.hops}}(q:Person)
     WHERE q <> p AND (q)-[:PARTY_TO]->(:Incident)
     WITH p, collect(DISTINCT q.id) AS near
     RETURN p, size(near) AS score, near[..20] AS near
     ORDER BY score DESC, p.id
     LIMIT $top`,
    { linkTypes: args.linkTypes ?? KNOWS_FAMILY, top: args.top },
    { what: 'This at-risk ranking', timeoutMs: 60_000 },
  );
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { hops: args.hops, partyToIncidents: r.near } }));
}

export async function householdRisk(db: Database, top: number): Promise<RankedView[]> {
  const rows = await db.read(q('householdRisk.cypher'), { top }, { what: 'This household ranking', timeoutMs: 60_000 });
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { relatives: r.relatives, homes: r.homes, contacts: r.contacts } }));
}
