/**
 * The working chart's server calls: read it back (`workingChart`) and replace it
 * (`saveWorkingChart`). Same client as api.ts; the save on leaving the page is sent with
 * `keepalive` so that it outlives the page.
 */
import { gql, purposeHeader, readToken, type Json, type Subgraph } from '../api';

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity { id kind label labels properties sources }
`;
const LINK_FIELDS = /* GraphQL */ `
  fragment LinkFields on Link { id type source target properties sources }
`;

/** What the autosave sends: ids and view state only, never case data. */
export interface WorkingChartInput {
  entityIds: string[];
  linkIds: string[];
  state: Record<string, unknown>;
}

export interface WorkingChart {
  updatedAt: string;
  nodeCount: number;
  state: { [key: string]: Json };
  /** Read fresh from the graph, as the user may see it now. */
  elements: Subgraph;
}

/** The signed-in analyst's working chart; null when they have none yet. */
export async function fetchWorkingChart(signal?: AbortSignal): Promise<WorkingChart | null> {
  const data = await gql<{ workingChart: WorkingChart | null }>(
    `query WorkingChart { workingChart { updatedAt nodeCount state elements { nodes { ...EntityFields } links { ...LinkFields } truncated } } } ${ENTITY_FIELDS} ${LINK_FIELDS}`,
    {},
    signal,
  );
  return data.workingChart;
}

const SAVE = `mutation SaveWorkingChart($entityIds: [ID!]!, $linkIds: [ID!], $state: JSON!) {
  saveWorkingChart(entityIds: $entityIds, linkIds: $linkIds, state: $state) { updatedAt nodeCount }
}`;

export async function saveWorkingChart(input: WorkingChartInput, signal?: AbortSignal): Promise<{ updatedAt: string; nodeCount: number }> {
  const data = await gql<{ saveWorkingChart: { updatedAt: string; nodeCount: number } }>(SAVE, { ...input }, signal);
  return data.saveWorkingChart;
}

/** Browsers cap the bodies of requests that outlive their page (keepalive) at 64 KB in all. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * The last save as the page goes away (closed, reloaded, hidden): fire and forget. A chart too
 * large for a keepalive request is sent as an ordinary one, which the browser may cut short; the
 * debounced save a moment earlier covers all but the last seconds.
 */
export function saveWorkingChartOnExit(input: WorkingChartInput): void {
  const token = readToken();
  if (!token) return;
  const body = JSON.stringify({ query: SAVE, variables: input });
  void fetch('/graphql', {
    method: 'POST',
    keepalive: body.length < KEEPALIVE_LIMIT,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}`, ...purposeHeader() },
    body,
  }).catch(() => undefined);
}
