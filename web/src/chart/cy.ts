import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { installLabelFitting } from './labels';
import { boxOperation, markBoxedLinks, operationPositions } from './operationBoxes';
import { inIdOrder, withSeededRandom } from './seeded';
import { CANVAS_BG, chartStyle } from './style';
import { keepOutOfBoxes } from './keepOutOfBoxes';
import {
  CHUNK_ABOVE,
  CHUNK_BUDGET_MS,
  chunkFloor,
  FIRST_CHUNK,
  MAX_CHUNK,
  PROGRESS_DRAW_MS,
  labelDrawn,
  nextChunkSize,
  orderForAdding,
  renderModeFor,
  WEBGL_OPTIONS,
  type ElementDef,
  type RenderMode,
} from './bigChart';

cytoscape.use(fcose);

/** Above this many nodes, layouts run without animation: animating hundreds of nodes stutters. */
const ANIMATE_LIMIT = 250;
/** Screen pixels kept right of the right-most nodes for their names (labels sit right of nodes). */
const NAME_ROOM_PX = 90;
/** A chart of one or two nodes would otherwise be fitted at maximum zoom, absurdly large. */
const COMFORTABLE_ZOOM = 1.4;

type WindowWithCy = Window & {
  __cy?: cytoscape.Core;
  /** For browser tests and the console: big-chart controls of the chart in `__cy`. */
  __bigChart?: { addInChunks(defs: cytoscape.ElementDefinition[]): Promise<number>; renderMode(): RenderMode; setRenderMode(mode: RenderMode): boolean };
};

export function createChart(container: HTMLElement): cytoscape.Core {
  const cy = cytoscape({
    container,
    style: chartStyle(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    textureOnViewport: false,
    hideEdgesOnViewport: false,
  });
  container.style.background = CANVAS_BG;
  // For browser tests (read nodes, emit 'dbltap') and for analysts who script the console.
  (window as WindowWithCy).__cy = cy;
  (window as WindowWithCy).__bigChart = {
    addInChunks: async (defs) => (await addElementsInChunks(cy, defs)).length,
    renderMode: () => renderModeOf(cy),
    setRenderMode: (mode) => setRenderMode(cy, mode),
  };
  const stops = [installLabelFitting(cy), followContainerSize(cy, container)];
  // Links an operation's box already says stay hidden whatever brought their entities (restore, undo).
  // Once after a burst (one expansion fires hundreds of 'add's), not once per element.
  let queued = false;
  const boxed = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!cy.destroyed()) markBoxedLinks(cy);
    });
  };
  cy.on('add move', boxed);
  stops.push(() => cy.off('add move', boxed));
  teardown.set(cy, stops);
  return cy;
}

const teardown = new WeakMap<cytoscape.Core, (() => void)[]>();

/** The canvas follows its box (a legend strip opening, a panel closing), not only window resizes. */
function followContainerSize(cy: cytoscape.Core, container: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let frame = 0;
  const observer = new ResizeObserver(() => {
    if (frame) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      if (cy.destroyed()) return;
      // A view the analyst has not moved since it was fitted is fitted again to the new size.
      const wasFitted = sameViewport(cy, fittedViewport.get(cy));
      cy.resize();
      if (wasFitted) fitToNodes(cy);
    });
  });
  observer.observe(container);
  return () => {
    observer.disconnect();
    if (frame) window.cancelAnimationFrame(frame);
  };
}

export function destroyChart(cy: cytoscape.Core): void {
  for (const stop of teardown.get(cy) ?? []) stop();
  current.get(cy)?.stop();
  if ((window as WindowWithCy).__cy === cy) {
    delete (window as WindowWithCy).__cy;
    delete (window as WindowWithCy).__bigChart;
  }
  cy.destroy();
}

/** The layout running on each chart: a new one stops it, or two would fight over positions. */
const current = new WeakMap<cytoscape.Core, cytoscape.Layouts>();

