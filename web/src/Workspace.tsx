import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type cytoscape from 'cytoscape';
import type { User } from './api/session';
import { ACTIONS } from './actions';
import { useActionKeys } from './actions/useActionKeys';
import { createChart, destroyChart, onChartChange, tuneForSize } from './chart/cy';
import { isFiltering } from './chart/filters';
import { legendFacts } from './chart/legend';
import { DEFAULT_PATH_CHOICE, describeScope } from './chart/pathScope';
import type { LayoutName, LayoutRun } from './chart/layouts';
import { AnalysisPanel } from './components/AnalysisPanel';
import { ErrorBanner, NoticeBanner } from './components/Banners';
import { ChartBar } from './components/ChartBar';
import { DetailsPanel } from './components/DetailsPanel';
import { FilterPanel } from './components/FilterPanel';
import { Legend } from './components/Legend';
import { MapPanel } from './components/MapPanel';
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
import { AnnotationLayer } from './components/AnnotationLayer';
import { ContextMenu } from './components/ContextMenu';
import { EntityTable } from './components/EntityTable';
import { openChartMenu } from './store/chartMenu';
import type { ChartHistory } from './chart/history';
import { createChartOps, type ChartOps } from './store/chartOps';
import { ImportScreen } from './import/ImportScreen';
import { useAppRoute } from './routing/useAppRoute';
import { useWorkingChart } from './autosave/useWorkingChart';
import { AutosaveStatus } from './autosave/AutosaveStatus';
import { createChartStore, patch, type ChartStore } from './store/chartStore';
import { deriveViews } from './store/readers';
import { useChart, useWorkspace, WorkspaceContext } from './store/WorkspaceContext';

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

/** Test and console hook: lay out and time it (the 5,000-element browser test uses it), the store and operations. */
type WindowWithWorkspace = Window & {
  __workspace?: { layout(name?: LayoutName): Promise<LayoutRun>; history: ChartHistory<unknown>; store: ChartStore; ops: ChartOps };
};

/**
 * The analyst's screen: search, chart, analysis, filters, timeline, map, details. State lives in the
 * chart store (./store/chartStore), what can be done in the actions (./actions) and the operations
 * they call (./store/chartOps); this component creates them and lays the panels out.
 */
