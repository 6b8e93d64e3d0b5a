import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchNeighbourhood } from '../api/graph';
import type { User } from '../api/session';
import { layoutAdded, selectOnly, viewportCentre } from '../chart/cy';
import { flashFresh, mergeSubgraphPaced, stillArriving } from '../chart/merge';
import { captureState, type ViewState } from '../chart/savedState';
import type { ChartOps } from '../store/chartOps';
import type { ChartStore } from '../store/chartStore';
import { useAppRoute } from '../routing/useAppRoute';
import { chartSignature, useLeaveWarning } from './unsavedWork';
import { forgetUnsaved, unsavedOf, useAutosave, type AutosaveStatus } from './useAutosave';
import { fetchWorkingChart, listSavedCharts, saveWorkingChart, type WorkingChartInput } from '../api/charts';

/** Neighbours brought in with an entity opened from its address (as an expansion). */
const ENTITY_LINK_LIMIT = 300;

/** The saved chart the working chart is, or was opened from: kept in its view state across reloads. */
interface Named {
  id: string;
  name: string;
  /** chartSignature of the chart as saved or opened under that name. */
  baseline: string;
}

const namedOf = (state: Record<string, unknown>): Named | null => {
  const n = state.named as Partial<Named> | undefined;
  return n && typeof n.id === 'string' && typeof n.name === 'string' && typeof n.baseline === 'string' ? { id: n.id, name: n.name, baseline: n.baseline } : null;
};

/**
 * The analyst's working chart and the workspace's addresses:
 * - on mount, the working chart comes back from the server (first whatever an ended session could
 *   not save); without one, the operation chart, as before;
 * - then every change is saved a moment later (useAutosave), with the named chart it came from,
 *   and leaving the page asks first while that named chart has changes not saved under its name;
 * - /chart/<id> opens that saved chart, /entity/<id> brings the entity and its neighbours onto the
 *   chart and selects it; opening or saving a named chart puts its address in the address bar.
 *
 * `enabled`: an analyst's own workspace (not licensing's embedded chart, not signed out).
 */