function start(cy: cytoscape.Core, eles: cytoscape.Collection, options: Record<string, unknown>): Promise<void> {
  current.get(cy)?.stop();
  const layout = eles.layout({ name: 'fcose', ...options } as cytoscape.LayoutOptions);
  current.set(cy, layout);
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  try {
    withSeededRandom(() => layout.run());
  } catch (err) {
    // A layout failure must not lose the chart: the nodes keep their current positions.
    console.warn('layout failed', err);
    return Promise.resolve();
  }
  return done;
}

/**
 * What a whole-chart layout arranges: the visible elements (a boxed or hidden link does not pull),
 * in id order so the same chart gives the same picture however it arrived.
 */
function layoutScope(cy: cytoscape.Core): cytoscape.Collection {
  const nodes = cy.nodes().filter((n) => n.visible() || n.isParent());
  const edges = cy.edges().filter((e) => e.visible());
  return inIdOrder(cy, nodes.union(edges));
}

/**
 * Lays out the whole chart from scratch and fits it to the window. Deterministic: the same chart
 * gets the same picture (seeded randomness, elements in id order).
 */
export async function runLayout(cy: cytoscape.Core): Promise<void> {
  const n = cy.nodes().length;
  if (n === 0) return;
  await start(cy, layoutScope(cy), {
    quality: n > 2000 ? 'draft' : 'default',
    randomize: true,
    animate: n <= ANIMATE_LIMIT ? 'end' : false,
    animationDuration: 500,
    fit: false,
    // Label sizes follow the zoom (labels.ts), so they must not steer the layout: the same chart
    // would come out differently at another zoom. The spacing leaves room for names instead.
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: 16000,
    idealEdgeLength: 140,
    nodeSeparation: 120,
    numIter: n > 1000 ? 1200 : 2500,
  });
  fitToNodes(cy);
}

/**
 * The first screen: the operation's entities in boxes by disposition and role (operationBoxes.ts),
 * the spokes to the operation hidden, then the whole chart laid out.
 */
export async function arrangeOperationChart(cy: cytoscape.Core, operationId: string): Promise<void> {
  current.get(cy)?.stop();
  boxOperation(cy, operationId);
  const positions = operationPositions(cy, operationId);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = positions[n.id()];
      if (p && !n.isParent() && !n.locked()) n.position(p);
    });
  });
  fitToNodes(cy);
}

/**
 * Fits the view to the nodes themselves, not their names: names are sized for the zoom (labels.ts),
 * so including them would zoom out further than the chart needs.
 */
/** The viewport fitToNodes last set, per chart. */
const fittedViewport = new WeakMap<cytoscape.Core, { zoom: number; x: number; y: number }>();

function sameViewport(cy: cytoscape.Core, v: { zoom: number; x: number; y: number } | undefined): boolean {
  return !!v && Math.abs(cy.zoom() - v.zoom) < 1e-9 && Math.abs(cy.pan().x - v.x) < 0.5 && Math.abs(cy.pan().y - v.y) < 0.5;
}

export function fitToNodes(cy: cytoscape.Core, padding = 40): void {
  const nodes = cy.nodes(':visible');
  if (nodes.empty()) return;
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
  // Screen room for what sticks out: names right of the right-most nodes, box titles above the top.
  const [left, right, top, bottom] = [padding, padding + NAME_ROOM_PX, padding + 24, padding];
  const w = cy.width();
  const h = cy.height();
  const zoom = Math.max(cy.minZoom(), Math.min(COMFORTABLE_ZOOM, (w - left - right) / Math.max(1, bb.w), (h - top - bottom) / Math.max(1, bb.h)));
  cy.viewport({ zoom, pan: { x: left - zoom * bb.x1 + (w - left - right - zoom * bb.w) / 2, y: top - zoom * bb.y1 + (h - top - bottom - zoom * bb.h) / 2 } });
  fittedViewport.set(cy, { zoom: cy.zoom(), x: cy.pan().x, y: cy.pan().y });
}

/** Past this many nodes, an incremental layout looks only at the new nodes and their neighbours. */
const WHOLE_CHART_INCREMENTAL_LIMIT = 1500;

