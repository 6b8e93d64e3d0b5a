/**
 * The Hierarchy layout: levels by distance from the roots (the selected entities, else the best
 * linked of each connected part), top to bottom. A level wider than a few dozen entities wraps onto
 * several rows (a hub's eighty neighbours would otherwise lie on one line thousands of units long),
 * and within a level entities follow the order of their parents, so a parent's children sit under
 * it. Connected parts are laid out one after another, in rows. Pure and deterministic.
 */

export type Positions = Record<string, { x: number; y: number }>;

/** Model units between neighbours in a row (room for a name right of the node) and between rows. */
export const COLUMN = 230;
export const ROW = 85;
/** Extra space between two levels, so wrapped rows of one level read as one level. */
const LEVEL_GAP = 60;
const PART_GAP = 160;

function adjacency(nodes: string[], edges: { source: string; target: string }[]): Map<string, string[]> {
  const adj = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) {
    if (e.source === e.target || !adj.has(e.source) || !adj.has(e.target)) continue;
    (adj.get(e.source) as string[]).push(e.target);
    (adj.get(e.target) as string[]).push(e.source);
  }
  for (const list of adj.values()) list.sort();
  return adj;
}

/** Levels of one connected part, breadth-first from its roots; each level in its parents' order. */
function levelsFrom(roots: string[], adj: Map<string, string[]>, seen: Set<string>): string[][] {
  const levels: string[][] = [];
  let current = roots.filter((r) => !seen.has(r));
  current.forEach((r) => seen.add(r));
  while (current.length) {
    levels.push(current);
    const next: string[] = [];
    for (const id of current) {
      for (const n of adj.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    current = next;
  }
  return levels;
}

/** Most entities on one row of a level of a part of `size` entities. */
export function rowCapacity(size: number): number {
  return Math.max(4, Math.ceil(Math.sqrt(size) * 0.95));
}

/**
 * Positions for `nodes`: `roots` (if any on the chart) start the first part; every other connected
 * part starts from its best-linked entity (ties by id).
 */
export function hierarchyPositions(nodes: string[], edges: { source: string; target: string }[], roots: string[] = []): Positions {
  const ids = [...new Set(nodes)].sort();
  const adj = adjacency(ids, edges);
  const degree = (id: string) => (adj.get(id) ?? []).length;
  const byDegree = [...ids].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1));
  const seen = new Set<string>();
  const parts: string[][][] = [];
  const given = roots.filter((r) => adj.has(r)).sort();
  if (given.length) parts.push(levelsFrom(given, adj, seen));
  for (const id of byDegree) if (!seen.has(id)) parts.push(levelsFrom([id], adj, seen));

  // Each part as a block of wrapped levels; blocks in rows about as wide as the whole is tall.
  const blocks = parts.map((levels) => {
    const size = levels.reduce((s, l) => s + l.length, 0);
    const cap = rowCapacity(size);
    const rel: Positions = {};
    let y = 0;
    let width = 0;
    levels.forEach((level, li) => {
      if (li > 0) y += LEVEL_GAP;
      for (let start = 0; start < level.length; start += cap) {
        const row = level.slice(start, start + cap);
        row.forEach((id, i) => (rel[id] = { x: (i - (row.length - 1) / 2) * COLUMN, y }));
        width = Math.max(width, row.length * COLUMN);
        y += ROW;
      }
    });
    return { rel, width, height: y };
  });
  const area = blocks.reduce((s, b) => s + (b.width + PART_GAP) * (b.height + PART_GAP), 0);
  const limit = Math.max(Math.sqrt(area * 1.6), ...blocks.map((b) => b.width));
  const out: Positions = {};
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > limit) {
      x = 0;
      y += rowH + PART_GAP;
      rowH = 0;
    }
    for (const [id, p] of Object.entries(b.rel)) out[id] = { x: x + b.width / 2 + p.x, y: y + p.y };
    x += b.width + PART_GAP;
    rowH = Math.max(rowH, b.height);
  }
  return out;
}
