import type cytoscape from 'cytoscape';
import { patch, type ChartStore } from './chartStore';

/** A right-click (Cytoscape 'cxttap') on an entity, a link or the empty chart opens the context menu there. */
export function openChartMenu(store: ChartStore, container: HTMLElement | null, evt: cytoscape.EventObject): void {
  const t = evt.target as cytoscape.SingularElementReturnValue | cytoscape.Core;
  const onCore = t === evt.cy;
  const mouse = evt.originalEvent as MouseEvent | undefined;
  const box = container?.getBoundingClientRect();
  const x = mouse?.clientX ?? (box?.left ?? 0) + evt.renderedPosition.x;
  const y = mouse?.clientY ?? (box?.top ?? 0) + evt.renderedPosition.y;
  patch(store, 'session', {
    menu: { x, y, at: { ...evt.position }, targetId: onCore ? null : (t as cytoscape.SingularElementReturnValue).id(), annotation: null },
  });
}