/**
 * Lays out only what was just added. The new nodes move; every node already on the chart is held
 * where the analyst left it (fcose fixed-node constraints), so expanding never scrambles a chart
 * someone has spent an hour arranging, and the held nodes still push the new ones into free space.
 * Afterwards the view widens only if new nodes fell outside it.
 */
export async function layoutAdded(cy: cytoscape.Core, added: cytoscape.NodeCollection): Promise<void> {
  if (added.empty()) return;
  // On very big charts, holding thousands of nodes makes fcose slow: consider only the new nodes'
  // surroundings (they may then overlap distant nodes, which re-running the layout fixes).
  const scope =
    cy.nodes().length <= WHOLE_CHART_INCREMENTAL_LIMIT ? cy.nodes() : added.union(added.neighborhood().nodes());
  const held = scope.difference(added);
  const edges = scope.connectedEdges().filter((e) => scope.contains(e.source()) && scope.contains(e.target()));
  if (scope.length > 1) {
    await start(cy, scope.union(edges), {
      // Incremental: start from where merge placed the new nodes (fcose needs 'proof' for that).
      quality: 'proof',
      randomize: false,
      animate: added.length <= ANIMATE_LIMIT && scope.length <= 2 * ANIMATE_LIMIT ? 'end' : false,
      animationDuration: 450,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: 12000,
      idealEdgeLength: 110,
      numIter: 1500,
      // Disconnected groups of held nodes must stay put too, not be packed together.
      tile: false,
      fixedNodeConstraint: held.map((n) => ({ nodeId: n.id(), position: { ...(n as cytoscape.NodeSingular).position() } })),
    });
  }
  keepOutOfBoxes(cy, added);
  revealIfHidden(cy, added);
}

function revealIfHidden(cy: cytoscape.Core, eles: cytoscape.NodeCollection): void {
  const ext = cy.extent();
  const bb = eles.boundingBox({});
  const inside = bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
  if (inside) return;
  const all = cy.nodes();
  if (all.length <= 2) {
    cy.animate({ center: { eles }, zoom: Math.min(cy.zoom(), COMFORTABLE_ZOOM) }, { duration: 300 });
  } else {
    cy.animate({ fit: { eles: all, padding: 50 } }, { duration: 300 });
  }
}

/** Fits the chart to the window, no closer than a comfortable reading zoom. */
export function fitChart(cy: cytoscape.Core): void {
  fitToNodes(cy);
}

/** The centre of what the analyst is looking at, in model coordinates. */
export function viewportCentre(cy: cytoscape.Core): cytoscape.Position {
  const ext = cy.extent();
  return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
}

/** Selects one element alone and brings it into view if it is off screen. */
export function selectOnly(cy: cytoscape.Core, id: string): boolean {
  const el = cy.getElementById(id);
  if (el.empty()) return false;
  cy.$(':selected').unselect();
  el.select();
  const ext = cy.extent();
  const bb = el.boundingBox({});
  if (bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
    cy.animate({ center: { eles: el } }, { duration: 300 });
  }
  return true;
}

/**
 * Calls `onChange` at most once per animation frame after any of `events` (one expansion fires
 * hundreds of 'add's), first marking the links of the selected nodes `.of-selected`. Returns the
 * function that stops it.
 */
export function onChartChange(cy: cytoscape.Core, events: string, onChange: (cy: cytoscape.Core) => void): () => void {
  let frame = 0;
  const refresh = () => {
    if (frame) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      if (cy.destroyed()) return;
      cy.edges('.of-selected').removeClass('of-selected');
      cy.nodes(':selected').connectedEdges().addClass('of-selected');
      onChange(cy);
    });
  };
  cy.on(events, refresh);
  return () => {
    if (!cy.destroyed()) cy.off(events, refresh);
    if (frame) window.cancelAnimationFrame(frame);
  };
}

/** Past this many elements the renderer takes shortcuts while the view moves. */
export const BIG_CHART_ELEMENTS = 2000;

