/// <reference lib="webworker" />
import { computeLayout, type LayoutInput } from './layoutCore';

// One job per message; the app starts a new worker for each layout and ends it when done or superseded.
self.onmessage = (e: MessageEvent<LayoutInput>) => {
  try {
    const started = performance.now();
    const positions = computeLayout(e.data);
    (self as unknown as Worker).postMessage({ positions, ms: performance.now() - started });
  } catch (err) {
    (self as unknown as Worker).postMessage({ error: String(err) });
  }
};
