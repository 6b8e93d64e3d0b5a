import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import type { Entity } from '../../api/entities';
import { ApiError, describeError, hasCode, isAbort, isUnauthenticated } from '../../api/errors';
import { fetchChildConnections, fetchChildren, fetchStrategyPack, saveDocument, type ChildSummary, type ChildView } from '../../api/safeguarding';
import type { User } from '../../api/session';
import { createChart, destroyChart, fitChart, onChartChange, runLayout, selectOnly } from '../../chart/cy';
import { kindStyle } from '../../chart/kinds';
import { mergeSubgraph, type NodeData } from '../../chart/merge';
import { ErrorBanner, NoticeBanner, type ErrorState, type NoticeState } from '../Banners';
import { KindBadge } from '../KindBadge';
import { Legend } from '../Legend';
import { SessionControls } from '../SessionControls';
import { AlertsMenu } from '../alerts/AlertsMenu';
import { useAlerts } from '../alerts/useAlerts';
import { Chronology } from './Chronology';
import { ChildIndicators } from './ChildIndicators';
import { ChildActions } from '../meetings/ChildActions';
import { ReasonedChanges } from '../changes/ReasonedChanges';
import { displayLabel, formatDate, plural, str, todayIso } from './format';
import { LinkedPersons } from './LinkedPersons';
import { childOf, MeetingForm, missingInput, NEW_QUERY, reasonOf, type MeetingQuery } from './MeetingForm';
import { purposeFor, setPurpose } from '../../purpose';
import { HELD_KIND, heldExplanation } from '../../chart/withheld';
import { EMPTY_SUMMARY, summarise, type ChartSummary } from '../../chart/summary';

interface Shown {
  view: ChildView;
  /** The question this view answers (the form may have moved on since). */
  query: MeetingQuery;
  /** Ids of the entities on the chart. */
  onChart: Set<string>;
}




/** What is selected on the chart, with the marks that matter in a meeting. */
function SelectedStrip({ entity, focalId }: { entity: Entity; focalId: string | null }) {
  const p = entity.properties;
  const k = kindStyle(entity.kind);
  return (
    <div className="sg-selected" data-testid="sg-selected" role="status">
      <KindBadge kind={entity.kind} />
      <span className="sg-selected-label">{displayLabel(entity)}</span>
      <span className="muted">{k.key === 'other' ? entity.kind : k.name}</span>
      {entity.kind === HELD_KIND && <span className="muted" data-testid="held-explanation">{heldExplanation(p)}</span>}
      {entity.id === focalId && <span className="badge child">this child</span>}
      {entity.id !== focalId && str(p.descriptor) && <span className="badge child">another child</span>}
      {p.doNotContact === true && <span className="badge no-contact">do not contact</span>}
      {p.restricted === true && <span className="badge restricted">protected address</span>}
      {p.hotspot === true && <span className="badge hotspot">hotspot</span>}
    </div>
  );
}

/** Other children arrive as descriptors: the chart shows the descriptor, never anything else. */
const asCharted = (e: Entity): Entity => {
  const descriptor = str(e.properties?.descriptor);
  return descriptor ? { ...e, label: descriptor } : e;
};

/**
 * The safeguarding role's screen: a strategy meeting about one child. The user picks the child and
 * states the purpose (recorded in the audit log by the server); the chart shows the child's network
 * with other children only as descriptors, and the panel lists who is linked to the child and what
 * has happened, oldest first.
 */