/**
 * On a big chart, panning and zooming move a snapshot of the canvas (textureOnViewport) without
 * drawing links (hideEdgesOnViewport), so the view follows the hand; small charts redraw for real.
 * These are renderer settings read on every frame, so they can change as the chart grows.
 */
export function tuneForSize(cy: cytoscape.Core): boolean {
  // Elements still to come from a chunked add count already: the chart is drawn for its final size.
  const count = cy.elements().length + (arriving.get(cy) ?? 0);
  // Past several thousand elements the chart is drawn with WebGL (bigChart.ts), back to canvas
  // once it is small again; a renderer chosen by hand for a chunked add is kept.
  if (!forced.get(cy)) setRenderMode(cy, renderModeFor(count, renderModeOf(cy)));
  return tuneViewport(cy, count);
}

function tuneViewport(cy: cytoscape.Core, count: number): boolean {
  const big = count > BIG_CHART_ELEMENTS;
  const r = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } | undefined }).renderer();
  if (r) {
    r.textureOnViewport = big;
    r.hideEdgesOnViewport = big;
  }
  return big;
}

// ---------------------------------------------------------------------------------------------
// Big charts: WebGL and adding in chunks (issue 17; the decisions are in bigChart.ts)

/** Cytoscape's canvas renderer's internals used here (absent from its type definitions). */
interface RendererInternals {
  webgl?: boolean;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  CANVAS_LAYERS?: number;
  drawing?: { atlasManager?: { getRenderTypeOpts?(type: string): { isVisible?: (ele: cytoscape.SingularElementArgument) => boolean } | undefined } };
}
interface CoreInternals {
  _private: { options: Record<string, unknown> & { renderer?: Record<string, unknown> } };
  stopAnimationLoop(): void;
  startAnimationLoop(): void;
  destroyRenderer(): void;
  initRenderer(options: Record<string, unknown>): void;
  invalidateSize?(): void;
}

const rendererOf = (cy: cytoscape.Core): RendererInternals | undefined =>
  (cy as unknown as { renderer(): RendererInternals | undefined }).renderer() ?? undefined;

/** Which renderer draws the chart now. */
export function renderModeOf(cy: cytoscape.Core): RenderMode {
  return rendererOf(cy)?.webgl ? 'webgl' : 'canvas';
}

let software: boolean | undefined;
/** Whether WebGL runs without a GPU (SwiftShader, llvmpipe): reading pixels back is then costly. */
function softwareGl(): boolean {
  if (software === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      software = /swiftshader|llvmpipe|software/i.test(name);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      software = false;
    }
  }
  return software;
}

/**
 * Runs `fn` (a WebGL renderer being made) with WebGL 2 contexts asked for without antialiasing. On a
 * software GL, multisampling multiplies the cost of every pixel drawn by four; on a GPU it is cheap
 * and the renderer keeps it. Cytoscape has no option for it, so the request is amended for the
 * moment the renderer makes its canvases.
 */
function withoutAntialias(fn: () => void): void {
  const proto = HTMLCanvasElement.prototype as unknown as { getContext(type: string, attrs?: Record<string, unknown>): unknown };
  const getContext = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, type: string, attrs?: Record<string, unknown>) {
    return getContext.call(this, type, type === 'webgl2' ? { ...attrs, antialias: false } : attrs);
  };
  try {
    fn();
  } finally {
    proto.getContext = getContext;
  }
}

let webglWorks: boolean | undefined;
/** WebGL 2 is what Cytoscape's WebGL mode needs (a browser without it keeps the canvas). */
function webglAvailable(): boolean {
  if (webglWorks === undefined) {
    try {
      webglWorks = typeof document !== 'undefined' && !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webglWorks = false;
    }
  }
  return webglWorks;
}

/**
 * Switches the chart between the canvas and the WebGL renderer, keeping everything else: the same
 * Cytoscape instance (elements, styles, listeners, viewport), only its renderer is made anew, as
 * Cytoscape's own `mount` does. Returns whether it switched. Done before a big chart's elements are
 * added (addElementsInChunks) it costs almost nothing; on a big chart already drawn, one redraw.
 */
