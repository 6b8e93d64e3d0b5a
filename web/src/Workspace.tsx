import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import { describeError, fetchNeighbourhood, fetchOperations, isAbort, isUnauthenticated, type Entity, type Subgraph, type User } from './api';
import { createChart, destroyChart, fitChart, layoutAdded, onChartChange, runLayout, selectOnly, tuneForSize, viewportCentre } from './chart/cy';
import { datedEvents } from './chart/dates';
import { download, csv, exportedElements, graphml, pngBlob, svgText } from './chart/export';
import { applyFilters, isFiltering, NO_FILTERS, type Filters } from './chart/filters';
import { annotateLinks, reportInfo, unknownReportIds, type ReportInfo } from './chart/grades';
import { groupSelection, ungroupSelection } from './chart/groups';
import { ChartHistory } from './chart/history';
import { applyLayout, type LayoutName, type LayoutRun } from './chart/layouts';
import { flashFresh, mergeSubgraph, type EdgeData, type NodeData } from './chart/merge';
import { applyCommunities, applyHighlight, applyLabelMode, applyRank, markPath, type Highlight, type LabelMode } from './chart/overlays';
import { captureState, restoreState, type ViewState } from './chart/savedState';
import { EMPTY_SUMMARY, summarise, type ChartSummary } from './chart/summary';
import { AnalysisPanel } from './components/AnalysisPanel';
import { ErrorBanner, NoticeBanner, type ErrorState, type NoticeState } from './components/Banners';
import { ChartBar } from './components/ChartBar';
import { DetailsPanel, type End, type Selection } from './components/DetailsPanel';
import { FilterPanel } from './components/FilterPanel';
import { Legend } from './components/Legend';
import { MapPanel, type Place } from './components/MapPanel';
import { PurposeDialog } from './components/PurposeDialog';
import { SavedChartsPanel } from './components/SavedChartsPanel';
import { SearchBox } from './components/SearchBox';
import { SessionControls } from './components/SessionControls';
import { AlertsMenu } from './components/alerts/AlertsMenu';
import { useAlerts } from './components/alerts/useAlerts';
import { ShortcutHelp } from './components/ShortcutHelp';
import { SidePanel } from './components/SidePanel';
import { StatusBar } from './components/StatusBar';
import { TimelinePanel } from './components/TimelinePanel';
import { Toolbar } from './components/Toolbar';
import {
  fetchCommunities,
  fetchConnectingNetwork,
  fetchCoverage,
  fetchPaths,
  fetchProvenance,
  fetchRank,
  openSavedChart,
  recordExport,
  saveChart,
  type ExportFormat,
  type RankMeasure,
  type ChartSharing,
  type SavedChartSummary,
} from './workspaceApi';

/** Neighbours fetched per expansion: enough to see a hub's shape, few enough to stay readable. */
const EXPAND_LIMIT = 300;
/** The operation chart on the first screen (Operation Central had about 80 suspects, plus victims). */
const OPERATION_LIMIT = 500;
/** Neighbours fetched to find a search result's links to the chart (see addEntity). */
const SEARCH_LINK_LIMIT = 1000;
/** Report ids per provenance request (the server's cap). */
const REPORT_BATCH = 2000;

function endOf(cy: cytoscape.Core, id: string): End {
  const d = cy.getElementById(id).data() as NodeData | undefined;
  return d ? { id, label: d.label, kind: d.kind } : { id, label: id, kind: 'other' };
}

/** Reads what the panels show straight from the chart, which is the single source of truth. */
function readSelection(cy: cytoscape.Core): Selection {
  const sel = cy.$(':selected');
  if (sel.empty()) return null;
  const first = sel[0] as cytoscape.SingularElementReturnValue;
  if (sel.length === 1 && first.isNode() && first.data('isGroup')) {
    const members = (first as cytoscape.NodeSingular).children().map((n) => endOf(cy, n.id()));
    return { type: 'group', id: first.id(), label: String(first.data('label') ?? 'Group'), members };
  }
  if (sel.length > 1) {
    const members = sel.nodes().filter((n) => !n.data('isGroup')).union(sel.nodes().children());
    return { type: 'many', nodes: members.length, links: sel.edges().length, ids: members.map((n) => n.id()) };
  }
  const el = first;
  if (el.isNode()) {
    const d = el.data() as NodeData;
    const links = el.connectedEdges().map((edge) => {
      const ed = edge.data() as EdgeData;
      const outgoing = ed.source === d.id;
      return { edgeId: ed.id, link: ed.link, outgoing, other: endOf(cy, outgoing ? ed.target : ed.source) };
    });
    links.sort((a, b) => a.link.type.localeCompare(b.link.type) || a.other.label.localeCompare(b.other.label));
    return { type: 'node', entity: d.entity, links };
  }
  const ed = (el as cytoscape.EdgeSingular).data() as EdgeData;
  return { type: 'edge', edgeId: ed.id, link: ed.link, source: endOf(cy, ed.source), target: endOf(cy, ed.target) };
}

