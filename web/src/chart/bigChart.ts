/**
 * Big charts (issue 17): the decisions, as pure functions tested without a browser. The glue that
 * applies them to a live chart is in cy.ts (`addElementsInChunks`, `setRenderMode`).
 *
 * - Which renderer: Cytoscape's canvas renderer draws every element with the 2D canvas on the main
 *   thread; past several thousand elements that is what limits panning. Its WebGL mode (cytoscape
 *   >= 3.31, `webgl: true`) draws shapes on the GPU (or SwiftShader without one) and labels as
 *   textures. Above WEBGL_ABOVE elements the chart switches to WebGL, and back to canvas only at
 *   CANVAS_AT_OR_BELOW, so a chart hovering about one size does not flip at every expansion.
 * - Adding in chunks: a chart of 20,000 elements added in one go costs the main thread seconds of
 *   style and first draw in one task. Added a chunk per animation frame, sized so that each frame's
 *   work (add, style, draw) stays under a budget, the page keeps answering and the analyst sees the
 *   chart arrive.
 * - Labels in WebGL: the WebGL mode draws every label, whatever the style's `min-zoomed-font-size`
 *   says (3.34). `labelDrawn` is the canvas renderer's rule, applied to WebGL too, so zoomed out the
 *   chart is shapes and links (cheap, readable), zoomed in the names appear.
 */

export type RenderMode = 'canvas' | 'webgl';

/** Past this many elements a chart is drawn with WebGL. */
export const WEBGL_ABOVE = 6000;
/** A WebGL chart goes back to canvas only once it is this small again. */
export const CANVAS_AT_OR_BELOW = 4000;

/** The renderer for a chart of `elements`, given the one it has (hysteresis between the bounds). */
export function renderModeFor(elements: number, current: RenderMode): RenderMode {
  if (current === 'webgl') return elements <= CANVAS_AT_OR_BELOW ? 'canvas' : 'webgl';
  return elements > WEBGL_ABOVE ? 'webgl' : 'canvas';
}

/**
 * Cytoscape's WebGL options for the app. Texture atlases of 2048 px (16 MB each, the default: with
 * labels drawn only zoomed in, few are needed); bigger batches than the mobile default, so a 20k
 * chart is drawn in a handful of draw calls.
 */
export const WEBGL_OPTIONS = {
  webglTexSize: 2048,
  webglTexRows: 36,
  webglTexRowsNodes: 18,
  webglBatchSize: 4096,
  webglTexPerBatch: 16,
} as const;

/** Fewer elements than this are added in one go: chunking would only delay them. */
export const CHUNK_ABOVE = 1500;
/** The first chunk; later ones follow the time the previous one took (`nextChunkSize`). */
export const FIRST_CHUNK = 1000;
/**
 * Milliseconds aimed at from one chunk's add to the next frame: adding, styling and measuring the
 * new elements, and drawing the frame (well under the 200 ms a first draw may hold the page).
 */
export const CHUNK_BUDGET_MS = 100;
export const MIN_CHUNK = 200;
/** A big chart arrives in at most about this many chunks (each frame also costs the app its own work). */
export const MAX_CHUNKS = 12;

/**
 * The smallest chunk for adding `total` elements: the app's own work after each frame of additions
 * (its panels, its mirror of the chart) grows with the chart, not with the chunk, so shrinking
 * chunks below this only adds frames.
 */
export function chunkFloor(total: number, min = MIN_CHUNK, chunks = MAX_CHUNKS): number {
  return Math.max(min, Math.ceil(total / chunks));
}

/** While a big chart arrives it is drawn this often (ms) to show progress, not at every chunk. */
export const PROGRESS_DRAW_MS = 1000;
export const MAX_CHUNK = 4000;

/**
 * The size of the next chunk: as many elements as fit the budget at the rate the last chunk went,
 * at most twice the last (one fast frame proves little), within [min, max].
 */
export function nextChunkSize(last: number, spentMs: number, budgetMs = CHUNK_BUDGET_MS, min = MIN_CHUNK, max = MAX_CHUNK): number {
  const fit = spentMs > 0 ? Math.floor((last * budgetMs) / spentMs) : 2 * last;
  return Math.max(min, Math.min(max, 2 * last, fit));
}

/** What the chunking needs to know of an element definition. */
export interface ElementDef {
  group?: 'nodes' | 'edges';
  data: { id?: string; source?: string; target?: string; parent?: string; isGroup?: boolean; [k: string]: unknown };
}

const isEdge = (d: ElementDef): boolean => d.group === 'edges' || (d.group === undefined && d.data.source !== undefined && d.data.target !== undefined);

/**
 * The order to add definitions in, so that every chunk is valid on its own: nodes before links (a
 * link needs both ends), and a parent (a box, a group) before the nodes inside it. Otherwise the
 * given order is kept.
 */
export function orderForAdding<T extends ElementDef>(defs: readonly T[]): T[] {
  const edges: T[] = [];
  const nodes: T[] = [];
  for (const d of defs) (isEdge(d) ? edges : nodes).push(d);
  // Parents first, outermost first: a node's depth is the length of its parent chain.
  const parentOf = new Map<string, string>();
  for (const n of nodes) if (n.data.id && n.data.parent) parentOf.set(n.data.id, n.data.parent);
  if (parentOf.size === 0) return [...nodes, ...edges];
  const depth = (id: string | undefined): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = id ? parentOf.get(id) : undefined; p && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p);
      d++;
    }
    return d;
  };
  const byDepth = nodes.map((n, i) => ({ n, i, d: depth(n.data.id) }));
  byDepth.sort((a, b) => a.d - b.d || a.i - b.i);
  return [...byDepth.map((x) => x.n), ...edges];
}

/** The computed label style the renderers look at, for one element. */
export interface LabelStyle {
  /** The label text ('' or undefined when there is none). */
  label: string | undefined;
  /** Font size in model units. */
  fontSize: number;
  /** `min-zoomed-font-size`: below this on-screen size the label is not drawn. */
  minZoomedFontSize: number;
  textOpacity: number;
}

/** Whether a label is drawn at `zoom`: the canvas renderer's rule, which WebGL mode lacks. */
export function labelDrawn(s: LabelStyle, zoom: number): boolean {
  if (!s.label) return false;
  if (!(s.textOpacity > 0)) return false;
  return s.fontSize * zoom >= s.minZoomedFontSize;
}

/** The zoom from which a label of this size is drawn (the analyst zooms in to at least this). */
export function labelZoom(fontSize: number, minZoomedFontSize: number): number {
  return fontSize > 0 ? minZoomedFontSize / fontSize : Infinity;
}