export function setRenderMode(cy: cytoscape.Core, mode: RenderMode): boolean {
  if (cy.destroyed() || !cy.container() || renderModeOf(cy) === mode) return false;
  if (mode === 'webgl' && !webglAvailable()) return false;
  const core = cy as unknown as CoreInternals;
  const before = rendererOf(cy);
  const flags = before ? { textureOnViewport: before.textureOnViewport, hideEdgesOnViewport: before.hideEdgesOnViewport } : undefined;
  const options = core._private.options;
  options.renderer = { ...(options.renderer ?? {}), name: 'canvas', webgl: mode === 'webgl', ...(mode === 'webgl' ? WEBGL_OPTIONS : {}) };
  core.stopAnimationLoop();
  core.destroyRenderer();
  core.invalidateSize?.();
  if (mode === 'webgl' && softwareGl()) withoutAntialias(() => core.initRenderer({ ...options, ...options.renderer }));
  else core.initRenderer({ ...options, ...options.renderer });
  core.startAnimationLoop();
  const r = rendererOf(cy);
  if (r && flags) Object.assign(r, flags);
  if (r && mode === 'canvas') dropStrayWebglLayer(r);
  if (r && mode === 'webgl') {
    honourMinZoomedFontSize(cy, r);
    if (softwareGl()) {
      // WebGL mode finds the element under the pointer by drawing every element into an offscreen
      // buffer and reading a pixel back. On a software GL (SwiftShader: no GPU, as in the bench's
      // headless Chromium) each read waits for all drawing to finish, seconds on a 20k chart at
      // every mouse down, move and up; the canvas renderer's search of the elements' boxes is
      // milliseconds. Its own method is on the prototype, under the instance's override.
      delete (r as { findNearestElements?: unknown }).findNearestElements;
    }
  }
  // The new renderer measures every element again (label sizes, bounding boxes) on its first frame.
  cy.style().update();
  return true;
}

/**
 * Once a WebGL renderer has been made, Cytoscape (3.34) makes every later canvas renderer with a
 * fourth canvas holding a WebGL context (its module-level layer count stays at 4) that the canvas
 * renderer never draws into or sizes (it goes by its own count, 3). Removed, with its context let go.
 */
function dropStrayWebglLayer(r: RendererInternals): void {
  const data = (r as unknown as { data?: { canvases?: (HTMLCanvasElement | undefined)[]; contexts?: unknown[] } }).data;
  const layers = r.CANVAS_LAYERS ?? 3;
  const canvases = data?.canvases ?? [];
  for (let i = layers; i < canvases.length; i++) {
    const canvas = canvases[i];
    if (!canvas) continue;
    const gl = data?.contexts?.[i] as WebGL2RenderingContext | null | undefined;
    if (gl && typeof gl.getExtension === 'function') gl.getExtension('WEBGL_lose_context')?.loseContext();
    canvas.remove();
  }
}

/**
 * WebGL mode (cytoscape 3.34) draws every label, ignoring `min-zoomed-font-size`: zoomed out, 20,000
 * names would be drawn into textures nobody can read. Applies the canvas renderer's rule
 * (bigChart.ts labelDrawn) to its label layers, so names appear as the analyst zooms in.
 */
function honourMinZoomedFontSize(cy: cytoscape.Core, r: RendererInternals): void {
  const atlas = r.drawing?.atlasManager;
  const num = (ele: cytoscape.SingularElementArgument, name: string): number =>
    Number((ele as unknown as { pstyle(n: string): { pfValue?: number; value?: unknown } }).pstyle(name)?.pfValue ?? 0);
  for (const [type, prop] of [
    ['label', 'label'],
    ['edge-source-label', 'source-label'],
    ['edge-target-label', 'target-label'],
  ] as const) {
    const opts = atlas?.getRenderTypeOpts?.(type);
    if (!opts) continue;
    const shown = opts.isVisible;
    opts.isVisible = (ele) => {
      if (shown && !shown(ele)) return false;
      const label = (ele as unknown as { pstyle(n: string): { strValue?: string } }).pstyle(prop)?.strValue;
      return labelDrawn({ label, fontSize: num(ele, 'font-size'), minZoomedFontSize: num(ele, 'min-zoomed-font-size'), textOpacity: num(ele, 'text-opacity') }, cy.zoom());
    };
  }
}

