import type cytoscape from 'cytoscape';
import { hasAnnotations, NO_ANNOTATIONS, type Annotations } from './annotations';
import type { Filters } from './filters';
import type { EdgeData } from './merge';
import type { Highlight, LabelMode } from './overlays';
import type { LayoutName } from './layouts';

/** How a chart looked, as saved on the server beside its entity and link ids (no case data). */
export interface ViewState {
  version: 1;
  positions: Record<string, [number, number]>;
  hidden: string[];
  pinned: string[];
  groups: { id: string; label: string; members: string[] }[];
  filters: Filters;
  styling: { rank: string; communities: boolean; highlight: Highlight; labels: LabelMode; layout: LayoutName };
  /** How it was framed, and in a chart area of what size (older states have no size). */
  viewport: { zoom: number; pan: { x: number; y: number }; size?: { w: number; h: number } };
  /** The analyst's notes and arrows (read back through readAnnotations: any client may have written it). */
  annotations?: Annotations;
}

export function captureState(
  cy: cytoscape.Core,
  filters: Filters,
  styling: ViewState['styling'],
  annotations: Annotations = NO_ANNOTATIONS,
): { state: ViewState; entityIds: string[]; linkIds: string[] } {
  const positions: ViewState['positions'] = {};
  const hidden: string[] = [];
  const pinned: string[] = [];
  const groups: ViewState['groups'] = [];
  const entityIds: string[] = [];
  cy.nodes().forEach((n) => {
    if (n.data('isGroup')) {
      groups.push({ id: n.id(), label: String(n.data('label') ?? ''), members: n.children().map((c) => c.id()) });
      return;
    }
    entityIds.push(n.id());
    const p = n.position();
    positions[n.id()] = [Math.round(p.x), Math.round(p.y)];
    if (n.hasClass('hidden')) hidden.push(n.id());
    if (n.locked()) pinned.push(n.id());
  });
  cy.edges('.hidden').forEach((e) => {
    hidden.push(e.id());
  });
  const linkIds = cy.edges().map((e) => (e.data() as EdgeData).linkId);
  return {
    state: { version: 1, positions, hidden, pinned, groups, filters, styling, viewport: { zoom: cy.zoom(), pan: cy.pan(), size: { w: cy.width(), h: cy.height() } }, ...(hasAnnotations(annotations) ? { annotations } : {}) },
    entityIds,
    linkIds,
  };
}

/** Puts positions, hidden and pinned items and groups back after the elements were added. */
export function restoreState(cy: cytoscape.Core, s: ViewState): void {
  cy.batch(() => {
    for (const g of s.groups ?? []) {
      cy.add({ group: 'nodes', data: { id: g.id, label: g.label, isGroup: true, kind: 'Group', sk: 'group' } });
      cy.nodes()
        .filter((n) => g.members.includes(n.id()))
        .move({ parent: g.id });
    }
    cy.nodes().forEach((n) => {
      const p = s.positions?.[n.id()];
      if (p) n.position({ x: p[0], y: p[1] });
    });
    for (const id of s.hidden ?? []) cy.getElementById(id).addClass('hidden');
    for (const id of s.pinned ?? []) cy.getElementById(id).lock().addClass('pinned');
  });
  if (sameFrame(cy, s.viewport)) cy.viewport({ zoom: s.viewport!.zoom, pan: s.viewport!.pan });
}

/**
 * The saved framing is kept only in a chart area of the size it was saved in: a chart saved on a
 * 1600x1000 screen and opened at 1280x720 (or from a link, or after the window changed) would open
 * zoomed in and cut off, so it is fitted to the window instead (same positions, same picture).
 */
export function sameFrame(cy: cytoscape.Core, v: ViewState['viewport'] | undefined): boolean {
  if (!v?.size) return false;
  return Math.abs(v.size.w - cy.width()) <= 2 && Math.abs(v.size.h - cy.height()) <= 2;
}
