import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '../../api/session';
import { Workspace } from '../../Workspace';
import { AlertInbox } from '../alerts/AlertInbox';
import { AlertsBadge } from '../alerts/AlertsMenu';
import { useAlerts } from '../alerts/useAlerts';
import { SessionControls } from '../SessionControls';
import { TabList } from '../TabList';
import { todayIso } from '../safeguarding/format';
import { DriverRecordPanel } from './DriverRecordPanel';
import { OperatorPage } from './OperatorPage';
import { OperatorsPanel } from './OperatorsPanel';
import { SuccessorsPanel } from './SuccessorsPanel';
import { DeliveriesInbox, LicensingActions } from '../meetings/LicensingFollowThrough';
import type { AppRoute } from '../../routing/paths';
import type { Navigate } from '../../routing/useAppRoute';

type LicensingRoute = Extract<AppRoute, { page: 'licensing' }>;

const TABS = [
  { key: 'operators', label: 'Operators' },
  { key: 'successors', label: 'Successors' },
  { key: 'driver', label: 'Driver record' },
  { key: 'alerts', label: 'Alerts' },
  { key: 'actions', label: 'Actions' },
  { key: 'deliveries', label: 'Deliveries' },
  { key: 'chart', label: 'Chart' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/**
 * The licensing officer's home: operators ranked by concerns (and each operator's page), suspected
 * successor operators, a driver's record for renewal, the alert inbox (live), and the chart they had
 * before, redacted by the server. Tabs stay mounted once opened, so nothing typed is lost.
 */
export function LicensingHome({
  user,
  onSignOut,
  route = null,
  onNavigate,
}: {
  user: User;
  onSignOut(): void;
  /** The page the address names (/licensing/…); null at the start page. */
  route?: LicensingRoute | null;
  onNavigate?: Navigate;
}) {
  const [tab, setTab] = useState<Tab>(route?.tab ?? 'operators');
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['operators', route?.tab ?? 'operators']));
  const [operator, setOperator] = useState<{ id: string; asOf: string } | null>(() =>
    route?.tab === 'operators' && route.id ? { id: route.id, asOf: route.asOf ?? todayIso() } : null,
  );
  const [driverId, setDriverId] = useState<string | null>(route?.tab === 'driver' ? route.id : null);

  // The address follows what is shown, as a new history entry (back and forward work); the first
  // time in place, so that the start page does not become a step of its own.
  const navigated = useRef(false);
  useEffect(() => {
    const id = tab === 'operators' ? (operator?.id ?? null) : tab === 'driver' ? driverId : null;
    const asOf = tab === 'operators' && operator && operator.asOf !== todayIso() ? operator.asOf : null;
    onNavigate?.({ page: 'licensing', tab, id, asOf }, { replace: !navigated.current });
    navigated.current = true;
  }, [tab, operator, driverId, onNavigate]);
  // An address reached by back or forward (or typed) is shown.
  const routeKey = route ? `${route.tab}|${route.id ?? ''}|${route.asOf ?? ''}` : '';
  useEffect(() => {
    if (!route) return;
    setTab(route.tab);
    setOpened((s) => (s.has(route.tab) ? s : new Set([...s, route.tab])));
    if (route.tab === 'operators') {
      setOperator((cur) => (route.id ? (cur?.id === route.id && cur.asOf === (route.asOf ?? todayIso()) ? cur : { id: route.id, asOf: route.asOf ?? todayIso() }) : null));
    }
    if (route.tab === 'driver') setDriverId(route.id);
    // routeKey stands for the route's parts (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [routeKey]);
  const alerts = useAlerts(true);

  const open = useCallback((t: Tab) => {
    setTab(t);
    setOpened((s) => (s.has(t) ? s : new Set([...s, t])));
  }, []);

  const openOperator = useCallback(
    (id: string, asOf?: string) => {
      setOperator((cur) => ({ id, asOf: asOf ?? cur?.asOf ?? todayIso() }));
      open('operators');
    },
    [open],
  );
  const openDriver = useCallback(
    (id: string) => {
      setDriverId(id);
      open('driver');
    },
    [open],
  );

  const panel = (t: Tab) => {
    switch (t) {
      case 'operators':
        return (
          <>
            <div hidden={operator !== null}>
              <OperatorsPanel onOpen={(id, asOf) => openOperator(id, asOf)} />
            </div>
            {operator && (
              <OperatorPage
                key={`${operator.id}@${operator.asOf}`}
                operatorId={operator.id}
                asOf={operator.asOf}
                onBack={() => setOperator(null)}
                onDriver={openDriver}
                onOperator={(id) => openOperator(id)}
              />
            )}
          </>
        );
      case 'successors':
        return <SuccessorsPanel onOperator={(id) => openOperator(id)} />;
      case 'driver':
        return <DriverRecordPanel personId={driverId} onPick={setDriverId} onOperator={(id) => openOperator(id)} />;
      case 'alerts':
        return (
          <div className="lic-section">
            <AlertInbox state={alerts} />
          </div>
        );
      case 'actions':
        return <LicensingActions />;
      case 'deliveries':
        return <DeliveriesInbox />;
      default:
        return null;
    }
  };

  return (
    <div className="app lic-app">
      <header className="topbar">
        <div className="brand">
          Link chart <span className="operation"> · Licensing</span>
        </div>
        <TabList
          as="nav"
          tabs={TABS}
          current={tab}
          onOpen={open}
          prefix="lic"
          label="Licensing"
          className="lic-tabs"
          tabClassName="lic-tab"
          after={(key) => key === 'alerts' && <AlertsBadge count={alerts.open} />}
        />
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      <div className="lic-body">
        {TABS.filter((t) => t.key !== 'chart' && opened.has(t.key)).map((t) => (
          <section key={t.key} role="tabpanel" id={`lic-panel-${t.key}`} aria-labelledby={`lic-tab-${t.key}`} className="lic-panel" hidden={tab !== t.key}>
            {panel(t.key)}
          </section>
        ))}
        {/* The chart stays mounted once opened, laid out behind the other tabs so Cytoscape keeps its size. */}
        {opened.has('chart') && (
          <section
            role="tabpanel"
            id="lic-panel-chart"
            aria-labelledby="lic-tab-chart"
            className={tab === 'chart' ? 'lic-chart' : 'lic-chart lic-chart-hidden'}
            inert={tab !== 'chart'}
          >
            <Workspace user={user} onSignOut={onSignOut} embedded active={tab === 'chart'} />
          </section>
        )}
      </div>
    </div>
  );
}
