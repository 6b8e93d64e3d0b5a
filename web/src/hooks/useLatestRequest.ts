import { useCallback, useEffect, useRef } from 'react';
import { isAbort } from '../api/errors';

/**
 * Cancel-previous requests outside React: each `run` aborts the one before it, so a slow old answer
 * never replaces a newer one. The promise resolves `undefined` when the request was superseded or
 * aborted, so callers need not tell an abort from an answer.
 */
export function latestRequest() {
  let current: AbortController | null = null;
  return {
    run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
      current?.abort();
      const ctrl = new AbortController();
      current = ctrl;
      return work(ctrl.signal).then(
        (v) => (ctrl.signal.aborted ? undefined : v),
        (err: unknown) => {
          if (ctrl.signal.aborted || isAbort(err)) return undefined;
          throw err;
        },
      );
    },
    abort(): void {
      current?.abort();
      current = null;
    },
  };
}

/**
 * The same in a component: `const latest = useLatestRequest(); latest((signal) => fetchX(…, signal))`.
 * Unmounting aborts whatever is still in flight.
 */
export function useLatestRequest(): <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined> {
  const req = useRef(latestRequest());
  useEffect(() => () => req.current.abort(), []);
  return useCallback((work) => req.current.run(work), []);
}
