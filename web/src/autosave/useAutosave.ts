import { useCallback, useEffect, useRef, useState } from 'react';
import { isUnauthenticated } from '../api/errors';
import { saveWorkingChart, saveWorkingChartOnExit, type WorkingChartInput } from '../api/charts';

/** How long after the last change the working chart is saved. */
export const AUTOSAVE_DELAY_MS = 2_000;

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed'; message: string };

/**
 * Snapshots that could not be saved because the session ended (or the server was unreachable), by
 * username. In memory only, for this page: when the same user signs in again the workspace saves
 * this one first and restores it (see unsavedOf), so an expired session loses nothing.
 */
const unsaved = new Map<string, WorkingChartInput>();

/** Each mounted autosave's flush: signing out waits for them (flushAutosaves) before the token goes. */
const flushers = new Set<() => Promise<void>>();

/** Saves whatever is not saved yet, now; resolves when done (or after `timeoutMs`). */
export function flushAutosaves(timeoutMs = 3_000): Promise<void> {
  const all = Promise.all([...flushers].map((f) => f().catch(() => undefined))).then(() => undefined);
  return Promise.race([all, new Promise<void>((r) => setTimeout(r, timeoutMs))]);
}

/** The snapshot a user's ended session could not save (null when there is none). */
export const unsavedOf = (username: string): WorkingChartInput | null => unsaved.get(username) ?? null;

/** Forgets that snapshot, once it is saved. */
export const forgetUnsaved = (username: string, snapshot: WorkingChartInput): void => {
  if (unsaved.get(username) === snapshot) unsaved.delete(username);
};

export interface AutosaveOptions {
  /**
   * Saving allowed: an analyst's chart, and only once their working chart has been restored (or
   * found missing), so that the default chart shown meanwhile never replaces it.
   */
  enabled: boolean;
  username: string | null;
  /** The chart now, as ids and view state; null when there is no chart to save. */
  capture(): WorkingChartInput | null;
  /** Calls `onChange` after every change worth saving; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  delayMs?: number;
}

/**
 * Saves the working chart on the server a moment after each change (debounced), at once when the
 * page is hidden or closed, and when the workspace goes away (sign out, ended session). A save that
 * fails because the session ended is kept for the next sign-in of the same user.
 */
export function useAutosave({ enabled, username, capture, subscribe, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions): { status: AutosaveStatus; flush(): Promise<void> } {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const latest = useRef({ capture, username });
  latest.current = { capture, username };
  /** Saves run one at a time, in order: a slow save never lands after a newer one. */
  const queue = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return queue.current;
    const { capture: take, username: user } = latest.current;
    const snapshot = take();
    if (!snapshot || !user) return queue.current;
    dirty.current = false;
    queue.current = queue.current.then(async () => {
      setStatus({ state: 'saving' });
      try {
        const saved = await saveWorkingChart(snapshot);
        unsaved.delete(user);
        setStatus({ state: 'saved', at: saved.updatedAt });
      } catch (err) {
        // Kept for the next sign-in (ended session) or the next change (unreachable server).
        unsaved.set(user, snapshot);
        if (!isUnauthenticated(err)) dirty.current = true;
        setStatus({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    });
    return queue.current;
  }, []);

  useEffect(() => {
    if (!enabled) return;
    // Cheap per event (a layout moves thousands of nodes, each a change): the timer is set once and,
    // when it fires, waits again until `delayMs` have passed since the last change.
    let lastChange = 0;
    const due = () => {
      const wait = lastChange + delayMs - Date.now();
      timer.current = wait > 0 ? setTimeout(due, wait) : null;
      if (wait <= 0) void save();
    };
    const stop = subscribe(() => {
      lastChange = Date.now();
      if (dirty.current && timer.current) return;
      dirty.current = true;
      setStatus((s) => (s.state === 'pending' ? s : { state: 'pending' }));
      if (!timer.current) timer.current = setTimeout(due, delayMs);
    });
    // Leaving the page: the last changes go with a request that outlives it.
    const onExit = () => {
      if (!dirty.current) return;
      const snapshot = latest.current.capture();
      if (!snapshot) return;
      dirty.current = false;
      if (timer.current) clearTimeout(timer.current);
      if (latest.current.username) unsaved.set(latest.current.username, snapshot);
      saveWorkingChartOnExit(snapshot);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onExit();
    };
    flushers.add(save);
    window.addEventListener('pagehide', onExit);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      flushers.delete(save);
      window.removeEventListener('pagehide', onExit);
      document.removeEventListener('visibilitychange', onVisibility);
      // The workspace is going (sign out, ended session): what is not saved yet is saved now, or
      // kept for the same user's next sign-in when the session is already over.
      void save();
    };
  }, [enabled, subscribe, save, delayMs]);

  return { status, flush: save };
}