const nextFrame = (): Promise<void> => new Promise((resolve) => window.requestAnimationFrame(() => resolve()));

/**
 * Adds element definitions to the chart a chunk per animation frame (big charts), so the first draw
 * of 20,000 elements never holds the main thread for long: nodes before links, parents before their
 * children, each chunk in one batch, chunk sizes following the time the last one took. The renderer
 * for the final size is chosen first (WebGL for a big chart), so no frame is drawn with the wrong
 * one. Resolves with the elements added; small additions are one batch, at once.
 */
export async function addElementsInChunks(
  cy: cytoscape.Core,
  defs: cytoscape.ElementDefinition[],
  opts: { signal?: AbortSignal; renderMode?: RenderMode } = {},
): Promise<cytoscape.Collection> {
  const total = cy.elements().length + defs.length;
  setRenderMode(cy, opts.renderMode ?? renderModeFor(total, renderModeOf(cy)));
  if (defs.length <= CHUNK_ABOVE) {
    const added = cy.add(defs);
    tuneViewport(cy, cy.elements().length);
    return added;
  }
  const ordered = orderForAdding(defs as unknown as ElementDef[]) as unknown as cytoscape.ElementDefinition[];
  let added = cy.collection();
  const floor = chunkFloor(ordered.length);
  let size = Math.max(FIRST_CHUNK, floor);
  if (opts.renderMode) forced.set(cy, true);
  tuneViewport(cy, total);
  const stopThrottle = throttleDrawing(cy);
  try {
    for (let i = 0; i < ordered.length; ) {
      if (opts.signal?.aborted || cy.destroyed()) break;
      const chunk = ordered.slice(i, i + size);
      arriving.set(cy, ordered.length - i - chunk.length);
      const t = performance.now();
      cy.batch(() => {
        added = added.union(cy.add(chunk));
      });
      i += chunk.length;
      if (i >= ordered.length) break;
      // Cytoscape styles and measures new elements when it draws them, in the frame after the add:
      // the chunk's cost is the time until the next frame, drawing included.
      await nextFrame();
      size = nextChunkSize(chunk.length, performance.now() - t, CHUNK_BUDGET_MS, floor, Math.max(MAX_CHUNK, floor));
    }
  } finally {
    stopThrottle();
    arriving.delete(cy);
    forced.delete(cy);
  }
  if (!cy.destroyed()) tuneViewport(cy, cy.elements().length);
  return added;
}

/**
 * While a big chart arrives, draws it at most every PROGRESS_DRAW_MS instead of at every frame:
 * drawing all that has arrived costs the same whatever the chunk, so drawing it after each chunk
 * would make the first draw quadratic. Styling and measuring the new elements still happen frame
 * by frame (Cytoscape does them before its draw step). Returns the function that draws normally
 * again, at once.
 */
function throttleDrawing(cy: cytoscape.Core): () => void {
  const r = rendererOf(cy) as (RendererInternals & { render?: (o: unknown) => unknown; redraw?: () => void }) | undefined;
  const render = r?.render;
  if (!r || typeof render !== 'function') return () => {};
  const own = Object.prototype.hasOwnProperty.call(r, 'render');
  let last = performance.now();
  r.render = function (this: unknown, o: unknown) {
    if (performance.now() - last < PROGRESS_DRAW_MS) return undefined;
    last = performance.now();
    return render.call(this, o);
  };
  return () => {
    if (own) r.render = render;
    else delete r.render;
    if (!cy.destroyed()) cy.forceRender();
  };
}

/** Per chart, while a chunked add runs: elements still to come, and whether its renderer was chosen by hand. */
const arriving = new WeakMap<cytoscape.Core, number>();
const forced = new WeakMap<cytoscape.Core, boolean>();
