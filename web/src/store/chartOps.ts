import type cytoscape from 'cytoscape';
import { NO_ANNOTATIONS, readAnnotations } from '../chart/annotations';
import type { Entity, Subgraph } from '../api/entities';
import { describeError, isAbort, isUnauthenticated } from '../api/errors';
import { fetchNeighbourhood, fetchOperations, fetchProvenance } from '../api/graph';
import { HELD_KIND } from '../chart/withheld';
import { arrangeOperationChart, fitChart, layoutAdded, selectOnly, viewportCentre } from '../chart/cy';
import { exportedElements } from '../chart/dataExport';
import { applyFilters, isFiltering, NO_FILTERS, type Filters } from '../chart/filters';
import { annotateLinks, reportInfo, unknownReportIds, type ReportInfo } from '../chart/grades';
import { groupSelection, ungroupSelection } from '../chart/groups';
import { ChartHistory } from '../chart/history';
import { applyLayout, type LayoutName, type LayoutRun } from '../chart/layouts';
import { flashFresh, mergeSubgraph, mergeSubgraphPaced } from '../chart/merge';
import { applyCommunities, applyHighlight, applyLabelMode, applyRank, markPath, type Highlight, type LabelMode } from '../chart/overlays';
import { describeRoute, describeScope, nothingChosen, pathScope, type PathChoice } from '../chart/pathScope';
import { captureState, restoreState, sameFrame, type ViewState } from '../chart/savedState';
import { summarise } from '../chart/summary';
import { fileBase, plural, today } from '../format';
import { latestRequest } from '../hooks/useLatestRequest';
import { fetchCommunities, fetchConnectingNetwork, fetchCoverage, fetchPaths, fetchRank, type RankMeasure } from '../api/analysis';
import { openSavedChart, recordExport, saveChart, type ChartSharing, type ExportFormat, type SavedChartSummary } from '../api/charts';
import { captureUndoable, notify, patch, restoreUndoable, type ChartStore, type Undoable } from './chartStore';
import { chartEntityIds, endOf, readSelection, selectedEntities } from './readers';

/** Neighbours fetched per expansion: enough to see a hub's shape, few enough to stay readable. */
const EXPAND_LIMIT = 300;
/** The operation chart on the first screen (Operation Central had about 80 suspects, plus victims). */
const OPERATION_LIMIT = 500;
/** Neighbours fetched to find a search result's links to the chart (see addEntity). */
const SEARCH_LINK_LIMIT = 1000;
/** Report ids per provenance request (the server's cap). */
const REPORT_BATCH = 2000;

/**
 * Everything the workspace does to the chart, as plain functions over the Cytoscape chart and the
 * store — no React. Actions (../actions) and panels call these; each one records an undo step
 * before it changes the chart, shows progress in `session.pending` and failures in `session.error`.
 */