export function useWorkingChart(store: ChartStore, ops: ChartOps | null, user: User | null, enabled: boolean): { status: AutosaveStatus; unsavedName: string | null } {
  const { route, navigate } = useAppRoute();
  const [restored, setRestored] = useState(false);
  const named = useRef<Named | null>(null);
  const [unsavedName, setUnsavedName] = useState<string | null>(null);
  /** A change since the named chart was saved or opened (checked exactly when the autosave runs). */
  const changedSinceNamed = useRef(false);

  const snapshot = useCallback((): WorkingChartInput | null => {
    const cy = ops?.cy;
    if (!cy || cy.destroyed()) return null;
    const { view, analysis } = store.getState();
    const { state, entityIds, linkIds } = captureState(cy, view.filters, {
      rank: analysis.rank,
      communities: analysis.communities,
      highlight: analysis.highlight,
      labels: view.labels,
      layout: view.layout,
    }, view.annotations);
    return { entityIds, linkIds, state: state as unknown as Record<string, unknown> };
  }, [ops, store]);

  /** The snapshot to save, with the named chart it belongs to; updates whether that has unsaved changes. */
  const capture = useCallback((): WorkingChartInput | null => {
    // A big chart still arriving (merge.ts) is not saved half-way: the last change comes after it.
    if (ops?.cy && stillArriving(ops.cy)) return null;
    const s = snapshot();
    if (!s) return null;
    const n = named.current;
    if (n) {
      const changed = chartSignature(s) !== n.baseline;
      changedSinceNamed.current = changed;
      setUnsavedName(changed ? n.name : null);
      s.state.named = n;
    }
    return s;
  }, [ops, snapshot]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      const cy = ops?.cy;
      if (!cy) return () => undefined;
      const onContent = () => {
        // Dragged, or a change that has an undo step: the named chart may have changed.
        if (named.current) {
          changedSinceNamed.current = true;
          setUnsavedName(named.current.name);
        }
        onChange();
      };
      cy.on('add remove position viewport', onChange);
      cy.on('dragfree', onContent);
      const stop = store.subscribe((s, prev) => {
        if (s.history !== prev.history) onContent();
        else if (s.view !== prev.view || s.analysis !== prev.analysis) onChange();
      });
      return () => {
        cy.off('add remove position viewport', onChange);
        cy.off('dragfree', onContent);
        stop();
      };
    },
    [ops, store],
  );

  const autosave = useAutosave({ enabled: enabled && restored, username: user?.username ?? null, capture, subscribe });
  useLeaveWarning(unsavedName !== null);

  // Opening or saving a named chart: it is the baseline from now on, and its address is shown.
  useEffect(() => {
    if (!enabled || !restored) return;
    return store.subscribe((s, prev) => {
      if (s.session.chartId === prev.session.chartId && s.session.chartName === prev.session.chartName) return;
      const { chartId, chartName } = s.session;
      const now = snapshot();
      named.current = chartId && chartName && now ? { id: chartId, name: chartName, baseline: chartSignature(now) } : null;
      changedSinceNamed.current = false;
      setUnsavedName(null);
      if (chartId) navigate({ page: 'chart', id: chartId });
      else if (prev.session.chartId) navigate({ page: 'home' }); // cleared: no longer that chart
    });
  }, [enabled, restored, store, snapshot, navigate]);

  // On mount: the working chart comes back (or, without one, the operation chart). Autosave starts
  // only once it has: a restore that failed (server unreachable) offers Retry and saves nothing,
  // so the chart on the server is never replaced by an empty one.
  const restore = useCallback(
    (signal: AbortSignal) => {
      if (!ops || !user) return;
      // Retry (offered when the restore failed) runs the same restore again.
      const run = (): void => {
        void ops.track(
          'Restoring your working chart…',
          async () => {
            // What an ended session could not save goes first (kept until it is saved).
            const left = unsavedOf(user.username);
            if (left) {
              await saveWorkingChart(left, signal);
              forgetUnsaved(user.username, left);
            }
            const chart = await fetchWorkingChart(signal);
            if (signal.aborted || ops.cy.destroyed()) return;
            if (chart && chart.elements.nodes.length > 0) {
              const state = chart.state as unknown as ViewState & Record<string, unknown>;
              const showing = ops.showStored(chart.elements, state);
              if (showing) await showing;
              if (signal.aborted || ops.cy.destroyed()) return;
              const n = namedOf(state);
              named.current = n;
              if (n) {
                store.setState((s) => ({ session: { ...s.session, chartName: n.name, chartId: n.id } }));
                const now = snapshot();
                if (now && chartSignature(now) !== n.baseline) setUnsavedName(n.name);
              }
            } else ops.loadOperationChart(signal);
            setRestored(true);
          },
          () => run(),
        );
      };
      run();
    },
    [ops, user, store, snapshot],
  );
  useEffect(() => {
    // Not an analyst's own workspace: the workspace shows the operation chart itself.
    if (!enabled) return;
    const ctrl = new AbortController();
    restore(ctrl.signal);
    return () => ctrl.abort();
    // Once per chart (a workspace mounts once per session).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ops]);

  /** /entity/<id>: the entity and its neighbours on the chart, selected (the same words for an unknown id and a hidden one). */
  const showEntity = useCallback(
    (id: string) => {
      if (!ops) return;
      void ops.track('Opening the entity at this address…', async () => {
        const sub = await fetchNeighbourhood({ ids: [id], hops: 1, limit: ENTITY_LINK_LIMIT });
        const cy = ops.cy;
        const entity = sub.nodes.find((n) => n.id === id);
        if (cy.destroyed()) return;
        if (!entity) {
          ops.say(`There is no entity at this address: no entity has the id “${id}” that you can open.`);
          return;
        }
        ops.record(`Open ${entity.label}`);
        const anchor = cy.getElementById(id);
        const { addedNodes, addedEdges } = await mergeSubgraphPaced(cy, sub, { around: anchor.nonempty() ? anchor.position() : viewportCentre(cy) });
        if (cy.destroyed()) return;
        flashFresh(addedNodes.union(addedEdges));
        await layoutAdded(cy, addedNodes);
        selectOnly(cy, id);
        cy.animate({ center: { eles: cy.getElementById(id) } }, { duration: 300 });
      });
    },
    [ops],
  );

  // The address names a page of the workspace (a link, a bookmark, back or forward): show it.
  const routeKey = route && (route.page === 'chart' || route.page === 'entity') ? `${route.page}:${route.id}` : null;
  useEffect(() => {
    if (!enabled || !restored || !ops || !route || !routeKey) return;
    if (route.page === 'entity') {
      showEntity(route.id);
      return;
    }
    if (route.page !== 'chart' || store.getState().session.chartId === route.id) return;
    const id = route.id;
    void ops.track('Opening the chart at this address…', async () => {
      const chart = (await listSavedCharts()).find((c) => c.id === id);
      if (chart) ops.open(chart);
      else ops.say('There is no saved chart at this address that you can open: it may have been deleted, or not shared with you.');
    });
    // routeKey stands for the route (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, restored, ops, routeKey]);

  return { status: autosave.status, unsavedName };
}
