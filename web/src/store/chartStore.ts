import { createStore, type StoreApi } from 'zustand/vanilla';
import { NO_ANNOTATIONS, type Annotations } from '../chart/annotations';
import { NO_FILTERS, type Filters } from '../chart/filters';
import type { LayoutName } from '../chart/layouts';
import { DEFAULT_PATH_CHOICE, type PathChoice } from '../chart/pathScope';
import type { Highlight, LabelMode } from '../chart/overlays';
import { EMPTY_SUMMARY, type ChartSummary } from '../chart/summary';
import type { ErrorState, NoticeState } from '../components/Banners';
import type { Selection } from '../components/DetailsPanel';
import type { RankMeasure } from '../api/analysis';
import type { SavedChartSummary } from '../api/charts';

/**
 * The workspace's state in one place (a zustand vanilla store, read in components with `useChart`).
 *
 * The Cytoscape chart stays the source of truth for elements (positions, classes, groups); the store
 * mirrors what panels need from it (`chart`, refreshed once a frame) and holds everything else:
 * - `view`: how the analyst looks at the chart (filters, layout, label mode) — undoable;
 * - `analysis`: answers styling the chart (rank, communities, highlight, last path) — undoable;
 * - `session`: transient screen state (notices, busy, open dialogs, the saved chart's name);
 * - `history`: what Undo / Redo would do, for their buttons.
 * Undo restores the elements and `view` and `analysis` together (see ./history.ts).
 * Update `view` and `analysis` immutably (new Map / Set / object), since undo keeps references.
 */

export interface ViewSettings {
  filters: Filters;
  layout: LayoutName;
  labels: LabelMode;
  /** Which links paths and connecting networks follow (the chart's filters by default). */
  pathChoice: PathChoice;
  /** Notes and arrows the analyst drew on the chart; saved with it. */
  annotations: Annotations;
}

export interface AnalysisResults {
  rank: RankMeasure | '';
  /** The server's rank scores for the chart's entities, re-applied to entities added later. */
  rankScores: ReadonlyMap<string, number> | null;
  communities: boolean;
  /** Entity id → community index. */
  membership: ReadonlyMap<string, number> | null;
  communityCount: number | null;
  highlight: Highlight;
  neverActioned: ReadonlySet<string>;
  coverageText: string | null;
  /** The last path or connecting-network answer marked on the chart (element ids). */
  answer: { what: string; ids: string[] } | null;
  /** The routes of the last path search: each in words and its element ids; null before one. */
  routes: { text: string; ids: string[] }[] | null;
  /** The route marked on its own, or null when all are. */
  routeIndex: number | null;
}

/** Read from the chart once a frame (see ../chart/cy onChartChange); never written by panels. */
export interface ChartMirror {
  summary: ChartSummary;
  selection: Selection;
  selectedIds: Set<string>;
  /** Entities (not groups) selected. */
  selectedNodes: number;
  /** Bumped when elements are added or removed: derived views (filters, timeline, map) refresh. */
  version: number;
  /** Bumped when what is visible changes (filters, hide / show). */
  viewTick: number;
  outOfView: { nodes: number; links: number };
  /** Report source types seen behind the chart's links (for the filter panel). */
  sourceTypes: string[];
}

/** A note or an arrow drawn on the chart (see ../chart/annotations.ts). */
export interface AnnotationRef {
  kind: 'note' | 'arrow';
  id: string;
}

/**
 * Where a right-click opened the context menu (page coordinates; `at` in chart coordinates, where a
 * note would go), and on what: a chart element id, a note or arrow, or nothing (the canvas).
 */
export interface ContextMenuState {
  x: number;
  y: number;
  at: { x: number; y: number };
  targetId: string | null;
  annotation: AnnotationRef | null;
}