export function createChartOps(cy: cytoscape.Core, store: ChartStore, opts: { analyst: boolean }) {
  const history = new ChartHistory<Undoable>(cy, { capture: () => captureUndoable(store), restore: (u) => restoreUndoable(store, u) });
  history.onChange(() => patch(store, 'history', { canUndo: history.canUndo, canRedo: history.canRedo, undo: history.nextUndo, redo: history.nextRedo }));

  // Answers kept between chart changes, re-applied to whatever joins the chart later.
  const reportIndex = new Map<string, ReportInfo>();
  const grades = latestRequest();
  let groupCount = 0;

  const get = () => store.getState();
  const say = (notice: Parameters<typeof notify>[1]) => notify(store, notice);
  const bumpView = () => patch(store, 'chart', { viewTick: get().chart.viewTick + 1 });

  function showError(err: unknown, retry?: () => void): void {
    // UNAUTHENTICATED: the app shell has already ended the session and shows the sign-in form.
    if (isAbort(err) || isUnauthenticated(err)) return;
    const { message, code } = describeError(err);
    patch(store, 'session', { error: { message, code, retry } });
  }

  /** Runs a server round trip with the loading indicator up and failures in the error banner. */
  async function track(label: string, work: () => Promise<void>, retry?: () => void): Promise<void> {
    const pending = () => get().session.pending;
    patch(store, 'session', { pending: { count: pending().count + 1, label }, error: null });
    try {
      await work();
    } catch (err) {
      showError(err, retry);
    } finally {
      const p = pending();
      patch(store, 'session', { pending: { count: p.count - 1, label: p.count > 1 ? p.label : '' } });
    }
  }

  /** Call before any change to the chart's elements, view or analysis: Undo returns to the state now. */
  const record = (what: string) => history.record(what);

  /** Mirrors the chart into the store (selection, counts); called once a frame after chart events. */
  function refreshMirror(): void {
    patch(store, 'chart', {
      selection: readSelection(cy),
      summary: summarise(cy),
      selectedIds: new Set(cy.$(':selected').map((e) => e.id())),
      selectedNodes: selectedEntities(cy).length,
    });
  }

  let labelsShown: LabelMode = 'name';

  /**
   * Filters, hand-hiding, ranks, communities, highlights and labels apply to whatever is on the chart
   * now: after elements join, and after Undo / Redo put back an earlier view and analysis.
   */
  function reapply(): void {
    const { view, analysis } = get();
    annotateLinks(cy, reportIndex);
    const outOfView = applyFilters(cy, view.filters);
    if (view.labels !== labelsShown) setLabels(view.labels);
    applyRank(cy, analysis.rankScores ? new Map(analysis.rankScores) : null);
    const communityCount = applyCommunities(cy, analysis.membership ? new Map(analysis.membership) : null);
    applyHighlight(cy, analysis.highlight, new Set(analysis.neverActioned));
    patch(store, 'analysis', { communityCount: analysis.membership ? communityCount : null });
    patch(store, 'chart', { outOfView, viewTick: get().chart.viewTick + 1 });
  }

  const sourceTypes = () => [...new Set([...reportIndex.values()].map((r) => r.sourceType).filter((t): t is string => !!t))].sort();

  /** After elements were added or removed: re-apply the view, and fetch the grades of new reports. */
  function elementsChanged(): void {
    patch(store, 'chart', { version: get().chart.version + 1 });
    reapply();
    if (!opts.analyst) return;
    // Grades of the reports behind the chart's links: for dash styles and the grade / source filters.
    const missing = unknownReportIds(cy, reportIndex);
    patch(store, 'chart', { sourceTypes: sourceTypes() });
    if (!missing.length) return;
    grades
      .run(async (signal) => {
        for (let i = 0; i < missing.length; i += REPORT_BATCH) {
          const batch = missing.slice(i, i + REPORT_BATCH);
          const found = await fetchProvenance({ reportIds: batch }, signal);
          for (const e of found) reportIndex.set(e.id, reportInfo(e));
          // Ids the server did not return (deleted, or never a report) are remembered as unknown.
          for (const id of batch)
            if (!reportIndex.has(id))
              reportIndex.set(id, { id, label: id, receivedOn: null, sourceType: null, sourceGrade: null, intelGrade: null, handling: null, ownerAgency: null, withheld: true, summary: null });
        }
        return true;
      })
      .then((done) => {
        if (!done || cy.destroyed()) return;
        patch(store, 'chart', { sourceTypes: sourceTypes() });
        reapply();
      })
      .catch((err: unknown) => console.warn('report grades unavailable', err));
  }

  /** The operation's chart: the first screen, and the toolbar's way back to it. */
  function loadOperationChart(signal?: AbortSignal): void {
    void track(
      'Loading the operation chart…',
      async () => {
        const ops = await fetchOperations(signal);
        // The newest operation this user may see: one a team holds under restriction is only a flag.
        const op = ops.find((o) => o.kind !== HELD_KIND);
        if (!op) {
          // No operation held: the empty state invites a search instead.
          patch(store, 'session', { operation: null });
          return;
        }
        patch(store, 'session', { operation: { id: op.id, name: op.name || op.id } });
        const sub = await fetchNeighbourhood({ ids: [op.id], hops: 1, limit: OPERATION_LIMIT }, signal);
        if (cy.destroyed() || signal?.aborted) return;
        const wasEmpty = cy.nodes().empty();
        if (!wasEmpty) record('Add the operation chart');
        const anchor = cy.getElementById(op.id);
        const { addedNodes } = await mergeSubgraphPaced(cy, sub, wasEmpty ? {} : { around: anchor.nonempty() ? anchor.position() : viewportCentre(cy) });
        if (cy.destroyed()) return;
        // The first screen: the operation's people in boxes by disposition and role (chart/operationBoxes.ts).
        if (wasEmpty) await arrangeOperationChart(cy, op.id);
        else {
          flashFresh(addedNodes);
          await layoutAdded(cy, addedNodes);
        }
        if (sub.truncated) say(`Operation chart: showing ${sub.nodes.length} of more — expand entities to see the rest.`);
      },
      () => loadOperationChart(),
    );
  }

  /**
   * Double-click, E, the context menu or the details panel: bring in the neighbours of one entity or
   * of the whole selection (all links, or some link types) and lay out only what is new.
   */
  function expand(idOrIds: string | string[], linkTypes?: string[]): void {
    const ids = (Array.isArray(idOrIds) ? idOrIds : [idOrIds]).slice(0, 500);
    void track(
      'Expanding…',
      async () => {
        const sub = await fetchNeighbourhood({ ids, hops: 1, limit: EXPAND_LIMIT * Math.min(ids.length, 5), ...(linkTypes ? { linkTypes } : {}) });
        if (cy.destroyed()) return;
        const who = ids.length === 1 ? endOf(cy, ids[0]!).label : `${ids.length} entities`;
        record(`Expand ${who}`);
        const centres = cy.nodes().filter((n) => ids.includes(n.id()));
        const bb = centres.nonempty() ? centres.boundingBox({}) : null;
        const around = bb ? { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 } : viewportCentre(cy);
        // A big neighbourhood arrives a chunk per frame (merge.ts); what follows waits for all of it.
        const { addedNodes, addedEdges } = await mergeSubgraphPaced(cy, sub, { around });
        if (cy.destroyed()) return;
        flashFresh(addedNodes.union(addedEdges));
        const filter = linkTypes?.length ? ` (${linkTypes.join(', ')})` : '';
        if (sub.truncated) say(`${who}${filter}: showing ${sub.nodes.length} of more — narrow by link type.`);
        else if (addedNodes.empty() && addedEdges.empty()) say(`${who}${filter}: nothing new — everything linked is already on the chart.`);
        else say(ids.length > 1 ? `${who}${filter}: ${plural(addedNodes.length, 'entity', 'entities')} and ${plural(addedEdges.length, 'link')} added.` : null);
        await layoutAdded(cy, addedNodes);
      },
      () => expand(ids, linkTypes),
    );
  }

  /**
   * A search result joins the chart with only its links to entities already there, not its whole
   * neighbourhood: the analyst asked "where does this one fit in the picture?", and pulling in every
   * neighbour would bury the answer. The rest is one double-click away.
   */
  function addEntity(entity: Entity): void {
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
        const links = sub.links.filter((l) => (l.source === entity.id && onChart(l.target)) || (l.target === entity.id && onChart(l.source)));
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
        say(
          (n === 0 ? `Added ${entity.label}: no links to anything on the chart. Double-click it to expand.` : `Added ${entity.label}, with ${plural(n, 'link')} to the chart.`) + more,
        );
        selectOnly(cy, entity.id);
      },
      () => {
        // Retry: take the lone node off and add it again, links and all.
        cy.getElementById(entity.id).remove();
        addEntity(entity);
      },
    );
  }

  function relayout(name: LayoutName = get().view.layout): Promise<LayoutRun> {
    if (cy.nodes().empty()) return Promise.resolve({ ms: 0, where: 'none' });
    record('Layout');
    let run: LayoutRun = { ms: 0, where: 'none' };
    return track(`Laying out ${plural(cy.nodes(':visible').length, 'entity', 'entities')}…`, async () => {
      run = await applyLayout(cy, name);
    }).then(() => run);
  }

  function setLayout(name: LayoutName): void {
    patch(store, 'view', { layout: name });
    void relayout(name);
  }

  function setLabels(mode: LabelMode): void {
    patch(store, 'view', { labels: mode });
    applyLabelMode(cy, mode);
    labelsShown = mode;
  }

  /** Filters only change what is in view (never removes anything). */
  function setFilters(next: Filters | ((f: Filters) => Filters)): void {
    const filters = typeof next === 'function' ? next(get().view.filters) : next;
    patch(store, 'view', { filters });
    patch(store, 'chart', { outOfView: applyFilters(cy, filters) });
    bumpView();
  }

  function select(id: string, add = false): void {
    if (add) cy.getElementById(id).select();
    else selectOnly(cy, id);
  }

  /** Takes elements off the chart (never out of the database), with an undo. */
  function removeWithUndo(eles: cytoscape.Collection, what: string): void {
    if (eles.empty()) return;
    record(what);
    eles.union(eles.nodes().connectedEdges()).remove();
    say({ text: what, action: { label: 'Undo', run: () => undo() } });
  }

  function removeSelected(): void {
    const sel = cy.$(':selected');
    const n = sel.nodes().length;
    removeWithUndo(sel, `Removed ${n ? plural(n, 'entity', 'entities') : plural(sel.length, 'link')} from the chart.`);
  }

  function clear(): void {
    if (cy.elements().empty()) {
      say(null);
      return;
    }
    removeWithUndo(cy.elements(), `Chart cleared (${cy.nodes().length} entities).`);
    // Notes go with the chart they were written on (the undo step above keeps them).
    patch(store, 'view', { annotations: NO_ANNOTATIONS });
    patch(store, 'session', { chartName: null, chartId: null });
  }

  const fit = () => fitChart(cy);

  function undo(): void {
    const what = history.undo();
    if (what) say(`Undone: ${what}`);
    reapply();
  }
  function redo(): void {
    const what = history.redo();
    if (what) say(`Redone: ${what}`);
    reapply();
  }

  /** Hides the given elements (default: the selection); they stay on the chart. */
  function hide(eles: cytoscape.Collection = cy.$(':selected')): void {
    if (eles.empty()) return;
    record('Hide');
    eles.unselect();
    eles.addClass('hidden');
    bumpView();
    say(`Hid ${plural(eles.length, 'item')} (still on the chart; U shows them again).`);
  }

  function showAll(): void {
    const hidden = cy.elements('.hidden');
    if (hidden.empty()) return;
    record('Show hidden');
    hidden.removeClass('hidden');
    bumpView();
  }

  /** Pins or unpins the given entities (default: the selected ones). */
  function pin(nodes: cytoscape.NodeCollection = selectedEntities(cy)): void {
    if (nodes.empty()) return;
    record('Pin');
    const allPinned = nodes.every((n) => (n as cytoscape.NodeSingular).locked());
    if (allPinned) nodes.unlock().removeClass('pinned');
    else nodes.lock().addClass('pinned');
    say(`${allPinned ? 'Unpinned' : 'Pinned'} ${plural(nodes.length, 'entity', 'entities')}${allPinned ? '' : ': layouts leave them where they are'}.`);
  }

  function group(): void {
    const n = selectedEntities(cy).length;
    if (n < 2) return;
    record('Group');
    groupSelection(cy, `Group ${++groupCount} (${n})`);
  }

  function ungroup(): void {
    record('Ungroup');
    ungroupSelection(cy);
  }

  function renameGroup(id: string, name: string): void {
    record('Rename group');
    cy.getElementById(id).data('label', name);
  }

  /** Merges an analysis answer into the chart and marks it. Returns how many entities were added. */
  async function showAnswer(sub: Subgraph, what: string): Promise<number> {
    record(what);
    const sel = cy.$('node:selected');
    const bb = sel.nonempty() ? sel.boundingBox({}) : null;
    const around = bb ? { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 } : viewportCentre(cy);
    const { addedNodes } = await mergeSubgraphPaced(cy, sub, { around });
    const ids = new Set([...sub.nodes.map((n) => n.id), ...sub.links.map((l) => `link:${l.id}`)]);
    const answer = cy.elements().filter((e) => ids.has(e.id()));
    markPath(cy, answer);
    patch(store, 'analysis', { answer: { what, ids: answer.map((e) => e.id()) } });
    // An answer must be visible: take it out of hand-hiding (filters still apply, and say so).
    answer.removeClass('hidden');
    flashFresh(addedNodes);
    await layoutAdded(cy, addedNodes);
    return addedNodes.length;
  }

  /** Shortest paths between two entities (default: the two selected). */
  function paths(pair?: [string, string]): void {
    const sel = selectedEntities(cy);
    if (!pair && sel.length !== 2) {
      say('Select exactly two entities (Shift+click) to find the paths between them.');
      return;
    }
    const [a, b] = pair ?? [sel[0]!.id(), sel[1]!.id()];
    const names = `${endOf(cy, a).label} and ${endOf(cy, b).label}`;
    const { pathChoice, filters } = get().view;
    if (nothingChosen(pathChoice)) {
      say('Tick at least one kind of link to follow (Analysis: links to follow).');
      return;
    }
    const over = describeScope(pathChoice, filters);
    void track(`Finding paths between ${names}…`, async () => {
      const found = await fetchPaths({ from: a, to: b, maxHops: 4, all: true, ...pathScope(pathChoice, filters) });
      if (!found.length) {
        say(`No route within 4 hops between ${names} over ${over}.`);
        markPath(cy, null);
        patch(store, 'analysis', { answer: null, routes: null, routeIndex: null });
        return;
      }
      const sub: Subgraph = { nodes: found.flatMap((p) => p.nodes), links: found.flatMap((p) => p.links), truncated: false };
      const added = await showAnswer(sub, `Paths between ${names}`);
      const routes = found.map((p) => ({ text: describeRoute(p), ids: [...p.nodes.map((n) => n.id), ...p.links.map((l) => `link:${l.id}`)] }));
      patch(store, 'analysis', { routes, routeIndex: null });
      const len = found[0]!.length;
      say(
        `${plural(found.length, 'shortest route')} of ${plural(len, 'hop')} between ${names} over ${over}, marked in orange${added ? `; ${added} entities added` : ''}.${isFiltering(filters) ? ' Filters may hide part of them.' : ''}`,
      );
    });
  }

  /** Marks one route of the last path search on its own (null: all of them). */
  function showRoute(index: number | null): void {
    const { routes, answer } = get().analysis;
    const route = index === null ? null : routes?.[index];
    const ids = new Set(route ? route.ids : (answer?.ids ?? []));
    const marked = cy.elements().filter((e) => ids.has(e.id()));
    markPath(cy, marked);
    // One route stepped to is framed, so its names fit and it is not lost inside a box of 72.
    if (route && marked.nonempty()) cy.animate({ fit: { eles: marked, padding: 90 } }, { duration: 300 });
    patch(store, 'analysis', { routeIndex: route ? index : null });
  }

  function setPathChoice(pathChoice: PathChoice): void {
    patch(store, 'view', { pathChoice });
    // The routes on show were found over the previous choice: say so rather than let them pass for an answer.
    if (get().analysis.routes) say('The links to follow changed: the routes shown were found over the previous choice. Press Shortest paths (S) to search again.');
  }

  function connecting(): void {
    const ids = selectedEntities(cy).map((n) => n.id());
    if (ids.length < 2 || ids.length > 10) {
      say('Select two to ten entities for their connecting network.');
      return;
    }
    const { pathChoice, filters } = get().view;
    if (nothingChosen(pathChoice)) {
      say('Tick at least one kind of link to follow (Analysis: links to follow).');
      return;
    }
    void track(`Connecting ${ids.length} entities…`, async () => {
      const sub = await fetchConnectingNetwork(ids, 4, pathScope(pathChoice, filters));
      if (!sub.links.length) {
        say(`Nothing joins the selected entities within 4 hops over ${describeScope(pathChoice, filters)}.`);
        return;
      }
      patch(store, 'analysis', { routes: null, routeIndex: null });
      const added = await showAnswer(sub, 'Connecting network');
      say(`Connecting network: ${plural(sub.nodes.length, 'entity', 'entities')}, ${plural(sub.links.length, 'link')}, marked in orange${added ? `; ${added} added` : ''}.`);
    });
  }

  // The analysis choices below record an undo step when the analyst makes them (set…), not when a
  // saved chart brings them back (apply…: that is part of its one "Open" step).
  function setRank(m: RankMeasure | ''): void {
    record(m ? 'Size by rank' : 'No ranking');
    applyRankChoice(m);
  }
  function applyRankChoice(m: RankMeasure | ''): void {
    patch(store, 'analysis', { rank: m });
    if (!m) {
      patch(store, 'analysis', { rankScores: null });
      applyRank(cy, null);
      return;
    }
    void track(`Ranking by ${m.toLowerCase()}…`, async () => {
      // Ranked among the chart's own entities: "who is central in this picture".
      const ranked = await fetchRank(m, 500, chartEntityIds(cy));
      const scores = new Map(ranked.map((r) => [r.entity.id, r.score]));
      patch(store, 'analysis', { rankScores: scores });
      const n = applyRank(cy, scores);
      say(`Sized by ${m === 'DEGREE' ? 'links to other persons' : 'betweenness (brokers)'} among the chart's persons: ${plural(n, 'person')} ranked; everything else is drawn small. Re-rank after the chart changes.`);
    });
  }

  function setCommunities(on: boolean): void {
    record(on ? 'Colour by community' : 'No community colours');
    applyCommunityChoice(on);
  }
  function applyCommunityChoice(on: boolean): void {
    patch(store, 'analysis', { communities: on });
    if (!on) {
      patch(store, 'analysis', { membership: null, communityCount: null });
      applyCommunities(cy, null);
      return;
    }
    void track('Finding communities…', async () => {
      const c = await fetchCommunities(chartEntityIds(cy));
      const m = new Map<string, number>();
      c.communities.forEach((com, i) => com.members.forEach((mem) => m.set(mem.id, i)));
      patch(store, 'analysis', { membership: m, communityCount: applyCommunities(cy, m) });
    });
  }

  function setHighlight(h: Highlight): void {
    record('Highlight');
    applyHighlightChoice(h);
  }
  function applyHighlightChoice(h: Highlight): void {
    patch(store, 'analysis', { highlight: h });
    const n = applyHighlight(cy, h, new Set(get().analysis.neverActioned));
    if (h !== 'none') say(n ? `Highlighted ${plural(n, 'entity', 'entities')}.` : 'Nothing on the chart to highlight.');
  }

  function showNeverActioned(): void {
    const operation = get().session.operation;
    if (!operation) return;
    void track('Checking who was never actioned…', async () => {
      const cov = await fetchCoverage(operation.id);
      if (!cov) {
        patch(store, 'analysis', { coverageText: 'The operation was not found.' });
        return;
      }
      const missing = cov.neverActioned.filter((p) => cy.getElementById(p.id).empty());
      record(missing.length ? 'Add persons never actioned' : 'Highlight never actioned');
      if (missing.length) {
        const { addedNodes } = mergeSubgraph(cy, { nodes: missing, links: [], truncated: false }, { around: viewportCentre(cy) });
        await layoutAdded(cy, addedNodes);
      }
      const neverActioned = new Set(cov.neverActioned.map((p) => p.id));
      applyHighlight(cy, 'never-actioned', neverActioned);
      const done = Object.entries(cov.byDisposition)
        .filter(([k]) => k !== 'identified')
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      patch(store, 'analysis', {
        neverActioned,
        highlight: 'never-actioned',
        coverageText: `${cov.neverActioned.length} of ${cov.onChart} suspects never actioned${done ? ` (${done})` : ''}.${missing.length ? ` ${missing.length} added to the chart.` : ''}`,
      });
    });
  }

  async function save(name: string, sharing?: ChartSharing): Promise<void> {
    const { view, analysis } = get();
    const { state, entityIds, linkIds } = captureState(
      cy,
      view.filters,
      { rank: analysis.rank, communities: analysis.communities, highlight: analysis.highlight, labels: view.labels, layout: view.layout },
      view.annotations,
    );
    try {
      const saved = await saveChart({ name, entityIds, linkIds, state: state as unknown as Record<string, unknown>, sharing });
      patch(store, 'session', { chartName: name, chartId: saved.id });
      const who = saved.shared ? 'You and those you shared it with' : 'Only you';
      say(`Saved "${name}" (${plural(entityIds.length, 'entity', 'entities')}). ${who} can open it from Charts.`);
    } catch (err) {
      showError(err);
    }
  }

  /**
   * Replaces what is on the chart with a stored chart (a saved chart, the working chart): its
   * elements as the server read them now, then how it looked (positions, groups, filters, styling).
   * A big chart arrives a chunk per frame: then it returns a promise, resolved once the chart is
   * whole and looks as stored (a small one is shown at once, as before).
   */
  function showStored(elements: Subgraph, state: ViewState): void | Promise<void> {
    cy.elements().remove();
    const merging = mergeSubgraphPaced(cy, elements);
    if (merging instanceof Promise) return merging.then(() => (cy.destroyed() ? undefined : showState(state)));
    showState(state);
  }

  /** How a stored chart looked, put back once its elements are on the chart (showStored). */
  function showState(state: ViewState): void {
    restoreState(cy, state);
    const s = state.styling;
    patch(store, 'view', {
      filters: { ...NO_FILTERS, ...(state.filters ?? {}) },
      ...(s ? { layout: s.layout ?? 'fcose', labels: s.labels ?? 'name' } : {}),
      annotations: readAnnotations(state.annotations),
    });
    reapply();
    if (s) {
      const { analysis } = get();
      if ((s.rank ?? '') !== analysis.rank) applyRankChoice((s.rank ?? '') as RankMeasure | '');
      if (!!s.communities !== analysis.communities) applyCommunityChoice(!!s.communities);
      if (s.highlight && s.highlight !== 'never-actioned') applyHighlightChoice(s.highlight);
    }
    if (!sameFrame(cy, state.viewport)) fitChart(cy);
  }

  function open(c: SavedChartSummary): void {
    void track(`Opening "${c.name}"…`, async () => {
      const chart = await openSavedChart(c.id);
      if (cy.destroyed()) return;
      if (!chart) {
        say(`"${c.name}" no longer exists, or is no longer shared with you.`);
        return;
      }
      const state = chart.state as unknown as ViewState;
      record(`Open "${chart.name}"`);
      const showing = showStored(chart.elements, state);
      if (showing) await showing;
      if (cy.destroyed()) return;
      patch(store, 'session', { chartName: chart.name, chartId: chart.id });
      const saved = Object.keys(state.positions ?? {}).length;
      const gone = saved - chart.elements.nodes.length;
      say(
        `Opened "${chart.name}" (saved by ${chart.updatedBy}): ${plural(chart.elements.nodes.length, 'entity', 'entities')}.${gone > 0 ? ` ${gone} no longer in the graph.` : ''} Undo returns to the previous chart.`,
      );
    });
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    if (cy.nodes().empty()) {
      say('The chart is empty: nothing to export.');
      return;
    }
    const ids = exportedElements(cy).nodes.map((n) => n.id);
    const chartName = get().session.chartName;
    patch(store, 'session', { exporting: true });
    try {
      // The audit entry first: no entry, no file.
      await recordExport(format, ids, chartName);
      // Loaded when first used: the pictures need a browser window, the PDF writer is big.
      const [{ csv, download, graphml }, sheet] = await Promise.all([import('../chart/export'), import('../print/sheetExport')]);
      // Named after the chart, else its operation: ten files called chart-<date> cannot be told apart.
      const base = `${fileBase(chartName ?? get().session.operation?.name ?? null)}-${today()}`;
      // Pictures are the printed sheet (light, title, key, date, author, marking): ../print.
      if (sheet.isSheetFormat(format)) await sheet.exportSheet(cy, format, chartName, base, get().view.annotations);
      else if (format === 'GRAPHML') download(`${base}.graphml`, graphml(cy), 'application/graphml+xml');
      else download(`${base}.csv`, csv(cy), 'text/csv');
      const what = format === 'GRAPHML' ? 'Exported GraphML' : format === 'PRINT' ? 'Opened printing for the sheet' : `Exported ${format}`;
      say(`${what} of ${plural(ids.length, 'visible entity', 'visible entities')}; recorded in the audit log.`);
    } catch (err) {
      showError(err);
    } finally {
      patch(store, 'session', { exporting: false });
    }
  }

  function dispose(): void {
    grades.abort();
  }

  return {
    cy,
    store,
    history,
    analyst: opts.analyst,
    showError,
    track,
    record,
    say,
    refreshMirror,
    reapply,
    elementsChanged,
    loadOperationChart,
    expand,
    showRoute,
    setPathChoice,
    addEntity,
    relayout,
    setLayout,
    setLabels,
    setFilters,
    select,
    removeWithUndo,
    removeSelected,
    clear,
    fit,
    undo,
    redo,
    hide,
    showAll,
    pin,
    group,
    ungroup,
    renameGroup,
    showAnswer,
    paths,
    connecting,
    setRank,
    setCommunities,
    setHighlight,
    showNeverActioned,
    save,
    open,
    showStored,
    exportAs,
    dispose,
  };
}

/** The workspace's operations; see createChartOps. */
export type ChartOps = ReturnType<typeof createChartOps>;
