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
export const CELL_W = 200;
export const CELL_H = 64;
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

/** Columns for a box of n members: as wide for its height as the window (`aspect` = width / height). */
export function columnsFor(n: number, aspect = 1.6): number {
  return Math.max(1, Math.round(Math.sqrt((n * CELL_H * aspect) / CELL_W)));
}

/**
 * Positions for every member and other, the whole about `aspect` times as wide as tall (the window's
 * shape, so a fitted chart uses the screen): boxes fill rows left to right, a new row when one would
 * grow wider than that.
 */
export function arrangeBands(input: BandLayoutInput, aspect = 1.6): Positions {
  const adj = neighbours(input.links);
  const grids = input.bands
    .filter((b) => b.members.length > 0)
    .map((b) => {
      const order = walkOrder(b.members, adj);
      const cols = Math.min(order.length, columnsFor(order.length, aspect));
      const rows = Math.ceil(order.length / cols);
      return { order, cols, rows, w: cols * CELL_W, h: rows * CELL_H };
    });
  const area = grids.reduce((s, g) => s + (g.w + BOX_GAP_X) * (g.h + BOX_GAP_Y), 0);
  const widest = grids.reduce((m, g) => Math.max(m, g.w), 0);
  const limit = Math.max(widest, Math.sqrt(area * aspect));

  const out: Positions = {};
  // Entities in no box first, in rows across the top (the operation itself heads the chart).
  const others = walkOrder(input.others, adj);
  const perRow = Math.max(1, Math.floor(Math.max(limit, CELL_W) / CELL_W));
  others.forEach((id, i) => {
    out[id] = { x: (i % perRow) * CELL_W + NODE_X, y: Math.floor(i / perRow) * CELL_H + CELL_H / 2 };
  });
  let x = 0;
  let y = others.length ? Math.ceil(others.length / perRow) * CELL_H + BOX_GAP_Y * 0.8 : 0;
  let rowH = 0;
  for (const g of grids) {
    if (x > 0 && x + g.w > limit) {
      x = 0;
      y += rowH + BOX_GAP_Y;
      rowH = 0;
    }
    g.order.forEach((id, i) => {
      const r = Math.floor(i / g.cols);
      const c = i % g.cols;
      out[id] = { x: x + c * CELL_W + NODE_X, y: y + r * CELL_H + CELL_H / 2 };
    });
    x += g.w + BOX_GAP_X;
    rowH = Math.max(rowH, g.h);
  }
  return out;
}
