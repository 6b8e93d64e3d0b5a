import type cytoscape from 'cytoscape';
import { fitToNodes, runLayout } from './cy';
import { hierarchyPositions } from './hierarchy';
import { unboxOperations } from './operationBoxes';
import type { LayoutInput, LayoutOutput } from './layoutCore';
import { inIdOrder } from './seeded';

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';

export const LAYOUTS: { name: LayoutName; label: string; hint: string }[] = [
  { name: 'fcose', label: 'Organic', hint: 'Force-directed (fcose): clusters and bridges stand out' },
  { name: 'concentric', label: 'Concentric', hint: 'Most-linked entities in the middle' },
  { name: 'breadthfirst', label: 'Hierarchy', hint: 'Levels from the selected entities (or the most linked), wide levels wrapped' },
  { name: 'grid', label: 'Grid', hint: 'Everything in rows: quick to scan' },
];

/** Past this many visible nodes, fcose runs in a Web Worker and positions arrive without animation. */
export const WORKER_LAYOUT_NODES = 600;
/** Animating more nodes than this costs more than it shows. */
const ANIMATE_NODES = 400;

export interface LayoutRun {
  /** Milliseconds from start to positions applied. */
  ms: number;
  /** Where fcose ran. */
  where: 'main' | 'worker' | 'none';
}

let worker: Worker | null = null;

/** Stops a worker layout still running (a newer one replaces it). */
export function stopWorkerLayout(): void {
  worker?.terminate();
  worker = null;
}

function visibleNodes(cy: cytoscape.Core): cytoscape.NodeCollection {
  return cy.nodes().filter((n) => n.visible() || (n as cytoscape.NodeSingular).isParent()) as cytoscape.NodeCollection;
}

/** Runs fcose on a headless copy in a Web Worker; the main thread only applies the positions. */
function workerFcose(cy: cytoscape.Core): Promise<void> {
  stopWorkerLayout();
  const nodes = visibleNodes(cy);
  const ids = new Set(nodes.map((n) => n.id()));
  const input: LayoutInput = {
    nodes: nodes.map((n) => ({
      id: n.id(),
      x: n.position('x'),
      y: n.position('y'),
      size: n.isParent() ? 44 : Math.max(20, n.width()),
      pinned: n.locked(),
      parent: n.parent().nonempty() ? (n.parent()[0] as cytoscape.NodeSingular).id() : undefined,
      isGroup: n.isParent(),
    })),
    edges: cy
      .edges()
      .filter((e) => e.visible() && ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e) => ({ source: (e as cytoscape.EdgeSingular).source().id(), target: (e as cytoscape.EdgeSingular).target().id() })),
  };
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    w.onmessage = (e: MessageEvent<{ positions?: LayoutOutput; error?: string }>) => {
      w.terminate();
      if (worker === w) worker = null;
      if (e.data.error || !e.data.positions) {
        reject(new Error(e.data.error ?? 'layout failed'));
        return;
      }
      const pos = e.data.positions;
      if (cy.destroyed()) return resolve();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const p = pos[n.id()];
          if (p && !n.isParent()) n.position(p);
        });
      });
      fitToPositions(cy, Object.values(pos));
      resolve();
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'layout worker failed'));
    };
    w.postMessage(input);
  });
}

/**
 * Fits the view to a set of node centres. cy.fit() measures every label's text to get the bounding
 * box, which on 2,500 nodes costs the main thread ~0.4 s; the centres plus a margin are enough here.
 */
function fitToPositions(cy: cytoscape.Core, points: { x: number; y: number }[], padding = 60): void {
  if (!points.length) return;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  const w = cy.width();
  const h = cy.height();
  const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), 1.4, (w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1)));
  cy.viewport({ zoom, pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) } });
}

/** Lays out the visible chart with the named layout, animated on small charts. */
export async function applyLayout(cy: cytoscape.Core, name: LayoutName): Promise<LayoutRun> {
  const started = performance.now();
  const nodes = visibleNodes(cy);
  if (nodes.empty()) return { ms: 0, where: 'none' };
  if (name === 'fcose') {
    if (nodes.length > WORKER_LAYOUT_NODES && typeof Worker !== 'undefined') {
      try {
        await workerFcose(cy);
        return { ms: performance.now() - started, where: 'worker' };
      } catch (err) {
        console.warn('worker layout failed; laying out on the main thread', err);
      }
    }
    await runLayout(cy);
    return { ms: performance.now() - started, where: 'main' };
  }
  // Levels, rings and rows arrange entities: an operation's boxes would stretch across them all.
  if (unboxOperations(cy) > 0) return applyLayout(cy, name);
  const animate = nodes.length <= ANIMATE_NODES;
  const roots = cy.$('node:selected').filter((n) => !(n as cytoscape.NodeSingular).isParent());
  const leaves = nodes.filter((n) => !n.isParent()) as cytoscape.NodeCollection;
  // Links out of view by class, not by visible(): Cytoscape can report a link just drawn again
  // (its box gone) as invisible until the next frame.
  const edges = leaves.connectedEdges().filter((e) => !e.hasClass('hidden') && !e.hasClass('filtered') && !e.hasClass('boxed') && leaves.contains(e.source()) && leaves.contains(e.target()));
  // In id order, so the same chart gives the same picture whatever order it arrived in.
  const scope = inIdOrder(cy, nodes.union(edges));
  let options: Record<string, unknown>;
  if (name === 'breadthfirst') {
    // Levels with wide ones wrapped (hierarchy.ts), not Cytoscape's breadthfirst: that puts a hub's
    // neighbours on one line.
    const positions = hierarchyPositions(
      leaves.map((n) => n.id()),
      edges.map((e) => ({ source: (e as cytoscape.EdgeSingular).source().id(), target: (e as cytoscape.EdgeSingular).target().id() })),
      roots.map((n) => n.id()),
    );
    options = { name: 'preset', positions: (n: cytoscape.NodeSingular) => positions[n.id()] ?? n.position(), animate, animationDuration: 450, fit: false };
  } else {
    options = { name, animate, animationDuration: 450, fit: false, padding: 40, avoidOverlap: true, nodeDimensionsIncludeLabels: false };
    if (name === 'concentric') {
      options.concentric = (n: cytoscape.NodeSingular) => n.degree(false);
      options.levelWidth = () => 2;
      options.minNodeSpacing = 60;
    }
    if (name === 'grid') {
      options.condense = false;
      options.avoidOverlapPadding = 60;
    }
  }
  const layout = scope.layout(options as unknown as cytoscape.LayoutOptions);
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await done;
  fitToNodes(cy);
  return { ms: performance.now() - started, where: 'main' };
}
