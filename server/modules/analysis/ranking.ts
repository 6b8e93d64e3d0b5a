/**
 * Rankings. Structural measures run in Node with graphology on a bounded subgraph extracted from
 * Neo4j (no APOC or GDS needed); measures defined by the vocabulary's rules run in Cypher.
 */
import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';
import { cypherFile, QueryTooLargeError, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { rankByLinkedChildren } from './childLinks.js';

const q = (name: string) => cypherFile(import.meta.url, name);
// graphology-metrics ships CommonJS whose typings declare a default export: load it as CommonJS.
const require = createRequire(import.meta.url);
const betweenness = require('graphology-metrics/centrality/betweenness') as typeof import('graphology-metrics/centrality/betweenness.js').default;
const pagerank = require('graphology-metrics/centrality/pagerank') as typeof import('graphology-metrics/centrality/pagerank.js').default;
const louvain = require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;

export const MEASURES = ['DEGREE', 'BETWEENNESS', 'PAGERANK', 'TRIANGLES', 'LINKED_CHILDREN'] as const;
export type Measure = (typeof MEASURES)[number];
export const KNOWS_FAMILY = ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'];
const MAX_LINKS = 200_000;
/**
 * Betweenness (Brandes) costs about nodes × links steps, computed in the server's one thread: past
 * this budget (a few seconds), one request would stall every other for minutes, so it is refused.
 */
const MAX_BETWEENNESS_WORK = 200_000_000;

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

/** Which part of the graph a ranking or community search runs on. */
export interface SubgraphScope {
  kinds: string[] | null;
  linkTypes: string[] | null;
  /** Only these entities (e.g. the ones on a chart); null for all. */
  within: string[] | null;
  asOf: string | null;
}

/** The undirected simple graph of `kinds` joined by `linkTypes`, capped (QUERY_TOO_LARGE beyond). */
async function extractGraph(db: Database, scope: SubgraphScope) {
  const kinds = scope.kinds ?? ['Person'];
  const linkTypes = scope.linkTypes ?? KNOWS_FAMILY;
  const rows = await db.read(
    q('extractGraph.cypher'),
    { kinds, linkTypes, within: scope.within, asOf: scope.asOf, cap: MAX_LINKS + 1 },
    { what: 'This analysis', timeoutMs: 60_000 },
  );
  if (rows.length > MAX_LINKS) throw new QueryTooLargeError(`An analysis over more than ${MAX_LINKS} links`);
  const g = new UndirectedGraph();
  for (const { source, target } of rows as { source: string; target: string }[]) {
    g.mergeNode(source);
    g.mergeNode(target);
    g.mergeEdge(source, target);
  }
  return { g, kinds, linkTypes };
}

export interface CommunityView {
  id: number;
  size: number;
  members: EntityView[];
}

/**
 * Communities by Louvain modularity, largest first, on the same subgraph as `rank`. The random
 * walk is seeded, so the same graph always gives the same communities.
 */
export async function communities(
  db: Database,
  args: SubgraphScope & { minSize: number; top: number },
): Promise<{ modularity: number; communities: CommunityView[] }> {
  const { g } = await extractGraph(db, args);
  if (g.order === 0) return { modularity: 0, communities: [] };
  let state = 42;
  const rng = () => ((state = (state * 1664525 + 1013904223) % 4294967296) / 4294967296);
  const result = louvain.detailed(g, { rng });
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(result.communities)) {
    const members = groups.get(c);
    if (members) members.push(node);
    else groups.set(c, [node]);
  }
  const chosen = [...groups.entries()]
    .filter(([, m]) => m.length >= args.minSize)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, args.top);
  const byId = await entities(db, chosen.flatMap(([, m]) => m.slice(0, 100)));
  return {
    modularity: result.modularity,
    communities: chosen.map(([id, m]) => ({ id, size: m.length, members: m.slice(0, 100).map((x) => byId.get(x)!).filter(Boolean) })),
  };
}

export async function rank(db: Database, args: SubgraphScope & { measure: Measure; top: number }): Promise<RankedView[]> {
  if (args.measure === 'LINKED_CHILDREN') {
    return rankByLinkedChildren(db, args.within, args.asOf, args.top);
  }
  const { g, kinds, linkTypes } = await extractGraph(db, args);
  let scores: Record<string, number>;
  if (args.measure === 'DEGREE') scores = Object.fromEntries(g.mapNodes((n: string) => [n, g.degree(n)]));
  else if (args.measure === 'BETWEENNESS') {
    if (g.order * g.size > MAX_BETWEENNESS_WORK) throw new QueryTooLargeError(`Betweenness over ${g.order} entities and ${g.size} links`);
    scores = betweenness(g, { normalized: true });
  }
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
    detail: { measure: args.measure, degree: g.degree(id), asOf: args.asOf, graph: { nodes: g.order, links: g.size, kinds, linkTypes } },
  }));
}

/** Persons not party to any incident, scored by distinct persons within `hops` links who are. */
export async function atRiskPersons(db: Database, args: { hops: number; linkTypes: string[] | null; asOf: string | null; top: number }): Promise<RankedView[]> {
  if (!Number.isInteger(args.hops) || args.hops < 1 || args.hops > 3) throw new Error('hops must be 1..3');
  // The hop bound is a checked integer written into the pattern: quantifier bounds cannot be parameters.
  const rows = await db.read(
    `MATCH (p:Person)
     WHERE coalesce(p.child, false) = false
       AND NOT EXISTS { (p)-[:PARTY_TO]->(i:Incident) WHERE $asOf IS NULL OR coalesce(i.date, '') <= $asOf }
     MATCH (p)-[r WHERE type(r) IN $linkTypes AND ($asOf IS NULL OR coalesce(r.from, '') <= $asOf)]-{1,${args.hops}}(q:Person)
     WHERE q <> p AND EXISTS { (q)-[:PARTY_TO]->(i:Incident) WHERE $asOf IS NULL OR coalesce(i.date, '') <= $asOf }
     WITH p, collect(DISTINCT q.id) AS near
     RETURN p, size(near) AS score, near[..20] AS near
     ORDER BY score DESC, p.id
     LIMIT $top`,
    { linkTypes: args.linkTypes ?? KNOWS_FAMILY, asOf: args.asOf, top: args.top },
    { what: 'This at-risk ranking', timeoutMs: 60_000 },
  );
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { hops: args.hops, asOf: args.asOf, partyToIncidents: r.near } }));
}

export async function householdRisk(db: Database, args: { asOf: string | null; top: number }): Promise<RankedView[]> {
  const rows = await db.read(q('householdRisk.cypher'), args, { what: 'This household ranking', timeoutMs: 60_000 });
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { relatives: r.relatives, homes: r.homes, contacts: r.contacts } }));
}