export function SafeguardingView({
  user,
  onSignOut,
  childId = null,
  onChildShown,
}: {
  user: User;
  onSignOut(): void;
  /** The child the address names (/safeguarding/child/<id>): chosen in the form, and shown once a purpose is stated. */
  childId?: string | null;
  /** A child's view was shown: the address follows (back and forward work). */
  onChildShown?(childId: string): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const [children, setChildren] = useState<ChildSummary[] | null>(null);
  const [childrenLoading, setChildrenLoading] = useState(true);
  const [childrenCheck, setChildrenCheck] = useState(0);
  // The purpose of this working session, when one was stated (a reload keeps it), starts the form.
  const [query, setQuery] = useState<MeetingQuery>(() => ({ ...NEW_QUERY, childId: childId ?? '', purpose: purposeFor(user.username) ?? '', asOf: todayIso() }));
  /** The server's refusal of the last view (a child not assigned, without a reason), as it said it. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<ErrorState | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [summary, setSummary] = useState<ChartSummary>(EMPTY_SUMMARY);
  const [selected, setSelected] = useState<Entity | null>(null);
  const selectedId = selected?.id ?? null;
  const request = useRef<AbortController | null>(null);
  const alerts = useAlerts(true);
  const [pack, setPack] = useState<{ state: 'busy' } | { state: 'done'; filename: string; bytes: number } | { state: 'failed'; message: string } | null>(null);
  const packRequest = useRef<AbortController | null>(null);

  const showError = useCallback((err: unknown, retry?: () => void) => {
    // UNAUTHENTICATED: the app shell has already ended the session and shows the sign-in form.
    if (isAbort(err) || isUnauthenticated(err)) return;
    const { message, code } = describeError(err);
    setError({ message, code, retry });
  }, []);

  // The chart is created once, and stays: a new view replaces its contents.
  useEffect(() => {
    if (!container.current) return;
    const cy = createChart(container.current);
    cyRef.current = cy;
    const stopRefresh = onChartChange(cy, 'select unselect', (c) => {
      const sel = c.nodes(':selected');
      setSelected(sel.length === 1 ? ((sel[0] as cytoscape.NodeSingular).data() as NodeData).entity : null);
    });
    return () => {
      request.current?.abort();
      packRequest.current?.abort();
      stopRefresh();
      destroyChart(cy);
      cyRef.current = null;
    };
  }, []);

  // The children this user may hold a meeting about.
  useEffect(() => {
    const ctrl = new AbortController();
    setChildrenLoading(true);
    fetchChildren(ctrl.signal).then(
      (list) => {
        if (ctrl.signal.aborted) return;
        setChildren(list);
        setChildrenLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setChildrenLoading(false);
        showError(err, () => setChildrenCheck((n) => n + 1));
      },
    );
    return () => ctrl.abort();
  }, [childrenCheck, showError]);

  // Read when a child's view arrives: the latest callback, not the one of the render that asked.
  const onShownRef = useRef(onChildShown);
  onShownRef.current = onChildShown;

  const load = useCallback(
    (q: MeetingQuery) => {
      if (missingInput(q)) return;
      // Retry (offered with the error) asks for the same view again.
      const ask = (): void => {
        request.current?.abort();
        const ctrl = new AbortController();
        request.current = ctrl;
        const childId = childOf(q);
        const picked = children?.find((c) => c.id === childId);
        setLoading(`Loading ${picked?.pseudonym ?? picked?.label ?? 'the child'}'s connections…`);
        setError(null);
        setNotice(null);
        setRefusal(null);
        // The meeting's purpose is this working session's from now on (alerts, the list, a reload).
        setPurpose(user.username, q.purpose);
        const reason = reasonOf(q);
        const args = { childId, purpose: q.purpose.trim(), hops: q.hops, ...(q.asOf ? { asOf: q.asOf } : {}), ...(reason ? { openReason: reason } : {}) };
        fetchChildConnections(args, ctrl.signal)
          .then(async (view) => {
            const cy = cyRef.current;
            if (ctrl.signal.aborted || !cy) return;
            const nodes = view.network.nodes.map(asCharted);
            if (!nodes.some((n) => n.id === view.child.id)) nodes.unshift(view.child);
            cy.elements().remove();
            mergeSubgraph(cy, { ...view.network, nodes });
            cy.nodes().forEach((n) => {
              const e = (n.data() as NodeData).entity;
              if (str(e.properties.descriptor)) n.addClass('descriptor');
              if (e.properties.doNotContact === true) n.addClass('no-contact');
            });
            cy.getElementById(view.child.id).addClass('focal');
            setShown({ view, query: q, onChart: new Set(cy.nodes().map((n) => n.id())) });
            onShownRef.current?.(childId);
            setPack(null);
            setSummary(summarise(cy));
            setSelected(null);
            if (view.network.truncated) {
              setNotice({ text: `The network was cut short: showing ${plural(view.network.nodes.length, 'entity', 'entities')}. Try fewer links out.` });
            }
            setLoading(null);
            await runLayout(cy);
          })
          .catch((err: unknown) => {
            if (ctrl.signal.aborted) return;
            setLoading(null);
            // Need-to-know: the server's own words ("This child is not assigned to you…"), by the form.
            if (hasCode(err, 'FORBIDDEN') && err instanceof ApiError) setRefusal(err.message);
            else showError(err, ask);
          });
      };
      ask();
    },
    [children, showError, user.username],
  );

  // The address names a child (a link, a bookmark, back or forward): choose them in the form, and
  // show them when this session's purpose is stated already. A child not on the user's list goes to
  // "open a child not on my list", where a reason is asked for, as when typed.
  const shownChild = shown ? childOf(shown.query) : null;
  useEffect(() => {
    if (!childId || children === null || childId === shownChild) return;
    const listed = children.some((c) => c.id === childId);
    const next: MeetingQuery = listed ? { ...query, childId, other: false } : { ...query, other: true, otherId: childId };
    setQuery(next);
    if (listed && !missingInput(next)) load(next);
    // Only when the address or the list changes, not on every keystroke in the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [childId, children]);

  const shownHops = shown?.query.hops ?? null;
  const select = useCallback(
    (id: string, label: string) => {
      const cy = cyRef.current;
      if (!cy) return;
      if (!selectOnly(cy, id)) {
        const more = shownHops !== null && shownHops < 3 ? ' Choose a longer reach and press Show to see how they connect.' : '';
        setNotice({ text: `${label} is not on the chart: further than ${plural(shownHops ?? 2, 'link')} from the child, or cut short.${more}` });
      }
    },
    [shownHops],
  );

  // The printable pack of the view on screen (the question it answers, not the form's edits since).
  // The server renders it as this role sees it and records each generation in the audit log.
  const printPack = useCallback(() => {
    if (!shown) return;
    packRequest.current?.abort();
    const ctrl = new AbortController();
    packRequest.current = ctrl;
    const q = shown.query;
    setPack({ state: 'busy' });
    const reason = reasonOf(q);
    fetchStrategyPack(
      { childId: childOf(q), purpose: q.purpose.trim(), hops: q.hops, ...(q.asOf ? { asOf: q.asOf } : {}), ...(reason ? { openReason: reason } : {}) },
      ctrl.signal,
    ).then(
      (doc) => {
        if (ctrl.signal.aborted) return;
        saveDocument(doc);
        setPack({ state: 'done', filename: doc.filename, bytes: doc.bytes });
      },
      (err: unknown) => {
        if (isAbort(err) || ctrl.signal.aborted) return;
        if (isUnauthenticated(err)) return;
        setPack({ state: 'failed', message: hasCode(err, 'FORBIDDEN') && err instanceof ApiError ? err.message : describeError(err).message });
      },
    );
  }, [shown]);

  const fit = useCallback(() => {
    const cy = cyRef.current;
    if (cy) fitChart(cy);
  }, []);
  const relayout = useCallback(() => {
    const cy = cyRef.current;
    if (cy) void runLayout(cy);
  }, []);

  // Shortcuts as on the analyst's chart, except while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const cy = cyRef.current;
      if (!cy) return;
      if (e.key === 'Escape') cy.$(':selected').unselect();
      else if (e.key === 'f' || e.key === 'F') fit();
      else if (e.key === 'l' || e.key === 'L') relayout();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit, relayout]);

  // An item selected on the chart comes into view in the panel too.
  useEffect(() => {
    if (!selectedId) return;
    const el = document.querySelector(`.sg-panel [data-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  // On whom each notice about the child was served, when the network reaches that far.
  const chronologyContext = useMemo(() => {
    const servedOn = new Map<string, string>();
    if (shown) {
      const byId = new Map(shown.view.network.nodes.map((n) => [n.id, n]));
      for (const l of shown.view.network.links) {
        const person = l.type === 'SERVED_ON' ? byId.get(l.target) : undefined;
        if (person) servedOn.set(l.source, displayLabel(person));
      }
    }
    return { servedOn };
  }, [shown]);

  const onChart = useMemo(() => {
    const ids = shown?.onChart;
    return (id: string) => ids?.has(id) ?? false;
  }, [shown]);

  const view = shown?.view;
  const child = view?.child;
  const childName = child ? child.label || [child.name, child.surname].filter(Boolean).join(' ') || child.id : '';
  const stale =
    shown &&
    (childOf(shown.query) !== childOf(query) || shown.query.asOf !== query.asOf || shown.query.hops !== query.hops);
  const noChildren = children !== null && children.length === 0;

  return (
    <div className="app sg-app">
      <header className="topbar">
        <div className="brand">
          Link chart <span className="operation"> · Strategy meeting</span>
        </div>
        <AlertsMenu state={alerts} />
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      <MeetingForm value={query} onChange={setQuery} onShow={() => load(query)} children={children} childrenLoading={childrenLoading} refusal={refusal} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />}
      <main className="workspace sg-workspace">
        <div className="chart-wrap">
          <div className="chart" ref={container} data-testid="sg-network" aria-label={child ? `Network of ${childName}` : 'Network'} />
          {loading && (
            <div className="loading" data-testid="loading" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> {loading}
            </div>
          )}
          {!shown && !loading && (
            <div className="empty-state" data-testid="sg-empty">
              {noChildren ? (
                <>
                  <p className="empty-title" data-testid="sg-no-children">No children are assigned to you; ask your team lead or an administrator.</p>
                  <p>To open a child who is not on your list, use “Open a child not on my list” and give a reason: it is recorded and reviewed.</p>
                </>
              ) : (
                <>
                  <p className="empty-title">Choose the child and state the purpose of this meeting</p>
                  <p>The purpose is recorded in the audit log with every view of the child.</p>
                  <p className="muted small">Other children appear only as descriptors, never by name.</p>
                </>
              )}
            </div>
          )}
          {selected && <SelectedStrip entity={selected} focalId={child?.id ?? null} />}
          {shown && (
            <div className="sg-chart-tools">
              <button type="button" onClick={fit} title="Fit the chart to the window (F)">
                Fit
              </button>
              <button type="button" onClick={relayout} title="Lay the chart out again (L)">
                Re-layout
              </button>
            </div>
          )}
          <Legend kinds={summary.kinds} hasChild={summary.hasChild} hasHotspot={summary.hasHotspot} hasHeldLink={summary.hasHeldLink} />
        </div>
        <aside className="details sg-panel" aria-label="Strategy meeting" aria-busy={loading !== null}>
          {!view || !child ? (
            <p className="muted">The child, the people linked to them and their chronology appear here.</p>
          ) : (
            <>
              <div className="details-kind">
                {child.pseudonym && <span className="sg-pseudonym">{child.pseudonym}</span>}
                {typeof child.age === 'number' && <span>{child.age} years</span>}
                {(child.lookedAfter ?? child.properties.lookedAfter) === true && <span className="badge child">looked after</span>}
                {(child.restricted ?? child.properties.restricted) === true && <span className="badge restricted">restricted</span>}
              </div>
              <h2 data-testid="sg-child-name">{childName}</h2>
              <p className="muted small">
                As of {formatDate(shown.query.asOf) ?? 'today'} · within {plural(shown.query.hops, 'link')} ·{' '}
                {plural(summary.nodes, 'entity', 'entities')} on the chart
              </p>
              {reasonOf(shown.query) && (
                <p className="sg-stale" data-testid="sg-opened-with-reason">
                  Not on your list: opened with your reason, which is recorded and reviewed.
                </p>
              )}
              <div className="sg-pack">
                <button type="button" className="primary" data-testid="sg-print-pack" onClick={printPack} disabled={pack?.state === 'busy'}>
                  {pack?.state === 'busy' ? 'Preparing the pack…' : 'Print pack (PDF)'}
                </button>
                <span className="muted small">
                  {pack?.state === 'done' ? (
                    <span data-testid="sg-pack-done">
                      Saved {pack.filename} ({Math.max(1, Math.round(pack.bytes / 1024))} KB). This generation is recorded in the audit log.
                    </span>
                  ) : pack?.state === 'failed' ? (
                    <span className="error-text" role="alert" data-testid="sg-pack-error">
                      The pack could not be made: {pack.message}
                    </span>
                  ) : (
                    'The view as shown, for the meeting; each pack is recorded in the audit log.'
                  )}
                </span>
              </div>
              {stale && (
                <p className="sg-stale" role="status">
                  The form has changed since this view was shown: press Show to update it.
                </p>
              )}

              <ChildIndicators childId={child.id} purpose={shown.query.purpose} asOf={shown.query.asOf || undefined} openReason={reasonOf(shown.query)} />
              <ChildActions childId={child.id} />
              <ReasonedChanges key={child.id} subjectId={child.id} />
              <h3>Linked persons ({view.linkedPersons.length})</h3>
              <LinkedPersons persons={view.linkedPersons} selectedId={selectedId} onSelect={select} />

              <h3>Chronology ({view.chronology.length})</h3>
              <Chronology records={view.chronology} context={chronologyContext} selectedId={selectedId} onChart={onChart} onSelect={select} />
            </>
          )}
        </aside>
      </main>
      <footer className="statusbar">
        <span className="sg-status-counts">
          <b data-testid="node-count">{summary.nodes}</b> {summary.nodes === 1 ? 'entity' : 'entities'} ·{' '}
          <b data-testid="link-count">{summary.links}</b> {summary.links === 1 ? 'link' : 'links'}
        </span>
        {shown && child && (
          <span className="status-operation sg-status-purpose">
            {child.pseudonym ?? childName} · purpose: {shown.query.purpose.trim()}
          </span>
        )}
        <span className="hint">
          Click a person or record to find it on the chart · <kbd>F</kbd> fit · <kbd>L</kbd> layout · <kbd>Esc</kbd> deselect
        </span>
      </footer>
    </div>
  );
}
