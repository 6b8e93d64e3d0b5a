/** The analyst's analyses started from the chart: routes, connecting networks, rankings, communities, coverage. */
import {
  CommunitiesDocument,
  ConnectingDocument,
  CoverageDocument,
  PathsDocument,
  RankDocument,
  type CommunitiesQuery,
  type CoverageQuery,
  type PathsQuery,
  type RankMeasure as SchemaRankMeasure,
  type RankQuery,
} from '../gql/graphql';
import type { Link, Subgraph } from './entities';
import { gql } from './transport';

/** One step of a route: every link joining two entities (parallel links of several types are one hop). */
export interface PathHop {
  from: string;
  to: string;
  links: Link[];
}

/** A route between two entities (DESIGN.md §5): the entities in order, every link, the hops between them. */
export type Path = Omit<PathsQuery['paths'][number], 'hops'> & { hops: PathHop[] };

/** Which links a path search follows: null link types = the server's default (evidential links). */
export interface PathScope {
  linkTypes: string[] | null;
  /** Nothing dated after this day (YYYY-MM-DD) is followed; null: no date limit. */
  asOf: string | null;
}

export async function fetchPaths(
  args: { from: string; to: string; maxHops?: number; all?: boolean } & Partial<PathScope>,
  signal?: AbortSignal,
): Promise<Path[]> {
  const data = await gql(
    PathsDocument,
    { from: args.from, to: args.to, maxHops: args.maxHops ?? 4, all: args.all ?? true, linkTypes: args.linkTypes ?? null, asOf: args.asOf ?? null },
    signal,
  );
  // A hop names its links by id: the full links are in `links` once.
  const paths = data.paths.map((p) => {
    const byId = new Map(p.links.map((l) => [l.id, l]));
    return { ...p, hops: p.hops.map((h) => ({ ...h, links: h.links.map((l) => byId.get(l.id)!).filter(Boolean) })) };
  });
  return paths;
}

export async function fetchConnectingNetwork(ids: string[], maxHops = 4, scope?: Partial<PathScope>, signal?: AbortSignal): Promise<Subgraph> {
  const data = await gql(ConnectingDocument, { ids, maxHops, linkTypes: scope?.linkTypes ?? null, asOf: scope?.asOf ?? null }, signal);
  return data.connectingNetwork;
}

/** The measures the workspace ranks a chart by. */
export type RankMeasure = Extract<SchemaRankMeasure, 'DEGREE' | 'BETWEENNESS'>;

/** A ranked entity as the chart needs it: id, kind and label (the entity is on the chart already). */
export type RankedOnChart = RankQuery['rank'][number];

/** Ranked among `within` (the chart's entities) when given, else over the whole graph. */
export async function fetchRank(measure: RankMeasure, top = 500, within?: string[], signal?: AbortSignal): Promise<RankedOnChart[]> {
  const data = await gql(RankDocument, { measure, top, ...(within ? { within } : {}) }, signal);
  return data.rank;
}

export type Community = CommunitiesQuery['communities']['communities'][number];

export async function fetchCommunities(within?: string[], signal?: AbortSignal): Promise<CommunitiesQuery['communities']> {
  const data = await gql(CommunitiesDocument, within ? { within } : {}, signal);
  return data.communities;
}

/** Who on an operation's chart was actioned; `byDisposition` counts suspects per disposition. */
export type Coverage = Omit<NonNullable<CoverageQuery['operationCoverage']>, 'byDisposition'> & { byDisposition: Record<string, number> };

export async function fetchCoverage(operationId: string, signal?: AbortSignal): Promise<Coverage | null> {
  const data = await gql(CoverageDocument, { id: operationId }, signal);
  // byDisposition is JSON in the schema; the server fills it with a count per disposition.
  return data.operationCoverage as Coverage | null;
}
