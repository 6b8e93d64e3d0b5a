/**
 * Labels that read: every label that fits is drawn, the others appear when the pointer is on their
 * element. Two parts:
 *
 * - `fitLabels`, a pure function: given label boxes (with priorities) and the boxes of node bodies,
 *   it picks the labels to draw so that no two drawn labels overlap and no label covers another
 *   node. Greedy by priority over a uniform grid, so it is linear in the number of labels.
 * - `installLabelFitting`, the chart glue: label sizes follow the zoom (names stay legible, about
 *   10 px and up, when a fitted chart is zoomed out), and after each zoom, pan, layout or change the
 *   fitting runs again (throttled), marking the labels it leaves out `.label-off`.
 *
 * Big charts skip all of it (above FIT_LIMIT elements): there the fixed font and the renderer's
 * `min-zoomed-font-size` keep drawing cheap, as before.
 */
import type cytoscape from 'cytoscape';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  box: Box;
  /** Higher is placed first (selected, children, well-linked entities before link labels). */
  priority: number;
}

export interface Obstacle {
  box: Box;
  /** The element whose label may touch this obstacle (a node never hides its own label). */
  owner: string;
}

export const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const grow = (b: Box, m: number): Box => ({ x1: b.x1 - m, y1: b.y1 - m, x2: b.x2 + m, y2: b.y2 + m });

/** A uniform grid of boxes: each box is listed in every cell it touches. */
class BoxGrid<T extends { box: Box }> {
  private cells = new Map<string, T[]>();
  constructor(private readonly cell: number) {}

  private *keys(b: Box): Generator<string> {
    const c = this.cell;
    for (let i = Math.floor(b.x1 / c); i <= Math.floor(b.x2 / c); i++) {
      for (let j = Math.floor(b.y1 / c); j <= Math.floor(b.y2 / c); j++) yield `${i},${j}`;
    }
  }

  add(item: T): void {
    for (const k of this.keys(item.box)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }

  some(b: Box, hit: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) if (overlaps(item.box, b) && hit(item)) return true;
    return false;
  }
}

/**
 * The ids of the labels to draw. `gap` is the clear space kept between labels (same units as the
 * boxes); `view`, when given, leaves out labels entirely outside it (they are fitted when seen).
 * Ties in priority go by id, so the same chart always shows the same labels.
 */
export function fitLabels(candidates: LabelCandidate[], obstacles: Obstacle[], gap = 0, view?: Box): Set<string> {
  const shown = new Set<string>();
  const inView = view ? candidates.filter((c) => overlaps(c.box, view)) : candidates;
  if (inView.length === 0) return shown;
  // Cells about the size of a typical label keep each lookup to a handful of boxes.
  const sizes = inView.map((c) => Math.max(c.box.x2 - c.box.x1, c.box.y2 - c.box.y1)).sort((a, b) => a - b);
  const cell = Math.max(1, sizes[Math.floor(sizes.length / 2)] ?? 1);
  const bodies = new BoxGrid<Obstacle>(cell);
  for (const o of obstacles) bodies.add(o);
  const placed = new BoxGrid<{ box: Box }>(cell);
  const order = [...inView].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of order) {
    const padded = grow(c.box, gap / 2);
    if (placed.some(padded, () => true)) continue;
    if (bodies.some(c.box, (o) => o.owner !== c.id)) continue;
    placed.add({ box: padded });
    shown.add(c.id);
  }
  return shown;
}

// ---------------------------------------------------------------------------------------------
// Chart glue

/** Past this many elements on the chart, labels keep a fixed size and are not fitted. */
export const FIT_LIMIT = 2500;
/** Below this zoom, label sizes grow in model units so they stay this legible on screen. */
const LEGIBLE_ZOOM = 0.7;
/** …but no more than this many times their size at 1:1 (far out, names give way to shapes). */
const MAX_SCALE = 3;
/** Clear screen pixels kept between two drawn labels. */
const GAP_PX = 3;
/** Most milliseconds between a change and the labels following it. */
const THROTTLE_MS = 120;

/** How much bigger than at 1:1 labels are drawn at this zoom (in model units): 1 when zoomed in. */
export function labelScale(zoom: number): number {
  return Math.min(MAX_SCALE, Math.max(1, LEGIBLE_ZOOM / Math.max(zoom, 1e-6)));
}

const SCALE_KEY = 'labelScale';

/** A style value that follows the chart's label scale: `scaled(13)` is 13 px at 1:1. */
export function scaled(px: number): (ele: cytoscape.SingularElementArgument) => number {
  return (ele) => px * ((ele.cy().scratch(SCALE_KEY) as number | undefined) ?? 1);
}