/** Ids of the entities on the chart (not groups), for analyses run within it (at most the server's 10,000). */
const chartEntityIds = (cy: cytoscape.Core): string[] =>
  cy
    .nodes()
    .filter((n) => !n.data('isGroup'))
    .map((n) => n.id())
    .slice(0, 10_000);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Props {
  /**
   * Who is signed in. Null while the sign-in form is up: the workspace then stays mounted but hidden,
   * with an empty chart, and asks the server for nothing. The app shell remounts it (a new key) for
   * every session, so nothing from one session (chart, search text, undo) survives into the next.
   */
  user: User | null;
  onSignOut(): void;
  /**
   * Inside another role's home (licensing's Chart tab): that home shows who is signed in and the
   * alerts, so the workspace does not. `active` false while another tab is in front: no shortcuts.
   */
  embedded?: boolean;
  active?: boolean;
}

/** Test and console hook: lay out and time it (the 5,000-element browser test uses it). */
type WindowWithWorkspace = Window & { __workspace?: { layout(name?: LayoutName): Promise<LayoutRun>; history: ChartHistory } };

/** The analyst's screen: search, chart, analysis, filters, timeline, map, details. */
export function Workspace({ user, onSignOut, embedded = false, active = true }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const historyRef = useRef<ChartHistory | null>(null);
  const analyst = user?.role === 'analyst';
  // The analyst's inbox, live; a home that embeds the workspace keeps its own.
  const alerts = useAlerts(!!user && !embedded && analyst);

  const [summary, setSummary] = useState<ChartSummary>(EMPTY_SUMMARY);
  const [selection, setSelection] = useState<Selection>(null);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [selectedNodes, setSelectedNodes] = useState(0);
  // A count, not a flag: an expansion and a search can be in flight together.
  const [pending, setPending] = useState<{ count: number; label: string }>({ count: 0, label: '' });
  const [error, setError] = useState<ErrorState | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [operation, setOperation] = useState<{ id: string; name: string } | null>(null);
  /** Bumped when elements are added or removed: derived views (filters, timeline, map) refresh. */
  const [version, setVersion] = useState(0);
  /** Bumped when what is visible changes (filters, hide / show). */
  const [viewTick, setViewTick] = useState(0);
  const [hist, setHist] = useState({ canUndo: false, canRedo: false, undo: null as string | null, redo: null as string | null });

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [outOfView, setOutOfView] = useState({ nodes: 0, links: 0 });
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [labels, setLabels] = useState<LabelMode>('name');
  const [rank, setRank] = useState<RankMeasure | ''>('');
  const [communities, setCommunities] = useState(false);
  const [communityCount, setCommunityCount] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<Highlight>('none');
  const [coverageText, setCoverageText] = useState<string | null>(null);
  const [chartName, setChartName] = useState<string | null>(null);
  const [sideTab, setSideTab] = useState('analysis');
  const [dock, setDock] = useState(true);
  const [help, setHelp] = useState(false);
  /** A saved chart about to be opened, while the purpose is confirmed or changed. */
  const [opening, setOpening] = useState<SavedChartSummary | null>(null);
  const [exporting, setExporting] = useState(false);
  const [sourceTypes, setSourceTypes] = useState<string[]>([]);

  // Answers kept between chart changes, re-applied to whatever joins the chart later.
  const reportIndex = useRef(new Map<string, ReportInfo>());
  const rankScores = useRef<Map<string, number> | null>(null);
  const membership = useRef<Map<string, number> | null>(null);
  const neverActioned = useRef(new Set<string>());
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const highlightRef = useRef(highlight);
  highlightRef.current = highlight;

  const showError = useCallback((err: unknown, retry?: () => void) => {
    // UNAUTHENTICATED: the app shell has already ended the session and shows the sign-in form.
    if (isAbort(err) || isUnauthenticated(err)) return;
    const { message, code } = describeError(err);
    setError({ message, code, retry });
  }, []);

  /** Runs a server round trip with the loading indicator up and failures in the error banner. */
  const track = useCallback(
    async (label: string, work: () => Promise<void>, retry?: () => void) => {
      setPending((p) => ({ count: p.count + 1, label }));
      setError(null);
      try {
        await work();
      } catch (err) {
        showError(err, retry);
      } finally {
        setPending((p) => ({ count: p.count - 1, label: p.count > 1 ? p.label : '' }));
      }
    },
    [showError],
  );

  /** Call before any change to the chart's elements: Undo returns to the state now. */
  const record = useCallback((what: string) => historyRef.current?.record(what), []);

  /** The operation's chart: the first screen, and the toolbar's way back to it. */
  const loadOperationChart = useCallback(
    (signal?: AbortSignal) =>
      void track(
        'Loading the operation chart…',
        async () => {
          const ops = await fetchOperations(signal);
          const op = ops[0];
          if (!op) {
            // No operation held: the empty state invites a search instead.
            setOperation(null);
            return;
          }
          setOperation({ id: op.id, name: op.name || op.id });
          const sub = await fetchNeighbourhood({ ids: [op.id], hops: 1, limit: OPERATION_LIMIT }, signal);
          const cy = cyRef.current;
          if (!cy || signal?.aborted) return;
          const wasEmpty = cy.nodes().empty();
          if (!wasEmpty) record('Add the operation chart');
          const anchor = cy.getElementById(op.id);
          const { addedNodes } = mergeSubgraph(cy, sub, wasEmpty ? {} : { around: anchor.nonempty() ? anchor.position() : viewportCentre(cy) });
          if (wasEmpty) await runLayout(cy);
          else {
            flashFresh(addedNodes);
            await layoutAdded(cy, addedNodes);
          }
          if (sub.truncated) {
            setNotice({ text: `Operation chart: showing ${sub.nodes.length} of more — expand entities to see the rest.` });
          }
        },
        () => loadOperationChart(),
      ),
    [track, record],
  );

  /**
   * Double-click, E, or the details panel: bring in the neighbours of one entity or of the whole
   * selection (all links, or one link type) and lay out only what is new.
   */
  const expand = useCallback(
    (idOrIds: string | string[], linkTypes?: string[]) => {
      const ids = (Array.isArray(idOrIds) ? idOrIds : [idOrIds]).slice(0, 500);
      return void track(
        'Expanding…',
        async () => {
          const sub = await fetchNeighbourhood({ ids, hops: 1, limit: EXPAND_LIMIT * Math.min(ids.length, 5), ...(linkTypes ? { linkTypes } : {}) });
          const cy = cyRef.current;
          if (!cy) return;
          const who = ids.length === 1 ? endOf(cy, ids[0]!).label : `${ids.length} entities`;
          record(`Expand ${who}`);
          const centres = cy.nodes().filter((n) => ids.includes(n.id()));
          const bb = centres.nonempty() ? centres.boundingBox({}) : null;
          const around = bb ? { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 } : viewportCentre(cy);
          const { addedNodes, addedEdges } = mergeSubgraph(cy, sub, { around });
          flashFresh(addedNodes.union(addedEdges));
          const filter = linkTypes?.length ? ` (${linkTypes.join(', ')})` : '';
          if (sub.truncated) {
            setNotice({ text: `${who}${filter}: showing ${sub.nodes.length} of more — narrow by link type.` });
          } else if (addedNodes.empty() && addedEdges.empty()) {
            setNotice({ text: `${who}${filter}: nothing new — everything linked is already on the chart.` });
          } else {
            setNotice(ids.length > 1 ? { text: `${who}${filter}: ${plural(addedNodes.length, 'entity', 'entities')} and ${plural(addedEdges.length, 'link', 'links')} added.` } : null);
          }
          await layoutAdded(cy, addedNodes);
        },
        () => expand(ids, linkTypes),
      );
    },
    [track, record],
  );

  /**
   * A search result joins the chart with only its links to entities already there, not its whole
   * neighbourhood: the analyst asked "where does this one fit in the picture?", and pulling in every
   * neighbour would bury the answer. The rest is one double-click away.
   */
  const addEntity = useCallback(
    (entity: Entity) => {
      const cy = cyRef.current;
      if (!cy) return;
      if (cy.getElementById(entity.id).nonempty()) {
        selectOnly(cy, entity.id);
        return;
      }
      record(`Add ${entity.label}`);
      // The node appears at once, where the analyst is looking; its links follow from the server.
      mergeSubgraph(cy, { nodes: [entity], links: [], truncated: false }, { around: viewportCentre(cy) });
      const node = cy.getElementById(entity.id);
      node.position(viewportCentre(cy));
      selectOnly(cy, entity.id);
      void track(
        `Adding ${entity.label}…`,
        async () => {
          const sub = await fetchNeighbourhood({ ids: [entity.id], hops: 1, limit: SEARCH_LINK_LIMIT });
          if (cy.destroyed() || cy.getElementById(entity.id).empty()) return; // removed meanwhile
          const onChart = (id: string) => cy.getElementById(id).nonempty();
          const links = sub.links.filter(
            (l) => (l.source === entity.id && onChart(l.target)) || (l.target === entity.id && onChart(l.source)),
          );
          const self = sub.nodes.filter((n) => n.id === entity.id);
          const { addedEdges } = mergeSubgraph(cy, { nodes: self, links, truncated: false });
          flashFresh(node.union(addedEdges));
          const partners = node.neighborhood().nodes();
          if (partners.nonempty()) {
            // Start next to what it links to, then let the layout settle it with those held still.
            const bb = partners.boundingBox({});
            node.position({ x: (bb.x1 + bb.x2) / 2 + 60, y: (bb.y1 + bb.y2) / 2 + 60 });
            await layoutAdded(cy, node);
          }
          const n = addedEdges.length;
          const more = sub.truncated ? ' It has more neighbours than were checked, so some links may be missing.' : '';
          setNotice({
            text:
              (n === 0
                ? `Added ${entity.label}: no links to anything on the chart. Double-click it to expand.`
                : `Added ${entity.label}, with ${n} link${n === 1 ? '' : 's'} to the chart.`) + more,
          });
          selectOnly(cy, entity.id);
        },
        () => {
          // Retry: take the lone node off and add it again, links and all.
          cy.getElementById(entity.id).remove();
          addEntity(entity);
        },
      );
    },
    [track, record],
  );

  const relayout = useCallback(
    (name: LayoutName) => {
      const cy = cyRef.current;
      if (!cy || cy.nodes().empty()) return Promise.resolve({ ms: 0, where: 'none' } as LayoutRun);
      record('Layout');
      let run: LayoutRun = { ms: 0, where: 'none' };
      return track(`Laying out ${plural(cy.nodes(':visible').length, 'entity', 'entities')}…`, async () => {
        run = await applyLayout(cy, name);
      }).then(() => run);
    },
    [record, track],
  );

  // The chart is created once. Handlers reach the latest callbacks through a ref, so the chart's
  // listeners never need re-binding.
  const handlers = useRef({ expand, relayout });
  handlers.current = { expand, relayout };

  useEffect(() => {
    if (!container.current) return;
    const cy = createChart(container.current);
    cyRef.current = cy;
    const history = new ChartHistory(cy);
    historyRef.current = history;
    const stopHistory = history.onChange(() =>
      setHist({ canUndo: history.canUndo, canRedo: history.canRedo, undo: history.nextUndo, redo: history.nextRedo }),
    );

    const stopRefresh = onChartChange(cy, 'add remove data select unselect', (c) => {
      setSelection(readSelection(c));
      setSummary(summarise(c));
      setSelectedIds(new Set(c.$(':selected').map((e) => e.id())));
      setSelectedNodes(c.$('node:selected').filter((n) => !n.data('isGroup')).length);
    });
    const stopVersion = onChartChange(cy, 'add remove', (c) => {
      tuneForSize(c);
      setVersion((v) => v + 1);
    });
    cy.on('dbltap', 'node', (evt) => {
      const n = evt.target as cytoscape.NodeSingular;
      if (!n.data('isGroup')) handlers.current.expand(n.id());
    });
    (window as WindowWithWorkspace).__workspace = { layout: (name = 'fcose') => handlers.current.relayout(name), history };

    const ctrl = new AbortController();
    if (user) loadOperationChart(ctrl.signal);
    return () => {
      ctrl.abort();
      stopRefresh();
      stopVersion();
      stopHistory();
      delete (window as WindowWithWorkspace).__workspace;
      destroyChart(cy);
      cyRef.current = null;
    };
    // Once per mount (StrictMode mounts twice in development; the abort above covers that). `user`
    // is fixed for the life of a mount (see Props).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Filters, hand-hiding, ranks, communities and highlights apply to whatever is on the chart now. */
  const reapply = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    annotateLinks(cy, reportIndex.current);
    setOutOfView(applyFilters(cy, filtersRef.current));
    if (rankScores.current) applyRank(cy, rankScores.current);
    if (membership.current) setCommunityCount(applyCommunities(cy, membership.current));
    if (highlightRef.current !== 'none') applyHighlight(cy, highlightRef.current, neverActioned.current);
    setViewTick((t) => t + 1);
  }, []);

  useEffect(() => {
    reapply();
    const cy = cyRef.current;
    if (!cy || !analyst) return;
    // Grades of the reports behind the chart's links: for dash styles and the grade / source filters.
    const missing = unknownReportIds(cy, reportIndex.current);
    const types = new Set<string>();
    for (const r of reportIndex.current.values()) if (r.sourceType) types.add(r.sourceType);
    setSourceTypes([...types].sort());
    if (!missing.length) return;
    const ctrl = new AbortController();
    (async () => {
      for (let i = 0; i < missing.length; i += REPORT_BATCH) {
        const batch = missing.slice(i, i + REPORT_BATCH);
        const found = await fetchProvenance({ reportIds: batch }, ctrl.signal);
        for (const e of found) reportIndex.current.set(e.id, reportInfo(e));
        // Ids the server did not return (deleted, or never a report) are remembered as unknown.
        for (const id of batch) if (!reportIndex.current.has(id)) reportIndex.current.set(id, { id, label: id, receivedOn: null, sourceType: null, sourceGrade: null, intelGrade: null, handling: null, ownerAgency: null, withheld: true, summary: null });
      }
      if (ctrl.signal.aborted) return;
      const t = new Set<string>();
      for (const r of reportIndex.current.values()) if (r.sourceType) t.add(r.sourceType);
      setSourceTypes([...t].sort());
      reapply();
    })().catch((err: unknown) => {
      if (!isAbort(err)) console.warn('report grades unavailable', err);
    });
    return () => ctrl.abort();
  }, [version, analyst, reapply]);

  // Filters change: re-apply (never removes anything).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    setOutOfView(applyFilters(cy, filters));
    setViewTick((t) => t + 1);
  }, [filters]);

  const select = useCallback((id: string, add = false) => {
    const cy = cyRef.current;
    if (!cy) return;
    if (add) cy.getElementById(id).select();
    else selectOnly(cy, id);
  }, []);

  /** Takes elements off the chart (never out of the database), with an undo. */
  const removeWithUndo = useCallback(
    (eles: cytoscape.Collection, what: string) => {
      const cy = cyRef.current;
      if (!cy || eles.empty()) return;
      record(what);
      const gone = eles.union(eles.nodes().connectedEdges());
      gone.remove();
      setNotice({ text: what, action: { label: 'Undo', run: () => void historyRef.current?.undo() } });
    },
    [record],
  );

  const removeSelected = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const sel = cy.$(':selected');
    const n = sel.nodes().length;
    removeWithUndo(sel, `Removed ${n ? `${n} entit${n === 1 ? 'y' : 'ies'}` : `${sel.length} link${sel.length === 1 ? '' : 's'}`} from the chart.`);
  }, [removeWithUndo]);

  const clear = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    if (cy.elements().empty()) {
      setNotice(null);
      return;
    }
    removeWithUndo(cy.elements(), `Chart cleared (${cy.nodes().length} entities).`);
    setChartName(null);
  }, [removeWithUndo]);

  const fit = useCallback(() => {
    const cy = cyRef.current;
    if (cy) fitChart(cy);
  }, []);

  const undo = useCallback(() => {
    const what = historyRef.current?.undo();
    if (what) setNotice({ text: `Undone: ${what}` });
    reapply();
  }, [reapply]);
  const redo = useCallback(() => {
    const what = historyRef.current?.redo();
    if (what) setNotice({ text: `Redone: ${what}` });
    reapply();
  }, [reapply]);

  const hideSelected = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const sel = cy.$(':selected');
    if (sel.empty()) return;
    record('Hide');
    sel.unselect();
    sel.addClass('hidden');
    setViewTick((t) => t + 1);
    setNotice({ text: `Hid ${plural(sel.length, 'item', 'items')} (still on the chart; U shows them again).` });
  }, [record]);

  const showAll = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const hidden = cy.elements('.hidden');
    if (hidden.empty()) return;
    record('Show hidden');
    hidden.removeClass('hidden');
    setViewTick((t) => t + 1);
  }, [record]);

  const pinSelected = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const sel = cy.$('node:selected').filter((n) => !n.data('isGroup'));
    if (sel.empty()) return;
    record('Pin');
    const allPinned = sel.every((n) => (n as cytoscape.NodeSingular).locked());
    if (allPinned) sel.unlock().removeClass('pinned');
    else sel.lock().addClass('pinned');
    setNotice({ text: `${allPinned ? 'Unpinned' : 'Pinned'} ${plural(sel.length, 'entity', 'entities')}${allPinned ? '' : ': layouts leave them where they are'}.` });
  }, [record]);

  const groupCount = useRef(0);
  const group = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const n = cy.$('node:selected').filter((x) => !x.data('isGroup')).length;
    if (n < 2) return;
    record('Group');
    groupSelection(cy, `Group ${++groupCount.current} (${n})`);
  }, [record]);

  const ungroup = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    record('Ungroup');
    ungroupSelection(cy);
  }, [record]);

  const renameGroup = useCallback(
    (id: string, name: string) => {
      const cy = cyRef.current;
      if (!cy) return;
      record('Rename group');
      cy.getElementById(id).data('label', name);
    },
    [record],
  );

  const changeLabels = useCallback((mode: LabelMode) => {
    setLabels(mode);
    const cy = cyRef.current;
    if (cy) applyLabelMode(cy, mode);
  }, []);

  const changeLayout = useCallback(
    (name: LayoutName) => {
      setLayout(name);
      void relayout(name);
    },
    [relayout],
  );

  /** Merges an analysis answer into the chart and marks it. */
  const showAnswer = useCallback(
    async (sub: Subgraph, what: string) => {
      const cy = cyRef.current;
      if (!cy) return;
      record(what);
      const sel = cy.$('node:selected');
      const around = sel.nonempty() ? { x: (sel.boundingBox({}).x1 + sel.boundingBox({}).x2) / 2, y: (sel.boundingBox({}).y1 + sel.boundingBox({}).y2) / 2 } : viewportCentre(cy);
      const { addedNodes } = mergeSubgraph(cy, sub, { around });
      const ids = new Set([...sub.nodes.map((n) => n.id), ...sub.links.map((l) => `link:${l.id}`)]);
      const answer = cy.elements().filter((e) => ids.has(e.id()));
      markPath(cy, answer);
      // An answer must be visible: take it out of hand-hiding (filters still apply, and say so).
      answer.removeClass('hidden');
      flashFresh(addedNodes);
      await layoutAdded(cy, addedNodes);
      return addedNodes.length;
    },
    [record],
  );

  const paths = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const sel = cy.$('node:selected').filter((n) => !n.data('isGroup'));
    if (sel.length !== 2) {
      setNotice({ text: 'Select exactly two entities (Shift+click) to find the paths between them.' });
      return;
    }
    const [a, b] = [sel[0]!.id(), sel[1]!.id()];
    const names = `${endOf(cy, a).label} and ${endOf(cy, b).label}`;
    void track(`Finding paths between ${names}…`, async () => {
      const found = await fetchPaths({ from: a, to: b, maxHops: 4, all: true });
      if (!found.length) {
        setNotice({ text: `No path within 4 links between ${names}.` });
        markPath(cy, null);
        return;
      }
      const sub: Subgraph = { nodes: found.flatMap((p) => p.nodes), links: found.flatMap((p) => p.links), truncated: false };
      const added = await showAnswer(sub, `Paths between ${names}`);
      const len = found[0]!.length;
      setNotice({
        text: `${plural(found.length, 'shortest path', 'shortest paths')} of ${plural(len, 'link', 'links')} between ${names}, marked in orange${added ? `; ${added} entities added` : ''}.${isFiltering(filtersRef.current) ? ' Filters may hide part of them.' : ''}`,
      });
    });
  }, [track, showAnswer]);

  const connecting = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const ids = cy
      .$('node:selected')
      .filter((n) => !n.data('isGroup'))
      .map((n) => n.id());
    if (ids.length < 2 || ids.length > 10) {
      setNotice({ text: 'Select two to ten entities for their connecting network.' });
      return;
    }
    void track(`Connecting ${ids.length} entities…`, async () => {
      const sub = await fetchConnectingNetwork(ids, 4);
      if (!sub.links.length) {
        setNotice({ text: 'Nothing joins the selected entities within 4 links.' });
        return;
      }
      const added = await showAnswer(sub, 'Connecting network');
      setNotice({ text: `Connecting network: ${plural(sub.nodes.length, 'entity', 'entities')}, ${plural(sub.links.length, 'link', 'links')}, marked in orange${added ? `; ${added} added` : ''}.` });
    });
  }, [track, showAnswer]);

  const changeRank = useCallback(
    (m: RankMeasure | '') => {
      setRank(m);
      const cy = cyRef.current;
      if (!cy) return;
      if (!m) {
        rankScores.current = null;
        applyRank(cy, null);
        return;
      }
      void track(`Ranking by ${m.toLowerCase()}…`, async () => {
        // Ranked among the chart's own entities: "who is central in this picture".
        const ranked = await fetchRank(m, 500, chartEntityIds(cy));
        rankScores.current = new Map(ranked.map((r) => [r.entity.id, r.score]));
        const n = applyRank(cy, rankScores.current);
        setNotice({ text: `Sized by ${m === 'DEGREE' ? 'links to other persons' : 'betweenness (brokers)'} among the chart's persons: ${plural(n, 'person', 'persons')} ranked; everything else is drawn small. Re-rank after the chart changes.` });
      });
    },
    [track],
  );

  const changeCommunities = useCallback(
    (on: boolean) => {
      setCommunities(on);
      const cy = cyRef.current;
      if (!cy) return;
      if (!on) {
        membership.current = null;
        applyCommunities(cy, null);
        setCommunityCount(null);
        return;
      }
      void track('Finding communities…', async () => {
        const c = await fetchCommunities(chartEntityIds(cy));
        const m = new Map<string, number>();
        c.communities.forEach((com, i) => com.members.forEach((mem) => m.set(mem.id, i)));
        membership.current = m;
        setCommunityCount(applyCommunities(cy, m));
      });
    },
    [track],
  );

  const changeHighlight = useCallback((h: Highlight) => {
    setHighlight(h);
    const cy = cyRef.current;
    if (!cy) return;
    const n = applyHighlight(cy, h, neverActioned.current);
    if (h !== 'none') setNotice({ text: n ? `Highlighted ${plural(n, 'entity', 'entities')}.` : 'Nothing on the chart to highlight.' });
  }, []);

  const showNeverActioned = useCallback(() => {
    const cy = cyRef.current;
    if (!cy || !operation) return;
    void track('Checking who was never actioned…', async () => {
      const cov = await fetchCoverage(operation.id);
      if (!cov) {
        setCoverageText('The operation was not found.');
        return;
      }
      neverActioned.current = new Set(cov.neverActioned.map((p) => p.id));
      const missing = cov.neverActioned.filter((p) => cy.getElementById(p.id).empty());
      if (missing.length) {
        record('Add persons never actioned');
        const { addedNodes } = mergeSubgraph(cy, { nodes: missing, links: [], truncated: false }, { around: viewportCentre(cy) });
        await layoutAdded(cy, addedNodes);
      }
      setHighlight('never-actioned');
      applyHighlight(cy, 'never-actioned', neverActioned.current);
      const done = Object.entries(cov.byDisposition)
        .filter(([k]) => k !== 'identified')
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      setCoverageText(`${cov.neverActioned.length} of ${cov.onChart} suspects never actioned${done ? ` (${done})` : ''}.${missing.length ? ` ${missing.length} added to the chart.` : ''}`);
    });
  }, [operation, track, record]);

  const save = useCallback(
    async (name: string, sharing?: ChartSharing) => {
      const cy = cyRef.current;
      if (!cy) return;
      const { state, entityIds, linkIds } = captureState(cy, filtersRef.current, { rank, communities, highlight, labels, layout });
      try {
        const saved = await saveChart({ name, entityIds, linkIds, state: state as unknown as Record<string, unknown>, sharing });
        setChartName(name);
        const who = saved.shared ? 'You and those you shared it with' : 'Only you';
        setNotice({ text: `Saved "${name}" (${plural(entityIds.length, 'entity', 'entities')}). ${who} can open it from Charts.` });
      } catch (err) {
        showError(err);
      }
    },
    [rank, communities, highlight, labels, layout, showError],
  );

  const open = useCallback(
    (c: SavedChartSummary) =>
      void track(`Opening "${c.name}"…`, async () => {
        const chart = await openSavedChart(c.id);
        const cy = cyRef.current;
        if (!cy) return;
        if (!chart) {
          setNotice({ text: `"${c.name}" no longer exists, or is no longer shared with you.` });
          return;
        }
        const state = chart.state as unknown as ViewState;
        record(`Open "${chart.name}"`);
        cy.elements().remove();
        mergeSubgraph(cy, chart.elements);
        restoreState(cy, state);
        setChartName(chart.name);
        const f = { ...NO_FILTERS, ...(state.filters ?? {}) };
        setFilters(f);
        const s = state.styling;
        if (s) {
          setLayout(s.layout ?? 'fcose');
          changeLabels(s.labels ?? 'name');
          if ((s.rank ?? '') !== rank) changeRank((s.rank ?? '') as RankMeasure | '');
          if (!!s.communities !== communities) changeCommunities(!!s.communities);
          if (s.highlight && s.highlight !== 'never-actioned') changeHighlight(s.highlight);
        }
        const saved = Object.keys(state.positions ?? {}).length;
        const gone = saved - chart.elements.nodes.length;
        if (!state.viewport) fitChart(cy);
        setNotice({ text: `Opened "${chart.name}" (saved by ${chart.updatedBy}): ${plural(chart.elements.nodes.length, 'entity', 'entities')}.${gone > 0 ? ` ${gone} no longer in the graph.` : ''} Undo returns to the previous chart.` });
      }),
    [track, record, changeLabels, changeRank, changeCommunities, changeHighlight, rank, communities],
  );

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      const cy = cyRef.current;
      if (!cy || cy.nodes().empty()) {
        setNotice({ text: 'The chart is empty: nothing to export.' });
        return;
      }
      const ids = exportedElements(cy).nodes.map((n) => n.id);
      setExporting(true);
      try {
        // The audit entry first: no entry, no file.
        await recordExport(format, ids, chartName);
        const base = `${(chartName ?? 'chart').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-') || 'chart'}-${new Date().toISOString().slice(0, 10)}`;
        if (format === 'PNG') download(`${base}.png`, pngBlob(cy), 'image/png');
        else if (format === 'SVG') download(`${base}.svg`, svgText(cy), 'image/svg+xml');
        else if (format === 'GRAPHML') download(`${base}.graphml`, graphml(cy), 'application/graphml+xml');
        else download(`${base}.csv`, csv(cy), 'text/csv');
        setNotice({ text: `Exported ${format === 'GRAPHML' ? 'GraphML' : format} of ${plural(ids.length, 'visible entity', 'visible entities')}; recorded in the audit log.` });
      } catch (err) {
        showError(err);
      } finally {
        setExporting(false);
      }
    },
    [chartName, showError],
  );

  // Keyboard shortcuts, except while typing in a field. Without modifiers, but for undo / redo.
  useEffect(() => {
    if (!user || !active) return;
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
      const cy = cyRef.current;
      if (!cy) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) {
          e.preventDefault();
          undo();
        } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
          e.preventDefault();
          redo();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          e.preventDefault();
          removeSelected();
          break;
        case 'Escape':
          if (help) setHelp(false);
          else cy.$(':selected').unselect();
          break;
        case '?':
          setHelp((h) => !h);
          break;
        case 'f':
        case 'F':
          fit();
          break;
        case 'l':
        case 'L':
          void relayout(layout);
          break;
        case 'e':
        case 'E': {
          const n = cy.$('node:selected').filter((x) => !x.data('isGroup'));
          if (n.nonempty()) expand(n.map((x) => x.id()));
          break;
        }
        case 'h':
        case 'H':
          hideSelected();
          break;
        case 'u':
        case 'U':
          showAll();
          break;
        case 'p':
        case 'P':
          pinSelected();
          break;
        case 'g':
          group();
          break;
        case 'G':
          ungroup();
          break;
        case 's':
        case 'S':
          paths();
          break;
        case 'n':
        case 'N':
          connecting();
          break;
        case 't':
        case 'T':
          setDock((d) => !d);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [user, active, help, layout, expand, removeSelected, fit, relayout, undo, redo, hideSelected, showAll, pinSelected, group, ungroup, paths, connecting]);

  // What the timeline, the map and the filter panel show: recomputed when the chart or the view changes.
  const derived = useMemo(() => {
    const cy = cyRef.current;
    if (!cy) return { events: [], places: [] as Place[], out: new Set<string>(), linkTypes: [] as string[], hidden: 0 };
    const out = new Set<string>();
    cy.nodes().forEach((n) => {
      if (!n.visible()) out.add(n.id());
    });
    const places: Place[] = [];
    cy.nodes('[sk = "Location"]').forEach((n) => {
      const p = (n.data() as NodeData).entity.properties;
      const lat = Number(p.latitude);
      const lon = Number(p.longitude);
      if (p.latitude == null || p.longitude == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
      places.push({ id: n.id(), label: (n.data() as NodeData).label, lat, lon, hotspot: p.hotspot === true, count: n.neighborhood().nodes().length, outOfView: out.has(n.id()) });
    });
    const types = new Set<string>();
    cy.edges().forEach((e) => {
      types.add(e.data('type') as string);
    });
    return { events: datedEvents(cy), places, out, linkTypes: [...types].sort(), hidden: cy.elements('.hidden').length };
    // version and viewTick stand for the chart's content and visibility.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, viewTick]);

  const loading = pending.count > 0;
  const empty = summary.nodes === 0 && !loading && user !== null;
  const filtering = isFiltering(filters);
  return (
    // Hidden (not removed) while signed out, so the chart and its counts stay readable, and empty.
    <div className={user ? 'app' : 'app locked'} inert={!user}>
      <header className="topbar">
        <div className="brand">
          Link chart
          {operation && <span className="operation"> · {operation.name}</span>}
          {chartName && <span className="chart-name" data-testid="current-chart"> · “{chartName}”</span>}
        </div>
        {user && (
          <>
            <SearchBox onPick={addEntity} onError={showError} />
            <Toolbar
              onLayout={() => void relayout(layout)}
              onFit={fit}
              onRemoveSelected={removeSelected}
              onClear={clear}
              onReload={() => loadOperationChart()}
              canRemove={summary.selected > 0}
            />
            {analyst && !embedded && <AlertsMenu state={alerts} />}
            {!embedded && <SessionControls user={user} onSignOut={onSignOut} />}
          </>
        )}
      </header>
      {user && (
        <ChartBar
          layout={layout}
          onLayout={changeLayout}
          labels={labels}
          onLabels={changeLabels}
          canUndo={hist.canUndo}
          canRedo={hist.canRedo}
          undoWhat={hist.undo}
          redoWhat={hist.redo}
          onUndo={undo}
          onRedo={redo}
          selected={summary.selected}
          hiddenCount={derived.hidden}
          onHide={hideSelected}
          onShowAll={showAll}
          onPin={pinSelected}
          onGroup={group}
          onUngroup={ungroup}
          onExport={analyst ? (f) => void exportAs(f) : null}
          exporting={exporting}
          onHelp={() => setHelp(true)}
        />
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />}
      <main className="workspace three">
        {user ? (
          <SidePanel
            active={sideTab}
            onActive={setSideTab}
            tabs={[
              {
                id: 'analysis',
                label: 'Analysis',
                content: (
                  <AnalysisPanel
                    selectedNodes={selectedNodes}
                    analyst={analyst}
                    rank={rank}
                    onRank={changeRank}
                    communities={communities}
                    onCommunities={changeCommunities}
                    communityCount={communityCount}
                    highlight={highlight}
                    onHighlight={changeHighlight}
                    onPaths={paths}
                    onConnecting={connecting}
                    onNeverActioned={showNeverActioned}
                    coverageText={coverageText}
                    operationName={operation?.name ?? null}
                  />
                ),
              },
              {
                id: 'filters',
                label: 'Filters',
                badge: filtering ? `${outOfView.nodes + outOfView.links}` : undefined,
                content: (
                  <FilterPanel filters={filters} onChange={setFilters} kinds={summary.kinds} linkTypes={derived.linkTypes} sourceTypes={sourceTypes} outOfView={outOfView} />
                ),
              },
              ...(analyst
                ? [
                    {
                      id: 'charts',
                      label: 'Charts',
                      content: <SavedChartsPanel currentName={chartName} canSave={summary.nodes > 0} onSave={save} onOpen={setOpening} />,
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <aside className="side" />
        )}
        <div className="centre">
          <div className="chart-wrap">
            <div className="chart" ref={container} data-testid="chart" aria-label="Link chart" />
            {loading && (
              <div className="loading" data-testid="loading" role="status" aria-live="polite">
                <span className="spinner" aria-hidden="true" /> {pending.label || 'Loading…'}
              </div>
            )}
            {empty && (
              <div className="empty-state" data-testid="empty-state">
                <p className="empty-title">The chart is empty.</p>
                <p>Search for a name, phone number, registration or address to start.</p>
                <p className="muted small">Press / to jump to the search box, ? for all shortcuts.</p>
              </div>
            )}
            {filtering && summary.nodes > 0 && (
              <div className="filter-flag" data-testid="filter-flag">
                Filtered: {outOfView.nodes} entities, {outOfView.links} links out of view
              </div>
            )}
            <Legend kinds={summary.kinds} hasChild={summary.hasChild} hasHotspot={summary.hasHotspot} hasHeldLink={summary.hasHeldLink} />
          </div>
          {user && dock && (
            <div className="dock" data-testid="dock">
              <TimelinePanel
                events={derived.events}
                outOfView={derived.out}
                selected={selectedIds}
                from={filters.from}
                to={filters.to}
                onRange={(from, to) => setFilters((f) => ({ ...f, from, to }))}
                onSelect={select}
              />
              <MapPanel places={derived.places} selected={selectedIds} onSelect={select} />
            </div>
          )}
        </div>
        <DetailsPanel selection={selection} onSelect={select} onExpand={expand} analyst={analyst} onRenameGroup={renameGroup} />
      </main>
      <StatusBar nodes={summary.nodes} links={summary.links} selected={summary.selected} operation={operation?.name ?? null} />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {opening && user && (
        <PurposeDialog
          username={user.username}
          title={`Open “${opening.name}”`}
          lead="Keep the purpose of this work, or change it for this chart: what the chart shows is recorded under it."
          submitLabel={(changed) => (changed ? 'Change and open' : 'Keep and open')}
          onDone={() => {
            const c = opening;
            setOpening(null);
            open(c);
          }}
          onCancel={() => setOpening(null)}
        />
      )}
    </div>
  );
}

