/**
 * The CPU-heavy part of rankings and communities (graphology), as pure functions of an edge list.
 * They run in a worker thread (analysisWorker.ts, through workerPool.ts) so that a betweenness or
 * Louvain over a large subgraph never blocks the server's event loop.
 */
import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';

// graphology-metrics ships CommonJS whose typings declare a default export: load it as CommonJS.
const require = createRequire(import.meta.url);
const betweenness = require('graphology-metrics/centrality/betweenness') as typeof import('graphology-metrics/centrality/betweenness.js').default;
const pagerank = require('graphology-metrics/centrality/pagerank') as typeof import('graphology-metrics/centrality/pagerank.js').default;
const louvain = require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;

/**
 * Betweenness (Brandes) costs about nodes × links steps: past this budget (a few seconds) it is
 * refused at once rather than left to run into the worker's time budget.
 */
export const MAX_BETWEENNESS_WORK = 200_000_000;

/** A subgraph as sent to a worker: entity ids, and links as pairs of indexes into `ids` (in query order). */
export interface EncodedGraph {
  ids: string[];
  pairs: Uint32Array;
}

/** Encodes rows of (source, target) ids; ids are numbered in order of first appearance. */
export function encodeGraph(rows: { source: string; target: string }[]): EncodedGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const pairs = new Uint32Array(rows.length * 2);
  const at = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  rows.forEach((r, k) => {
    pairs[2 * k] = at(r.source);
    pairs[2 * k + 1] = at(r.target);
  });
  return { ids, pairs };
}

/** The undirected simple graph, built in the same order as the rows came (so results do not depend on the encoding). */
export function decodeGraph({ ids, pairs }: EncodedGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let k = 0; k < pairs.length; k += 2) {
    const source = ids[pairs[k]!]!;
    const target = ids[pairs[k + 1]!]!;
    g.mergeNode(source);
    g.mergeNode(target);
    g.mergeEdge(source, target);
  }
  return g;
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

export type GraphMeasure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK' | 'TRIANGLES';

export type GraphTask =
  | { kind: 'rank'; measure: GraphMeasure; top: number; graph: EncodedGraph }
  | { kind: 'communities'; minSize: number; top: number; graph: EncodedGraph };

export interface RankResult {
  /** [id, score, degree], best first, scores above 0 only. */
  best: [string, number, number][];
  order: number;
  size: number;
}

export interface CommunitiesResult {
  modularity: number;
  /** Largest first; at most 100 members each. */
  communities: { id: number; size: number; members: string[] }[];
}

/** A refusal the caller shows as QUERY_TOO_LARGE (`what` is the subject of "... took too long"). */
export class TooLargeForAnalysis extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

export function rankScores(task: Extract<GraphTask, { kind: 'rank' }>): RankResult {
  const g = decodeGraph(task.graph);
  let scores: Record<string, number>;
  if (task.measure === 'DEGREE') scores = Object.fromEntries(g.mapNodes((n: string) => [n, g.degree(n)]));
  else if (task.measure === 'BETWEENNESS') {
    if (g.order * g.size > MAX_BETWEENNESS_WORK) throw new TooLargeForAnalysis(`Betweenness over ${g.order} entities and ${g.size} links`);
    scores = betweenness(g, { normalized: true });
  } else if (task.measure === 'PAGERANK') scores = pagerank(g);
  else scores = triangles(g);
  const best = Object.entries(scores)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, task.top);
  return { best: best.map(([id, score]) => [id, score, g.degree(id)]), order: g.order, size: g.size };
}

/** Louvain communities; the random walk is seeded, so the same graph always gives the same communities. */
export function detectCommunities(task: Extract<GraphTask, { kind: 'communities' }>): CommunitiesResult {
  const g = decodeGraph(task.graph);
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
    .filter(([, m]) => m.length >= task.minSize)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, task.top);
  return { modularity: result.modularity, communities: chosen.map(([id, m]) => ({ id, size: m.length, members: m.slice(0, 100) })) };
}

export function runGraphTask(task: GraphTask): RankResult | CommunitiesResult {
  return task.kind === 'rank' ? rankScores(task) : detectCommunities(task);
}