/** Drawn first: the selected, the children, the focal child, then the best linked; link labels last. */
function priorityOf(ele: cytoscape.SingularElementArgument): number {
  if (ele.selected()) return 1e6;
  if (ele.isEdge()) return 10 + Number(ele.data('nsources') ?? 0);
  const n = ele as cytoscape.NodeSingular;
  if (n.data('isGroup')) return 1e5;
  let p = 1000 + n.degree(false);
  if (n.hasClass('focal')) p += 1e5;
  if (n.data('child')) p += 5000;
  // The operation heads its chart: its name before any member's.
  if (n.data('kind') === 'Operation') p += 20000;
  return p;
}

const BODY_ONLY = { includeLabels: false, includeOverlays: false, includeUnderlays: false, includeOutlines: false } as const;
const LABEL_ONLY = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false } as const;

const bbox = (ele: cytoscape.SingularElementArgument, opts: object): Box => {
  const b = ele.boundingBox(opts as cytoscape.BoundingBoxOptions);
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
};

/** A computed style value (Cytoscape's `pstyle`, missing from its type definitions). */
const pstyle = (ele: cytoscape.SingularElementArgument, name: string): { strValue?: string; pfValue?: number } =>
  (ele as unknown as { pstyle(n: string): { strValue?: string; pfValue?: number } }).pstyle(name);

/** One fitting pass over the visible chart; returns how many labels are drawn. */
export function refitLabels(cy: cytoscape.Core, fresh = false): number {
  const zoom = cy.zoom();
  const minScreenFont = 7;
  const candidates: LabelCandidate[] = [];
  const obstacles: Obstacle[] = [];
  // Link words only once zoomed in to where labels are their own size: on an overview, names first.
  const linkWords = labelScale(zoom) <= 1;
  const all = cy.elements(':visible');
  all.forEach((ele) => {
    const isGroup = ele.isNode() && (ele as cytoscape.NodeSingular).isParent();
    if (ele.isNode() && !isGroup) obstacles.push({ box: bbox(ele, { ...BODY_ONLY, useCache: !fresh }), owner: ele.id() });
    const label = pstyle(ele, 'label').strValue as string | undefined;
    if (!label || (!linkWords && ele.isEdge())) return;
    // A label the renderer would not draw at this zoom anyway takes no room.
    if ((pstyle(ele, 'font-size').pfValue as number) * zoom < minScreenFont) return;
    // Just after the sizes changed, measure anew (the cached boxes still have the old font).
    const box = bbox(ele, { ...LABEL_ONLY, useCache: !fresh });
    if (!(box.x2 > box.x1)) return;
    candidates.push({ id: ele.id(), box, priority: priorityOf(ele) });
  });
  const ext = cy.extent();
  const shown = fitLabels(candidates, obstacles, GAP_PX / zoom, { x1: ext.x1, y1: ext.y1, x2: ext.x2, y2: ext.y2 });
  cy.batch(() => {
    all.forEach((ele) => {
      const off = !shown.has(ele.id());
      if (off !== ele.hasClass('label-off')) ele.toggleClass('label-off', off);
    });
  });
  return shown.size;
}

/**
 * Keeps a chart's labels fitted: sizes after zoom, fitting after zoom, pan, layout, drag, add and
 * remove; hover shows a hidden label (a node's whole name). Returns the function that stops it.
 */
export function installLabelFitting(cy: cytoscape.Core): () => void {
  let timer = 0;
  let last = 0;
  const run = () => {
    timer = 0;
    last = performance.now();
    if (cy.destroyed()) return;
    if (cy.elements().length > FIT_LIMIT) {
      // Big chart: fixed sizes, nothing hidden by fitting (the renderer's own thresholds apply).
      if (cy.scratch(SCALE_KEY) !== 1) {
        cy.scratch(SCALE_KEY, 1);
        cy.style().update();
      }
      const off = cy.elements('.label-off');
      if (off.nonempty()) off.removeClass('label-off');
      return;
    }
    const scale = labelScale(cy.zoom());
    const was = (cy.scratch(SCALE_KEY) as number | undefined) ?? 1;
    const resized = Math.abs(scale - was) / was > 0.04;
    if (resized) {
      cy.scratch(SCALE_KEY, scale);
      cy.style().update();
    }
    refitLabels(cy, resized);
  };
  const schedule = () => {
    if (timer) return;
    const wait = Math.max(0, THROTTLE_MS - (performance.now() - last));
    timer = window.setTimeout(run, wait);
  };
  const events = 'viewport layoutstop add remove position data select unselect';
  cy.on(events, schedule);
  const hover = (evt: cytoscape.EventObject) => {
    const t = evt.target as cytoscape.SingularElementArgument;
    const on = evt.type === 'mouseover';
    // Only the element under the pointer: its links' words all at once piled up over each other.
    t.toggleClass('label-hover', on);
  };
  cy.on('mouseover mouseout', 'node, edge', hover);
  schedule();
  return () => {
    if (timer) window.clearTimeout(timer);
    if (!cy.destroyed()) {
      cy.off(events, schedule);
      cy.off('mouseover mouseout', 'node, edge', hover);
    }
  };
}
