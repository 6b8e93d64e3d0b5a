import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { acknowledgeAlert, fetchAlerts, followAlerts, type Alert, type FeedState } from '../../api/alerts';
import type { ErrorState } from '../Banners';

export interface AlertsState {
  /** Null until the first answer. Newest first. */
  alerts: Alert[] | null;
  loading: boolean;
  error: ErrorState | null;
  /** The live feed: connecting, live, or offline (with why). */
  feed: { state: FeedState; detail?: string | undefined };
  /** Ids that arrived over the live feed in this session (shown as new until acknowledged). */
  fresh: ReadonlySet<string>;
  open: number;
  reload(): void;
  acknowledge(id: string, note: string): Promise<void>;
}

/**
 * One role's alert inbox, kept up to date live: the list is read once, then every alert raised for
 * the role arrives over the SSE feed and is put on top without a reload. `enabled` false (signed
 * out) asks the server for nothing.
 */
export function useAlerts(enabled: boolean): AlertsState {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorState | null>(null);
  const [feed, setFeed] = useState<AlertsState['feed']>({ state: 'connecting' });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [check, setCheck] = useState(0);
  // Alerts that arrive before the first list does are merged into it when it comes.
  const early = useRef<Alert[]>([]);

  const reload = useCallback(() => setCheck((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    fetchAlerts(ctrl.signal).then(
      (list) => {
        if (ctrl.signal.aborted) return;
        const ids = new Set(list.map((a) => a.id));
        setAlerts([...early.current.filter((a) => !ids.has(a.id)), ...list]);
        early.current = [];
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setLoading(false);
        if (isUnauthenticated(err)) return; // the app shell ends the session
        const { message, code } = describeError(err);
        setError({ message: `The alerts could not be loaded. ${message}`, code, retry: reload });
      },
    );
    return () => ctrl.abort();
  }, [enabled, check, reload]);

  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    void followAlerts(
      {
        onAlert: (a) => {
          setFresh((s) => new Set([...s, a.id]));
          setAlerts((list) => {
            if (list === null) {
              early.current = [a, ...early.current];
              return list;
            }
            return list.some((x) => x.id === a.id) ? list : [a, ...list];
          });
        },
        onState: (state, detail) => setFeed({ state, detail }),
      },
      ctrl.signal,
    );
    return () => ctrl.abort();
  }, [enabled]);

  const acknowledge = useCallback(async (id: string, note: string) => {
    const updated = await acknowledgeAlert(id, note);
    setAlerts((list) => (list ?? []).map((a) => (a.id === id ? updated : a)));
  }, []);

  const open = alerts ? alerts.filter((a) => a.status === 'open').length : 0;
  return { alerts, loading, error, feed, fresh, open, reload, acknowledge };
}
