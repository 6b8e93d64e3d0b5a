import { useCallback, useEffect, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import { describeError, fetchNeighbourhood, fetchOperations, isAbort, isUnauthenticated, type Entity, type User } from './api';
import { createChart, destroyChart, fitChart, layoutAdded, onChartChange, runLayout, selectOnly, viewportCentre } from './chart/cy';
import { flashFresh, mergeSubgraph, restoreElements, type EdgeData, type NodeData } from './chart/merge';
import { ErrorBanner, NoticeBanner, type ErrorState, type NoticeState } from './components/Banners';
import { DetailsPanel, type End, type Selection } from './components/DetailsPanel';
import { Legend } from './components/Legend';
import { SearchBox } from './components/SearchBox';
import { SessionControls } from './components/SessionControls';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { EMPTY_SUMMARY, summarise, type ChartSummary } from './chart/summary';

/** Neighbours fetched per expansion: enough to see a hub's shape, few enough to stay readable. */
const EXPAND_LIMIT = 300;
/** The operation chart on the first screen (Operation Central had about 80 suspects, plus victims). */
const OPERATION_LIMIT = 500;
/** Neighbours fetched to find a search result's links to the chart (see addEntity). */
const SEARCH_LINK_LIMIT = 1000;



function endOf(cy: cytoscape.Core, id: string): End {
  const d = cy.getElementById(id).data() as NodeData | undefined;
  return d ? { id, label: d.label, kind: d.kind } : { id, label: id, kind: 'other' };
}

/** Reads what the panels show straight from the chart, which is the single source of truth. */
function readSelection(cy: cytoscape.Core): Selection {
  const sel = cy.$(':selected');
  if (sel.empty()) return null;
  if (sel.length > 1) return { type: 'many', nodes: sel.nodes().length, links: sel.edges().length };
  const el = sel[0] as cytoscape.SingularElementReturnValue;
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


interface Props {
  /**
   * Who is signed in. Null while the sign-in form is up: the workspace then stays mounted but hidden,
   * with an empty chart, and asks the server for nothing. The app shell remounts it (a new key) for
   * every session, so nothing from one session (chart, search text, undo) survives into the next.
   */
  user: User | null;
  onSignOut(): void;
}

/** The analyst's screen: search, chart, details. */
export function Workspace({ user, onSignOut }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const [summary, setSummary] = useState<ChartSummary>(EMPTY_SUMMARY);
  const [selection, setSelection] = useState<Selection>(null);
  // A count, not a flag: an expansion and a search can be in flight together.
  const [pending, setPending] = useState<{ count: number; label: string }>({ count: 0, label: '' });
  const [error, setError] = useState<ErrorState | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [operationName, setOperationName] = useState<string | null>(null);

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
            setOperationName(null);
            return;
          }
          setOperationName(op.name || op.id);
          const sub = await fetchNeighbourhood({ ids: [op.id], hops: 1, limit: OPERATION_LIMIT }, signal);
          const cy = cyRef.current;
          if (!cy || signal?.aborted) return;
          const wasEmpty = cy.nodes().empty();
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
    [track],
  );

  /** Double-click (or the details panel): bring in a node's neighbours and lay out only those. */
  const expand = useCallback(
    (id: string, linkTypes?: string[]) =>
      void track(
        'Expanding…',
        async () => {
          const sub = await fetchNeighbourhood({ ids: [id], hops: 1, limit: EXPAND_LIMIT, ...(linkTypes ? { linkTypes } : {}) });
          const cy = cyRef.current;
          if (!cy) return;
          const centre = cy.getElementById(id);
          const { addedNodes, addedEdges } = mergeSubgraph(cy, sub, { around: centre.nonempty() ? centre.position() : viewportCentre(cy) });
          flashFresh(addedNodes.union(addedEdges));
          const who = endOf(cy, id).label;
          const filter = linkTypes?.length ? ` (${linkTypes.join(', ')})` : '';
          if (sub.truncated) {
            setNotice({ text: `${who}${filter}: showing ${EXPAND_LIMIT} of more — narrow by link type.` });
          } else if (addedNodes.empty() && addedEdges.empty()) {
            setNotice({ text: `${who}${filter}: nothing new — everything linked is already on the chart.` });
          } else {
            setNotice(null);
          }
          await layoutAdded(cy, addedNodes);
        },
        () => expand(id, linkTypes),
      ),
    [track],
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
    [track],
  );

  // The chart is created once. Handlers reach the latest callbacks through a ref, so the chart's
  // listeners never need re-binding.
  const handlers = useRef({ expand });
  handlers.current = { expand };

  useEffect(() => {
    if (!container.current) return;
    const cy = createChart(container.current);
    cyRef.current = cy;

    const stopRefresh = onChartChange(cy, 'add remove data select unselect', (c) => {
      setSelection(readSelection(c));
      setSummary(summarise(c));
    });
    cy.on('dbltap', 'node', (evt) => handlers.current.expand((evt.target as cytoscape.NodeSingular).id()));

    const ctrl = new AbortController();
    if (user) loadOperationChart(ctrl.signal);
    return () => {
      ctrl.abort();
      stopRefresh();
      destroyChart(cy);
      cyRef.current = null;
    };
    // Once per mount (StrictMode mounts twice in development; the abort above covers that). `user`
    // is fixed for the life of a mount (see Props).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const select = useCallback((id: string) => {
    const cy = cyRef.current;
    if (cy) selectOnly(cy, id);
  }, []);

  /** Takes elements off the chart (never out of the database), with an undo. */
  const removeWithUndo = useCallback((eles: cytoscape.Collection, what: string) => {
    const cy = cyRef.current;
    if (!cy || eles.empty()) return;
    const gone = eles.union(eles.nodes().connectedEdges());
    const saved = gone.jsons() as unknown as cytoscape.ElementDefinition[];
    gone.remove();
    setNotice({ text: what, action: { label: 'Undo', run: () => !cy.destroyed() && restoreElements(cy, saved) } });
  }, []);

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
  }, [removeWithUndo]);

  const relayout = useCallback(() => {
    const cy = cyRef.current;
    if (cy) void runLayout(cy);
  }, []);

  const fit = useCallback(() => {
    const cy = cyRef.current;
    if (cy) fitChart(cy);
  }, []);

  // Keyboard shortcuts, except while typing in a field, and never with a modifier (Ctrl+F is the
  // browser's find).
  useEffect(() => {
    if (!user) return;
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const cy = cyRef.current;
      if (!cy) return;
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          e.preventDefault();
          removeSelected();
          break;
        case 'Escape':
          cy.$(':selected').unselect();
          break;
        case 'f':
        case 'F':
          fit();
          break;
        case 'l':
        case 'L':
          relayout();
          break;
        case 'e':
        case 'E': {
          const n = cy.$('node:selected');
          if (n.length === 1) expand(n.id());
          break;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [user, expand, removeSelected, fit, relayout]);

  const loading = pending.count > 0;
  const empty = summary.nodes === 0 && !loading && user !== null;
  return (
    // Hidden (not removed) while signed out, so the chart and its counts stay readable, and empty.
    <div className={user ? 'app' : 'app locked'} inert={!user}>
      <header className="topbar">
        <div className="brand">
          Link chart
          {operationName && <span className="operation"> · {operationName}</span>}
        </div>
        {user && (
          <>
            <SearchBox onPick={addEntity} onError={showError} />
            <Toolbar
              onLayout={relayout}
              onFit={fit}
              onRemoveSelected={removeSelected}
              onClear={clear}
              onReload={() => loadOperationChart()}
              canRemove={summary.selected > 0}
            />
            <SessionControls user={user} onSignOut={onSignOut} />
          </>
        )}
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />}
      <main className="workspace">
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
              <p className="muted small">Press / to jump to the search box.</p>
            </div>
          )}
          <Legend kinds={summary.kinds} hasChild={summary.hasChild} hasHotspot={summary.hasHotspot} />
        </div>
        <DetailsPanel selection={selection} onSelect={select} onExpand={expand} />
      </main>
      <StatusBar nodes={summary.nodes} links={summary.links} selected={summary.selected} operation={operationName} />
    </div>
  );
}
