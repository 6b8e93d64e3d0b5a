/**
 * Charts on the server: named saved charts (list, open, save, share, delete), the audited record of
 * every export, and the user's own working chart (autosave).
 */
import {
  DeleteChartDocument,
  RecordExportDocument,
  SaveChartDocument,
  SaveWorkingChartDocument,
  SavedChartDocument,
  SavedChartsDocument,
  WorkingChartDocument,
  type ExportFormat as SchemaExportFormat,
  type RecordExportMutation,
  type SaveWorkingChartMutation,
  type SavedChartQuery,
  type SavedChartSummaryFieldsFragment,
  type WorkingChartQuery,
} from '../gql/graphql';
import { authHeaders, gql } from './transport';

/**
 * A chart as the list shows it: `owner` (only they replace, re-share or delete it), `mine`,
 * `shared`, and whom it is shared with (`sharedWithUsers`, `sharedWithAgency`: for the owner only,
 * null for others).
 */
export type SavedChartSummary = SavedChartSummaryFieldsFragment;

/** A saved chart with its view state and its elements read fresh from the graph. */
export type SavedChart = NonNullable<SavedChartQuery['savedChart']>;

/** Who else may open a chart: users by name, and the author's agency. */
export interface ChartSharing {
  sharedWithUsers: string[];
  sharedWithAgency: boolean;
}

/** The signed-in user's charts and those shared with them. */
export async function listSavedCharts(signal?: AbortSignal): Promise<SavedChartSummary[]> {
  const data = await gql(SavedChartsDocument, {}, signal);
  return data.savedCharts;
}

/** Null when there is no such chart, or it is not (or no longer) shared with the user. */
export async function openSavedChart(id: string, signal?: AbortSignal): Promise<SavedChart | null> {
  const data = await gql(SavedChartDocument, { id }, signal);
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
  const data = await gql(SaveChartDocument, { ...rest, sharedWithUsers: sharing?.sharedWithUsers ?? null, sharedWithAgency: sharing?.sharedWithAgency ?? null });
  return data.saveChart;
}

/** False when the chart is not the user's own (or is gone): nothing was deleted. */
export async function deleteSavedChart(id: string): Promise<boolean> {
  const data = await gql(DeleteChartDocument, { id });
  return data.deleteChart;
}

export type ExportFormat = SchemaExportFormat;

/** Must succeed before a file is offered: the audit entry is the condition of the download. */
export async function recordExport(format: ExportFormat, entityIds: string[], chartName: string | null): Promise<RecordExportMutation['recordExport']> {
  const data = await gql(RecordExportDocument, { format, entityIds, chartName });
  return data.recordExport;
}

// ---------------------------------------------------------------------------------------------
// The working chart: read it back (`workingChart`) and replace it (`saveWorkingChart`); the save on
// leaving the page is sent with `keepalive` so that it outlives the page.

/** What the autosave sends: ids and view state only, never case data. */
export interface WorkingChartInput {
  entityIds: string[];
  linkIds: string[];
  state: Record<string, unknown>;
}

/** The working chart as saved; `elements` read fresh from the graph, as the user may see them now. */
export type WorkingChart = NonNullable<WorkingChartQuery['workingChart']>;

/** The signed-in analyst's working chart; null when they have none yet. */
export async function fetchWorkingChart(signal?: AbortSignal): Promise<WorkingChart | null> {
  const data = await gql(WorkingChartDocument, {}, signal);
  return data.workingChart;
}

export async function saveWorkingChart(input: WorkingChartInput, signal?: AbortSignal): Promise<SaveWorkingChartMutation['saveWorkingChart']> {
  const data = await gql(SaveWorkingChartDocument, { ...input }, signal);
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
  const headers = authHeaders();
  if (!headers.Authorization) return;
  const body = JSON.stringify({ query: String(SaveWorkingChartDocument), variables: input });
  void fetch('/graphql', {
    method: 'POST',
    keepalive: body.length < KEEPALIVE_LIMIT,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body,
  }).catch(() => undefined);
}