export interface SessionState {
  /** A count, not a flag: an expansion and a search can be in flight together. */
  pending: { count: number; label: string };
  error: ErrorState | null;
  notice: NoticeState | null;
  operation: { id: string; name: string } | null;
  chartName: string | null;
  /** The saved chart on screen (opened, or saved under its name): its address is /chart/<id>. */
  chartId: string | null;
  sideTab: string;
  /** The timeline and map dock under the chart. */
  dock: boolean;
  help: boolean;
  /** The sortable table of the chart's entities, in place of the dock. */
  table: boolean;
  menu: ContextMenuState | null;
  /** "Paths from here" picked on this entity: the next "Paths to here" asks between the two. */
  pathFrom: string | null;
  /** "Arrow from here" picked on this entity or note: the next "Arrow to here" draws it. */
  arrowFrom: { kind: 'entity' | 'note'; id: string } | null;
  /** The note whose text is being edited. */
  editingNote: string | null;
  /** Said by the screen reader (a polite live region): where keyboard navigation has got to. */
  announce: string;
  /** A saved chart about to be opened, while the purpose is confirmed or changed. */
  opening: SavedChartSummary | null;
  exporting: boolean;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undo: string | null;
  redo: string | null;
}

export interface ChartState {
  chart: ChartMirror;
  view: ViewSettings;
  analysis: AnalysisResults;
  session: SessionState;
  history: HistoryState;
}

export type ChartStore = StoreApi<ChartState>;

export const DEFAULT_VIEW: ViewSettings = { filters: NO_FILTERS, layout: 'fcose', labels: 'name', pathChoice: DEFAULT_PATH_CHOICE, annotations: NO_ANNOTATIONS };

export const NO_ANALYSIS: AnalysisResults = {
  rank: '',
  rankScores: null,
  communities: false,
  membership: null,
  communityCount: null,
  highlight: 'none',
  neverActioned: new Set(),
  coverageText: null,
  answer: null,
  routes: null,
  routeIndex: null,
};

export function createChartStore(): ChartStore {
  return createStore<ChartState>(() => ({
    chart: {
      summary: EMPTY_SUMMARY,
      selection: null,
      selectedIds: new Set(),
      selectedNodes: 0,
      version: 0,
      viewTick: 0,
      outOfView: { nodes: 0, links: 0 },
      sourceTypes: [],
    },
    view: DEFAULT_VIEW,
    analysis: NO_ANALYSIS,
    session: {
      pending: { count: 0, label: '' },
      error: null,
      notice: null,
      operation: null,
      chartName: null,
      chartId: null,
      sideTab: 'analysis',
      // On a short window (a 1280x720 laptop) the chart gets the height; T or the Timeline button opens the dock.
      dock: typeof window === 'undefined' || window.innerHeight >= 800,
      help: false,
      table: false,
      menu: null,
      pathFrom: null,
      arrowFrom: null,
      editingNote: null,
      announce: '',
      opening: null,
      exporting: false,
    },
    history: { canUndo: false, canRedo: false, undo: null, redo: null },
  }));
}

/** Merges a part of one slice: `patch(store, 'view', { labels: 'id' })`. */
export function patch<K extends keyof ChartState>(store: ChartStore, slice: K, part: Partial<ChartState[K]>): void {
  store.setState((s) => ({ [slice]: { ...s[slice], ...part } }) as Pick<ChartState, K>);
}

/** Shows a notice (replacing the one before); null takes it down. */
export function notify(store: ChartStore, notice: NoticeState | string | null): void {
  patch(store, 'session', { notice: typeof notice === 'string' ? { text: notice } : notice });
}

/** What Undo restores besides the elements. */
export interface Undoable {
  view: ViewSettings;
  analysis: AnalysisResults;
}

export const captureUndoable = (store: ChartStore): Undoable => {
  const { view, analysis } = store.getState();
  return { view, analysis };
};

export const restoreUndoable = (store: ChartStore, u: Undoable): void => store.setState({ view: u.view, analysis: u.analysis });
