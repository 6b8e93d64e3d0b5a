/**
 * Rankings. Structural measures run with graphology on a bounded subgraph extracted from Neo4j (no
 * APOC or GDS needed), in worker threads (workerPool.ts) so that a long betweenness or Louvain never
 * blocks other requests; measures defined by the vocabulary's rules run in Cypher.
 */
import { cypherFile, QueryTooLargeError, type Database, type PlainNode } from '../../db/database.js';
import { currentViewer } from '../../access/viewer.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { rankByLinkedChildren } from './childLinks.js';
import { encodeGraph, type CommunitiesResult, type GraphTask, type RankResult } from './graphMeasures.js';
import { WorkerPool, analysisPoolSize, analysisWorkerFile } from './workerPool.js';

const q = (name: string) => cypherFile(import.meta.url, name);
/** Reports withheld from the caller: what only they support is filtered out inside the queries. */
const withheldIds = () => currentViewer()?.withheldReportIds() ?? [];

export const MEASURES = ['DEGREE', 'BETWEENNESS', 'PAGERANK', 'TRIANGLES', 'LINKED_CHILDREN'] as const;
export type Measure = (typeof MEASURES)[number];
export const KNOWS_FAMILY = ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'];
const MAX_LINKS = 200_000;
/** How long one analysis may compute (ANALYSIS_TIME_BUDGET_MS, default 20 s) before it is stopped. */
export const ANALYSIS_TIME_BUDGET_MS = Number(process.env.ANALYSIS_TIME_BUDGET_MS) > 0 ? Number(process.env.ANALYSIS_TIME_BUDGET_MS) : 20_000;

let pool: WorkerPool | undefined;
/** The process's analysis workers, started on first use. */
export function analysisPool(): WorkerPool {
  return (pool ??= new WorkerPool(analysisWorkerFile(), {
    size: analysisPoolSize(),
    budgetMs: ANALYSIS_TIME_BUDGET_MS,
    onTimeout: () => new QueryTooLargeError('This analysis'),
  }));
}

/** Runs a graph task in a worker; a refusal for size comes back as QUERY_TOO_LARGE. */
async function inWorker<T>(task: GraphTask): Promise<T> {
  try {
    return await analysisPool().run<T>(task, [task.graph.pairs.buffer as ArrayBuffer]);
  } catch (e) {
    const tooLarge = (e as { tooLarge?: string }).tooLarge;
    throw tooLarge ? new QueryTooLargeError(tooLarge) : e;
  }
}

export interface RankedView {
  entity: EntityView;
  score: number;
  detail: Record<string, unknown>;
}

async function entities(db: Database, ids: string[]): Promise<Map<string, EntityView>> {
  const rows = await db.read(q('entitiesById.cypher'), { ids });
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

/** The links of `kinds` joined by `linkTypes`, encoded for a worker, capped (QUERY_TOO_LARGE beyond). */
async function extractGraph(db: Database, scope: SubgraphScope) {
  const kinds = scope.kinds ?? ['Person'];
  const linkTypes = scope.linkTypes ?? KNOWS_FAMILY;
  const rows = await db.read(
    q('extractGraph.cypher'),
    { kinds, linkTypes, within: scope.within, asOf: scope.asOf, cap: MAX_LINKS + 1, withheld: withheldIds() },
    { what: 'This analysis', timeoutMs: 60_000 },
  );
  if (rows.length > MAX_LINKS) throw new QueryTooLargeError(`An analysis over more than ${MAX_LINKS} links`);
  return { graph: encodeGraph(rows as { source: string; target: string }[]), kinds, linkTypes };
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
  const { graph } = await extractGraph(db, args);
  const result = await inWorker<CommunitiesResult>({ kind: 'communities', minSize: args.minSize, top: args.top, graph });
  const byId = await entities(db, result.communities.flatMap((c) => c.members));
  return {
    modularity: result.modularity,
    communities: result.communities.map((c) => ({ id: c.id, size: c.size, members: c.members.map((x) => byId.get(x)!).filter(Boolean) })),
  };
}

export async function rank(db: Database, args: SubgraphScope & { measure: Measure; top: number }): Promise<RankedView[]> {
  if (args.measure === 'LINKED_CHILDREN') {
    return rankByLinkedChildren(db, args.within, args.asOf, args.top);
  }
  const { graph, kinds, linkTypes } = await extractGraph(db, args);
  const { best, order, size } = await inWorker<RankResult>({ kind: 'rank', measure: args.measure, top: args.top, graph });
  const byId = await entities(db, best.map(([id]) => id));
  return best.map(([id, score, degree]) => ({
    entity: byId.get(id)!,
    score,
    detail: { measure: args.measure, degree, asOf: args.asOf, graph: { nodes: order, links: size, kinds, linkTypes } },
  }));
}

/** Persons not party to any incident, scored by distinct persons within `hops` links who are. */
export async function atRiskPersons(db: Database, args: { hops: number; linkTypes: string[] | null; asOf: string | null; top: number }): Promise<RankedView[]> {
  if (!Number.isInteger(args.hops) || args.hops < 1 || args.hops > 3) throw new Error('hops must be 1..3');
  // The hop bound is a checked integer written into the pattern (a number slot): quantifier bounds cannot be parameters.
  const rows = await db.read(
    cypherFile(import.meta.url, 'atRiskPersons.cypher', { numbers: { hops: args.hops } }),
    { linkTypes: args.linkTypes ?? KNOWS_FAMILY, asOf: args.asOf, top: args.top, withheld: withheldIds() },
    { what: 'This at-risk ranking', timeoutMs: 60_000 },
  );
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { hops: args.hops, asOf: args.asOf, partyToIncidents: r.near } }));
}

export async function householdRisk(db: Database, args: { asOf: string | null; top: number }): Promise<RankedView[]> {
  const rows = await db.read(q('householdRisk.cypher'), { ...args, withheld: withheldIds() }, { what: 'This household ranking', timeoutMs: 60_000 });
  return rows.map((r) => ({ entity: toEntity(r.p as PlainNode), score: r.score as number, detail: { relatives: r.relatives, homes: r.homes, contacts: r.contacts } }));
}