export function Workspace({ user, onSignOut, embedded = false, active = true }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [store] = useState(createChartStore);
  const [ops, setOps] = useState<ChartOps | null>(null);
  const analyst = user?.role === 'analyst';
  // The analyst's inbox, live; a home that embeds the workspace keeps its own.
  const alerts = useAlerts(!!user && !embedded && analyst);
  // The analyst's own chart is saved as they work and comes back at the next sign-in; the address
  // names what is on it. Called before the chart is created, so that its last save on unmount still
  // finds the chart.
  const restoresWorkingChart = !!user && analyst && !embedded;
  const working = useWorkingChart(store, ops, user, restoresWorkingChart);
  // /import: the import screen over the workspace (analysts), the chart kept under it.
  const { route, navigate } = useAppRoute();
  const importing = restoresWorkingChart && route?.page === 'import';
  // Once opened it stays mounted (hidden under the chart), so an import running or finished is still there on return.
  const [importOpened, setImportOpened] = useState(false);
  if (importing && !importOpened) setImportOpened(true);

  // The chart is created once per mount, with its operations.
  useEffect(() => {
    if (!container.current) return;
    const cy = createChart(container.current);
    const o = createChartOps(cy, store, { analyst });
    const stopRefresh = onChartChange(cy, 'add remove data select unselect', () => o.refreshMirror());
    const stopVersion = onChartChange(cy, 'add remove', (c) => {
      tuneForSize(c);
      o.elementsChanged();
    });
    cy.on('dbltap', 'node', (evt) => {
      const n = evt.target as cytoscape.NodeSingular;
      if (n.data('entity')) o.expand(n.id());
    });
    cy.on('cxttap', (evt) => openChartMenu(store, container.current, evt));
    (window as WindowWithWorkspace).__workspace = { layout: (name = 'fcose') => o.relayout(name), history: o.history as ChartHistory<unknown>, store, ops: o };
    setOps(o);

    const ctrl = new AbortController();
    // The first screen: the working chart (useWorkingChart), else the operation's chart.
    if (user && !restoresWorkingChart) o.loadOperationChart(ctrl.signal);
    return () => {
      ctrl.abort();
      stopRefresh();
      stopVersion();
      o.dispose();
      delete (window as WindowWithWorkspace).__workspace;
      destroyChart(cy);
      setOps(null);
    };
    // Once per mount (StrictMode mounts twice in development; the abort above covers that). `user`
    // is fixed for the life of a mount (see Props).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Keys that move around the chart work while it has the keyboard focus (Tab reaches it).
  const focus = useMemo(() => ({ chartFocused: () => !!container.current && document.activeElement === container.current, target: () => null }), []);
  useActionKeys(ACTIONS, ops, !!user && active && !importing, focus);

  const context = useMemo(() => ({ store, ops, actions: ACTIONS }), [store, ops]);
  return (
    <WorkspaceContext.Provider value={context}>
      <WorkspaceScreen user={user} onSignOut={onSignOut} embedded={embedded} analyst={analyst} alerts={alerts} container={container} ops={ops} working={restoresWorkingChart ? working : null} covered={importing} />
      {importOpened && ops && <ImportScreen ops={ops} hidden={!importing} onClose={() => { const id = store.getState().session.chartId; navigate(id ? { page: 'chart', id } : { page: 'home' }); }} />}
    </WorkspaceContext.Provider>
  );
}

/** The panels around the chart, all reading the store. */
function WorkspaceScreen({
  user,
  onSignOut,
  embedded,
  analyst,
  alerts,
  container,
  ops,
  working,
  covered = false,
}: {
  user: User | null;
  onSignOut(): void;
  embedded: boolean;
  analyst: boolean;
  alerts: ReturnType<typeof useAlerts>;
  container: RefObject<HTMLDivElement | null>;
  ops: ChartOps | null;
  working: ReturnType<typeof useWorkingChart> | null;
  /** Under the import screen: out of reach of the keyboard and screen readers. */
  covered?: boolean;
}) {
  const { store } = useWorkspace();
  const chart = useChart((s) => s.chart);
  const view = useChart((s) => s.view);
  const analysis = useChart((s) => s.analysis);
  const session = useChart((s) => s.session);
  const { summary, version, viewTick, outOfView } = chart;

  // What the timeline, the map and the filter panel show: recomputed when the chart or the view changes.
  const derived = useMemo(
    () => deriveViews(ops?.cy ?? null),
    // version and viewTick stand for the chart's content and visibility.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ops, version, viewTick],
  );

  // The key follows the chart and the analysis styling (communities, ranks, paths, highlights).
  const legend = useMemo(
    () => legendFacts(ops?.cy ?? null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ops, version, viewTick, analysis],
  );

  const setSession = (part: Partial<typeof session>) => patch(store, 'session', part);
  const loading = session.pending.count > 0;
  const empty = summary.nodes === 0 && !loading && user !== null;
  const filtering = isFiltering(view.filters);
  const { operation, chartName } = session;
  return (
    // Hidden (not removed) while signed out, so the chart and its counts stay readable, and empty.
    <div className={user ? 'app' : 'app locked'} inert={!user || covered}>
      {/* First in the tab order, shown when focused: the chart without tabbing through two toolbars. */}
      <a className="skip-link" href="#chart" data-testid="skip-to-chart" onClick={(e) => { e.preventDefault(); container.current?.focus(); }}>
        Skip to the chart
      </a>
      <header className="topbar">
        <div className="brand">
          Link chart
          {operation && <span className="operation"> · {operation.name}</span>}
          {chartName && <span className="chart-name" data-testid="current-chart"> · “{chartName}”</span>}
        </div>
        {user && (
          <>
            <SearchBox
              onPick={(e) => ops?.addEntity(e)}
              // Shift+Enter: the result and everything linked to it.
              onPickWithNeighbours={(e) => {
                ops?.addEntity(e);
                ops?.expand(e.id);
              }}
              onError={(err, retry) => ops?.showError(err, retry)}
              isOnChart={(id) => !!ops?.cy.getElementById(id).nonempty()}
              boxOf={(id) => {
                const parent = ops?.cy.getElementById(id).parent();
                return parent && parent.nonempty() ? String(parent.data('label') ?? '').replace(/ \(\d+\)$/, '') || null : null;
              }}
            />
            <Toolbar />
            {analyst && !embedded && <AlertsMenu state={alerts} />}
            {!embedded && <SessionControls user={user} onSignOut={onSignOut} />}
          </>
        )}
      </header>
      {user && <ChartBar />}
      {session.error && <ErrorBanner error={session.error} onDismiss={() => setSession({ error: null })} />}
      {session.notice && <NoticeBanner notice={session.notice} onDismiss={() => setSession({ notice: null })} />}
      <main className="workspace three">
        {user && ops ? (
          <SidePanel
            active={session.sideTab}
            onActive={(sideTab) => setSession({ sideTab })}
            tabs={[
              {
                id: 'analysis',
                label: 'Analysis',
                content: (
                  <AnalysisPanel
                    selectedNodes={chart.selectedNodes}
                    analyst={analyst}
                    rank={analysis.rank}
                    onRank={ops.setRank}
                    communities={analysis.communities}
                    onCommunities={ops.setCommunities}
                    communityCount={analysis.communityCount}
                    highlight={analysis.highlight}
                    onHighlight={ops.setHighlight}
                    onPaths={() => ops.paths()}
                    onConnecting={ops.connecting}
                    onNeverActioned={ops.showNeverActioned}
                    coverageText={analysis.coverageText}
                    operationName={operation?.name ?? null}
                    pathChoice={view.pathChoice}
                    onPathChoice={ops.setPathChoice}
                    filtersScopeText={describeScope(DEFAULT_PATH_CHOICE, view.filters)}
                    routes={analysis.routes?.map((r) => r.text) ?? null}
                    routeIndex={analysis.routeIndex}
                    onRouteIndex={ops.showRoute}
                  />
                ),
              },
              {
                id: 'filters',
                label: 'Filters',
                badge: filtering ? `${outOfView.nodes + outOfView.links}` : undefined,
                content: (
                  <FilterPanel
                    filters={view.filters}
                    onChange={ops.setFilters}
                    kinds={summary.kinds}
                    linkTypes={derived.linkTypes}
                    sourceTypes={chart.sourceTypes}
                    outOfView={outOfView}
                  />
                ),
              },
              ...(analyst
                ? [
                    {
                      id: 'charts',
                      label: 'Charts',
                      content: <SavedChartsPanel currentName={chartName} canSave={summary.nodes > 0} onSave={ops.save} onOpen={(opening) => setSession({ opening })} />,
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
            <div
              className="chart"
              ref={container}
              id="chart"
              data-testid="chart"
              tabIndex={0}
              role="application"
              aria-roledescription="link chart"
              aria-label="Link chart. Arrow keys go through the selected entity's links, Enter moves on, D opens details, Shift+F10 the menu, ? all keys."
              onContextMenu={(e) => e.preventDefault()}
            />
            <AnnotationLayer />
            <div className="visually-hidden" aria-live="polite" data-testid="chart-announce">
              {session.announce}
            </div>
            {loading && (
              <div className="loading" data-testid="loading" role="status" aria-live="polite">
                <span className="spinner" aria-hidden="true" /> {session.pending.label || 'Loading…'}
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
          </div>
          {/* The key: a strip under the chart, never over a node (chart/legend.ts). */}
          <Legend facts={legend} placement="strip" />
          {user && ops && session.dock && session.table && (
            <div className="dock table-dock" data-testid="dock">
              <EntityTable />
            </div>
          )}
          {user && ops && session.dock && !session.table && (
            <div className="dock" data-testid="dock">
              <TimelinePanel
                events={derived.events}
                outOfView={derived.out}
                selected={chart.selectedIds}
                from={view.filters.from}
                to={view.filters.to}
                onRange={(from, to) => ops.setFilters((f) => ({ ...f, from, to }))}
                onSelect={ops.select}
              />
              <MapPanel places={derived.places} selected={chart.selectedIds} onSelect={ops.select} />
            </div>
          )}
        </div>
        <DetailsPanel
          selection={chart.selection}
          onSelect={(id) => ops?.select(id)}
          onExpand={(ids, types) => ops?.expand(ids, types)}
          analyst={analyst}
          onRenameGroup={(id, name) => ops?.renameGroup(id, name)}
        />
      </main>
      <StatusBar nodes={summary.nodes} links={summary.links} selected={summary.selected} operation={operation?.name ?? null}>
        {working && <AutosaveStatus status={working.status} unsavedName={working.unsavedName} />}
      </StatusBar>
      <ContextMenu onClosed={() => container.current?.focus()} />
      {session.help && <ShortcutHelp actions={ACTIONS} analyst={analyst} onClose={() => setSession({ help: false })} />}
      {session.opening && user && (
        <PurposeDialog
          username={user.username}
          title={`Open “${session.opening.name}”`}
          lead="Keep the purpose of this work, or change it for this chart: what the chart shows is recorded under it."
          submitLabel={(changed) => (changed ? 'Change and open' : 'Keep and open')}
          onDone={() => {
            const c = session.opening;
            setSession({ opening: null });
            if (c) ops?.open(c);
          }}
          onCancel={() => setSession({ opening: null })}
        />
      )}
    </div>
  );
}
