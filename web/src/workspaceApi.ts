/**
 * The analyst workspace's server calls: analyses started from the chart, provenance, saved charts
 * and audited exports. Same client as api.ts (one POST per operation, readable errors).
 */
import { gql, type Entity, type Json, type Ranked, type Subgraph } from './api';

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity { id kind label labels properties sources }
`;
const LINK_FIELDS = /* GraphQL */ `
  fragment LinkFields on Link { id type source target properties sources }
`;

/** One step of a route: every link joining two entities (parallel links of several types are one hop). */
export interface PathHop {
  from: string;
  to: string;
  links: Subgraph['links'];
}

/** A route between two entities (DESIGN.md §5): the entities in order and the hops between them. */
export interface Path {
  nodes: Entity[];
  /** Every link of the route, each of a hop's parallel links listed. */
  links: Subgraph['links'];
  hops: PathHop[];
  /** Number of hops. */
  length: number;
}

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
  const data = await gql<{ paths: Path[] }>(
    `query Paths($from: ID!, $to: ID!, $maxHops: Int, $all: Boolean, $linkTypes: [String!], $asOf: String) {
      paths(from: $from, to: $to, maxHops: $maxHops, all: $all, linkTypes: $linkTypes, asOf: $asOf) {
        length nodes { ...EntityFields } links { ...LinkFields } hops { from to links { id } }
      }
    } ${ENTITY_FIELDS} ${LINK_FIELDS}`,
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
  const data = await gql<{ connectingNetwork: Subgraph }>(
    `query Connecting($ids: [ID!]!, $maxHops: Int, $linkTypes: [String!], $asOf: String) {
      connectingNetwork(ids: $ids, maxHops: $maxHops, linkTypes: $linkTypes, asOf: $asOf) { nodes { ...EntityFields } links { ...LinkFields } truncated }
    } ${ENTITY_FIELDS} ${LINK_FIELDS}`,
    { ids, maxHops, linkTypes: scope?.linkTypes ?? null, asOf: scope?.asOf ?? null },
    signal,
  );
  return data.connectingNetwork;
}

export type RankMeasure = 'DEGREE' | 'BETWEENNESS';

/** Ranked among `within` (the chart's entities) when given, else over the whole graph. */
export async function fetchRank(measure: RankMeasure, top = 500, within?: string[], signal?: AbortSignal): Promise<Ranked[]> {
  const data = await gql<{ rank: Ranked[] }>(
    `query Rank($measure: RankMeasure!, $top: Int, $within: [ID!]) { rank(measure: $measure, top: $top, within: $within) { score detail entity { id kind label } } }`,
    { measure, top, ...(within ? { within } : {}) },
    signal,
  );
  return data.rank;
}

export interface Community {
  id: number;
  size: number;
  members: { id: string }[];
}

export async function fetchCommunities(within?: string[], signal?: AbortSignal): Promise<{ modularity: number; communities: Community[] }> {
  const data = await gql<{ communities: { modularity: number; communities: Community[] } }>(
    `query Communities($within: [ID!]) { communities(minSize: 2, top: 40, within: $within) { modularity communities { id size members { id } } } }`,
    within ? { within } : {},
    signal,
  );
  return data.communities;
}

export interface Coverage {
  operation: { id: string; label: string };
  onChart: number;
  byDisposition: Record<string, number>;
  neverActioned: Entity[];
}

export async function fetchCoverage(operationId: string, signal?: AbortSignal): Promise<Coverage | null> {
  const data = await gql<{ operationCoverage: Coverage | null }>(
    `query Coverage($id: ID!) {
      operationCoverage(operationId: $id) { operation { id label } onChart byDisposition neverActioned { ...EntityFields } }
    } ${ENTITY_FIELDS}`,
    { id: operationId },
    signal,
  );
  return data.operationCoverage;
}

/** Reports by id plus those that mention `entityId`; restricted ones arrive withheld. */
export async function fetchProvenance(args: { reportIds?: string[]; entityId?: string }, signal?: AbortSignal): Promise<Entity[]> {
  const variables: Record<string, unknown> = {};
  if (args.reportIds?.length) variables.reportIds = args.reportIds;
  if (args.entityId) variables.entityId = args.entityId;
  const data = await gql<{ provenance: Entity[] }>(
    `query Provenance($reportIds: [ID!], $entityId: ID) { provenance(reportIds: $reportIds, entityId: $entityId) { ...EntityFields } } ${ENTITY_FIELDS}`,
    variables,
    signal,
  );
  return data.provenance;
}

export interface SavedChartSummary {
  id: string;
  name: string;
  /** Whose chart it is: only they replace, re-share or delete it. */
  owner: string;
  /** True when the signed-in user owns it. */
  mine: boolean;
  /** True when the owner shared it (with users by name or with their agency). */
  shared: boolean;
  /** Whom it is shared with by name: for the owner only (null for others). */
  sharedWithUsers: string[] | null;
  /** Whether it is shared with the owner's agency: for the owner only (null for others). */
  sharedWithAgency: boolean | null;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
  nodeCount: number;
}

export interface SavedChart extends SavedChartSummary {
  state: { [key: string]: Json };
  elements: Subgraph;
}

/** Who else may open a chart: users by name, and the author's agency. */
export interface ChartSharing {
  sharedWithUsers: string[];
  sharedWithAgency: boolean;
}

const SUMMARY = 'id name owner mine shared sharedWithUsers sharedWithAgency createdBy updatedBy updatedAt nodeCount';

/** The signed-in user's charts and those shared with them. */
export async function listSavedCharts(signal?: AbortSignal): Promise<SavedChartSummary[]> {
  const data = await gql<{ savedCharts: SavedChartSummary[] }>(`query SavedCharts { savedCharts { ${SUMMARY} } }`, {}, signal);
  return data.savedCharts;
}

/** Null when there is no such chart, or it is not (or no longer) shared with the user. */
export async function openSavedChart(id: string, signal?: AbortSignal): Promise<SavedChart | null> {
  const data = await gql<{ savedChart: SavedChart | null }>(
    `query SavedChart($id: ID!) {
      savedChart(id: $id) { ${SUMMARY} state elements { nodes { ...EntityFields } links { ...LinkFields } truncated } }
    } ${ENTITY_FIELDS} ${LINK_FIELDS}`,
    { id },
    signal,
  );
  return data.savedChart;
}

/**
 * Saves one of the user's own charts (saving under one of their names replaces it). Without
 * `sharing`, a chart stays shared as it was (a new one: with no one).
 */
export async function saveChart(args: {
  name: string;
  entityIds: string[];
  linkIds: string[];
  state: Record<string, unknown>;
  sharing?: ChartSharing;
}): Promise<SavedChartSummary> {
  const { sharing, ...rest } = args;
  const data = await gql<{ saveChart: SavedChartSummary }>(
    `mutation SaveChart($name: String!, $entityIds: [ID!]!, $linkIds: [ID!], $state: JSON!, $sharedWithUsers: [String!], $sharedWithAgency: Boolean) {
      saveChart(name: $name, entityIds: $entityIds, linkIds: $linkIds, state: $state, sharedWithUsers: $sharedWithUsers, sharedWithAgency: $sharedWithAgency) { ${SUMMARY} }
    }`,
    { ...rest, sharedWithUsers: sharing?.sharedWithUsers ?? null, sharedWithAgency: sharing?.sharedWithAgency ?? null },
  );
  return data.saveChart;
}

/** False when the chart is not the user's own (or is gone): nothing was deleted. */
export async function deleteSavedChart(id: string): Promise<boolean> {
  const data = await gql<{ deleteChart: boolean }>(`mutation DeleteChart($id: ID!) { deleteChart(id: $id) }`, { id });
  return data.deleteChart;
}

export type ExportFormat = 'PNG' | 'SVG' | 'GRAPHML' | 'CSV' | 'PDF' | 'PRINT';

/** Must succeed before a file is offered: the audit entry is the condition of the download. */
export async function recordExport(format: ExportFormat, entityIds: string[], chartName: string | null): Promise<{ count: number; at: string }> {
  const data = await gql<{ recordExport: { count: number; at: string } }>(
    `mutation RecordExport($format: ExportFormat!, $entityIds: [ID!]!, $chartName: String) {
      recordExport(format: $format, entityIds: $entityIds, chartName: $chartName) { count at }
    }`,
    { format, entityIds, chartName },
  );
  return data.recordExport;
}

let mapStyleAnswer: Promise<string | null> | null = null;
/**
 * The base map's MapLibre style URL the server is configured with (MAP_STYLE_URL), or null for the
 * plain offline map. Asked once per page; a failure counts as "none" (the plain map always works).
 */
export function fetchMapStyle(): Promise<string | null> {
  mapStyleAnswer ??= gql<{ health: { mapStyle: string | null } }>(`query MapStyle { health { mapStyle } }`, {})
    .then((d) => d.health.mapStyle)
    .catch(() => null);
  return mapStyleAnswer;
}
