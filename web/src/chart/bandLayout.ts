/**
 * The operation chart's arrangement: each box (a band of the operation: convicted, suspects
 * identified, victims, incidents…) is a grid of cells wide enough for a name, boxes packed in rows
 * in band order, everything else in a row of its own above. Inside a box, members are ordered by a
 * walk over their links (best linked first, then its neighbours), so people who know each other sit
 * together and most links stay short. Entities in no box (the operation itself, a report) go in the
 * row above. Pure and deterministic: same chart, same picture.
 */

export interface BandInput {
  id: string;
  members: string[];
}

export interface BandLayoutInput {
  /** Boxes in the order they are to be read. */
  bands: BandInput[];
  /** Entities in no box. */
  others: string[];
  /** Links between any of them (direction ignored). */
  links: { source: string; target: string }[];
}

/**
 * Model units: a cell holds a node (about 44) at its left and its name to the right; the chart
 * sizes names for the zoom (labels.ts) so that at the fitted zoom a name fills about the rest.
 */
export const CELL_W = 270;
export const CELL_H = 58;
/** The node's centre from the cell's left edge. */
const NODE_X = 32;
/** Space between boxes (their padding and title need room). */
const BOX_GAP_X = 70;
const BOX_GAP_Y = 110;

export type Positions = Record<string, { x: number; y: number }>;

function neighbours(links: BandLayoutInput['links']): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!adj.has(a)) adj.set(a, new Set());
    (adj.get(a) as Set<string>).add(b);
  };
  for (const l of links) {
    if (l.source === l.target) continue;
    add(l.source, l.target);
    add(l.target, l.source);
  }
  return adj;
}

/**
 * Members in walk order: start from the best-linked member not yet placed, then breadth-first over
 * links inside the box (neighbours best-linked first); ties by id.
 */
export function walkOrder(members: string[], adj: Map<string, Set<string>>): string[] {
  const inBox = new Set(members);
  const degree = (id: string) => [...(adj.get(id) ?? [])].filter((n) => inBox.has(n)).length;
  const rank = (a: string, b: string) => degree(b) - degree(a) || (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...members].sort(rank);
  const seen = new Set<string>();
  const order: string[] = [];
  for (const start of sorted) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    while (queue.length) {
      const id = queue.shift() as string;
      order.push(id);
      const next = [...(adj.get(id) ?? [])].filter((n) => inBox.has(n) && !seen.has(n)).sort(rank);
      for (const n of next) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return order;
}

interface Grid {
  order: string[];
  cols: number;
  rows: number;
  w: number;
  h: number;
}

/** Boxes of at most `maxRows` rows, in rows of boxes no wider than `limit`: positions and overall size. */
function pack(orders: string[][], others: string[], maxRows: number, limit: number): { out: Positions; w: number; h: number } {
  const grids: Grid[] = orders.map((order) => {
    const rows = Math.min(order.length, maxRows);
    const cols = Math.ceil(order.length / rows);
    return { order, cols, rows: Math.ceil(order.length / cols), w: cols * CELL_W, h: Math.ceil(order.length / cols) * CELL_H };
  });
  const width = Math.max(limit, ...grids.map((g) => g.w), CELL_W);
  const out: Positions = {};
  // Entities in no box first, in rows across the top (the operation itself heads the chart).
  const perRow = Math.max(1, Math.floor(width / CELL_W));
  others.forEach((id, i) => {
    out[id] = { x: (i % perRow) * CELL_W + NODE_X, y: Math.floor(i / perRow) * CELL_H + CELL_H / 2 };
  });
  let x = 0;
  let y = others.length ? Math.ceil(others.length / perRow) * CELL_H + BOX_GAP_Y * 0.8 : 0;
  let rowH = 0;
  let right = others.length ? Math.min(others.length, perRow) * CELL_W : 0;
  for (const g of grids) {
    if (x > 0 && x + g.w > width) {
      x = 0;
      y += rowH + BOX_GAP_Y;
      rowH = 0;
    }
    g.order.forEach((id, i) => {
      out[id] = { x: x + (i % g.cols) * CELL_W + NODE_X, y: y + Math.floor(i / g.cols) * CELL_H + CELL_H / 2 };
    });
    right = Math.max(right, x + g.w);
    x += g.w + BOX_GAP_X;
    rowH = Math.max(rowH, g.h);
  }
  return { out, w: right, h: y + rowH };
}

/**
 * Positions for every member and other, shaped like the window (`aspect` = its width / height) so
 * the fitted chart is as large as it can be: of the ways to cut boxes into rows and rows of boxes
 * tried, the one that fits the window at the highest zoom.
 */
export function arrangeBands(input: BandLayoutInput, aspect = 1.6): Positions {
  const adj = neighbours(input.links);
  const orders = input.bands.filter((b) => b.members.length > 0).map((b) => walkOrder(b.members, adj));
  const others = walkOrder(input.others, adj);
  const total = orders.reduce((s, o) => s + o.length, 0) + others.length;
  if (total === 0) return {};
  const area = total * CELL_W * CELL_H;
  const biggest = Math.max(1, ...orders.map((o) => o.length));
  let best: { out: Positions; score: number } | null = null;
  for (let maxRows = 1; maxRows <= biggest; maxRows++) {
    for (const f of [0.6, 0.75, 0.9, 1, 1.15, 1.3, 1.5]) {
      const limit = Math.sqrt(area * aspect) * f;
      const p = pack(orders, others, maxRows, limit);
      // The zoom at which it fits a window of this shape (any size): larger is better.
      const score = Math.min(aspect / Math.max(1, p.w), 1 / Math.max(1, p.h));
      if (!best || score > best.score + 1e-12) best = { out: p.out, score };
    }
  }
  return (best as { out: Positions }).out;
}
