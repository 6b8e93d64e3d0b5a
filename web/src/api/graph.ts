/**
 * The analyst's graph: the operations to start from, a neighbourhood to expand, the reports behind
 * what is shown, released text, and the base map's style.
 */
import {
  MapStyleDocument,
  NeighbourhoodDocument,
  OperationsDocument,
  ProvenanceDocument,
  ReleaseTextDocument,
  type NeighbourhoodQueryVariables,
  type OperationsQuery,
  type ProvenanceQueryVariables,
} from '../gql/graphql';
import type { Entity, Subgraph } from './entities';
import { gql } from './transport';

export type OperationSummary = OperationsQuery['operations'][number];

/** Operations (charts) held, newest first. */
export async function fetchOperations(signal?: AbortSignal): Promise<OperationSummary[]> {
  const data = await gql(OperationsDocument, {}, signal);
  return data.operations;
}

export interface NeighbourhoodArgs {
  ids: string[];
  hops?: number;
  limit?: number;
  /** Only follow these link types; omitted means all. */
  linkTypes?: string[];
}

export async function fetchNeighbourhood(args: NeighbourhoodArgs, signal?: AbortSignal): Promise<Subgraph> {
  const variables: NeighbourhoodQueryVariables = { ids: args.ids, hops: args.hops ?? 1 };
  if (args.limit !== undefined) variables.limit = args.limit;
  if (args.linkTypes && args.linkTypes.length > 0) variables.linkTypes = args.linkTypes;
  const data = await gql(NeighbourhoodDocument, variables, signal);
  return data.neighbourhood;
}

/** Reports by id plus those that mention `entityId`; restricted ones arrive withheld. */
export async function fetchProvenance(args: { reportIds?: string[]; entityId?: string }, signal?: AbortSignal): Promise<Entity[]> {
  const variables: ProvenanceQueryVariables = {};
  if (args.reportIds?.length) variables.reportIds = args.reportIds;
  if (args.entityId) variables.entityId = args.entityId;
  const data = await gql(ProvenanceDocument, variables, signal);
  return data.provenance;
}

/**
 * Writes a version of a record's free text for wider sharing (the owning agency only): those who
 * may not see the protected person it concerns read this instead of "withheld". Refused with
 * FORBIDDEN "Only <agency> can release this record's text." for anyone else.
 */
export async function releaseText(args: { id: string; field: string; text: string }, signal?: AbortSignal): Promise<Entity> {
  const data = await gql(ReleaseTextDocument, args, signal);
  return data.releaseText;
}

let mapStyleAnswer: Promise<string | null> | null = null;
/**
 * The base map's MapLibre style URL the server is configured with (MAP_STYLE_URL), or null for the
 * plain offline map. Asked once per page; a failure counts as "none" (the plain map always works).
 */
export function fetchMapStyle(): Promise<string | null> {
  mapStyleAnswer ??= gql(MapStyleDocument, {})
    .then((d) => d.health.mapStyle)
    .catch(() => null);
  return mapStyleAnswer;
}
