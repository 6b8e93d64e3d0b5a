import { useEffect } from 'react';
import type { WorkingChartInput } from '../api/charts';

/**
 * What a chart holds, as one short string: its entities, links and view state, without the
 * viewport (panning and zooming is not work to lose). Two charts with the same signature look the
 * same; a named chart whose signature differs from the one it was saved or opened with has
 * changes not saved under its name.
 */
export function chartSignature(c: WorkingChartInput): string {
  const { viewport: _viewport, named: _named, ...rest } = c.state;
  const text = JSON.stringify([[...c.entityIds].sort(), [...c.linkIds].sort(), rest]);
  // FNV-1a, 32 bits, twice with different seeds: short, and collisions are of no consequence here.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

/**
 * While `unsaved` is true the browser asks before the page is closed or reloaded ("Leave site?
 * Changes you made may not be saved."); browsers show their own words, not ours.
 */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers need returnValue set as well.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
