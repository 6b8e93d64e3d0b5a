/**
 * Cytoscape's node shapes as SVG path data, so an exported chart draws every kind as the screen
 * does. The unit polygons follow Cytoscape's own definitions (points in -1..1, y down); rounded
 * variants get the same corner radius rule (min(w/10, h/10, 8)) as the canvas renderer.
 */

type Pts = number[];

/** A regular polygon's corners, first corner on top (as Cytoscape places them), stretched to fill -1..1. */
function ngon(sides: number): Pts {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts: Pts = [];
  for (let i = 0; i < sides; i++) pts.push(Math.cos(start + i * step), Math.sin(-(start + i * step)));
  return fitToSquare(pts);
}

function fitToSquare(pts: Pts): Pts {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...out.filter((_, i) => i % 2 === 1));
  return minY < -1 ? out.map((v, i) => (i % 2 === 1 ? v + (-1 - minY) : v)) : out;
}

const POLYGONS: Record<string, Pts> = {
  triangle: ngon(3),
  rectangle: ngon(4),
  square: ngon(4),
  pentagon: ngon(5),
  hexagon: ngon(6),
  heptagon: ngon(7),
  octagon: ngon(8),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  star: star(),
};

function star(): Pts {
  const outer = ngonRaw(5, 0);
  const inner = ngonRaw(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const pts: Pts = [];
  for (let i = 0; i < 5; i++) pts.push(outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]!, inner[2 * i + 1]!);
  return fitToSquare(pts);
}

function ngonRaw(sides: number, rotation: number): Pts {
  const step = (2 * Math.PI) / sides;
  const start = Math.PI / 2 + rotation;
  const pts: Pts = [];
  for (let i = 0; i < sides; i++) pts.push(Math.cos(start + i * step), Math.sin(-(start + i * step)));
  return pts;
}

const f = (n: number) => (Math.round(n * 100) / 100).toString();

/** Corner points of a unit polygon placed at (cx, cy) with size w x h. */
function place(pts: Pts, cx: number, cy: number, w: number, h: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < pts.length; i += 2) out.push([cx + (pts[i]! * w) / 2, cy + (pts[i + 1]! * h) / 2]);
  return out;
}

function polygonPath(corners: [number, number][]): string {
  return corners.map(([x, y], i) => `${i ? 'L' : 'M'}${f(x)} ${f(y)}`).join(' ') + ' Z';
}

/** A polygon with each corner replaced by a quadratic curve of radius r along both sides. */
function roundedPath(corners: [number, number][], r: number): string {
  const n = corners.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const prev = corners[(i + n - 1) % n]!;
    const cur = corners[i]!;
    const next = corners[(i + 1) % n]!;
    const toward = (p: [number, number]): [number, number] => {
      const dx = p[0] - cur[0];
      const dy = p[1] - cur[1];
      const len = Math.hypot(dx, dy) || 1;
      const d = Math.min(r, len / 2);
      return [cur[0] + (dx / len) * d, cur[1] + (dy / len) * d];
    };
    const a = toward(prev);
    const b = toward(next);
    parts.push(`${i ? 'L' : 'M'}${f(a[0])} ${f(a[1])} Q${f(cur[0])} ${f(cur[1])} ${f(b[0])} ${f(b[1])}`);
  }
  return parts.join(' ') + ' Z';
}

function ellipsePath(cx: number, cy: number, w: number, h: number): string {
  const rx = w / 2;
  const ry = h / 2;
  return `M${f(cx - rx)} ${f(cy)} A${f(rx)} ${f(ry)} 0 1 0 ${f(cx + rx)} ${f(cy)} A${f(rx)} ${f(ry)} 0 1 0 ${f(cx - rx)} ${f(cy)} Z`;
}

/** Cytoscape's barrel: a rectangle whose top and bottom corners curve in. */
function barrelPath(cx: number, cy: number, w: number, h: number): string {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  const ho = Math.min(15, 0.05 * h);
  const wo = Math.min(100, 0.25 * w);
  const c = 0.05 * w;
  return [
    `M${f(x0)} ${f(y0 + ho)}`,
    `Q${f(x0 + c)} ${f(y0)} ${f(x0 + wo)} ${f(y0)}`,
    `L${f(x1 - wo)} ${f(y0)}`,
    `Q${f(x1 - c)} ${f(y0)} ${f(x1)} ${f(y0 + ho)}`,
    `L${f(x1)} ${f(y1 - ho)}`,
    `Q${f(x1 - c)} ${f(y1)} ${f(x1 - wo)} ${f(y1)}`,
    `L${f(x0 + wo)} ${f(y1)}`,
    `Q${f(x0 + c)} ${f(y1)} ${f(x0)} ${f(y1 - ho)}`,
    'Z',
  ].join(' ');
}

/** A rectangle with its corners cut off at 45 degrees (8 units, as on screen). */
function cutRectanglePath(cx: number, cy: number, w: number, h: number): string {
  const c = Math.min(8, w / 2, h / 2);
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  return polygonPath([
    [x0 + c, y0], [x1 - c, y0], [x1, y0 + c], [x1, y1 - c], [x1 - c, y1], [x0 + c, y1], [x0, y1 - c], [x0, y0 + c],
  ]);
}

/** A rectangle rounded only at the bottom. */
function bottomRoundPath(cx: number, cy: number, w: number, h: number, r: number): string {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  return `M${f(x0)} ${f(y0)} L${f(x1)} ${f(y0)} L${f(x1)} ${f(y1 - r)} Q${f(x1)} ${f(y1)} ${f(x1 - r)} ${f(y1)} L${f(x0 + r)} ${f(y1)} Q${f(x0)} ${f(y1)} ${f(x0)} ${f(y1 - r)} Z`;
}

/** Every shape name Cytoscape accepts for nodes (the old spellings without hyphens too). */
export const NODE_SHAPES = [
  'ellipse', 'rectangle', 'square', 'round-rectangle', 'bottom-round-rectangle', 'cut-rectangle', 'barrel',
  'triangle', 'round-triangle', 'pentagon', 'round-pentagon', 'hexagon', 'round-hexagon', 'concave-hexagon',
  'heptagon', 'round-heptagon', 'octagon', 'round-octagon', 'star', 'diamond', 'round-diamond', 'vee',
  'rhomboid', 'right-rhomboid', 'tag', 'round-tag',
] as const;

const ALIASES: Record<string, string> = {
  roundrectangle: 'round-rectangle',
  bottomroundrectangle: 'bottom-round-rectangle',
  cutrectangle: 'cut-rectangle',
  concavehexagon: 'concave-hexagon',
};

/**
 * SVG path data for a node of `shape` centred on (cx, cy), w x h. `polygonPoints` is the node's
 * `shape-polygon-points` for shape 'polygon'. An unknown shape draws as an ellipse, never as nothing.
 */
export function shapePath(shape: string, cx: number, cy: number, w: number, h: number, polygonPoints?: number[]): string {
  const s = ALIASES[shape] ?? shape;
  if (s === 'ellipse') return ellipsePath(cx, cy, w, h);
  if (s === 'barrel') return barrelPath(cx, cy, w, h);
  if (s === 'cut-rectangle') return cutRectanglePath(cx, cy, w, h);
  if (s === 'round-rectangle') return roundedPath(place(POLYGONS.rectangle!, cx, cy, w, h), Math.min(w / 4, h / 4, 8));
  if (s === 'bottom-round-rectangle') return bottomRoundPath(cx, cy, w, h, Math.min(w / 4, h / 4, 8));
  if (s === 'polygon' && polygonPoints && polygonPoints.length >= 6) return polygonPath(place(polygonPoints, cx, cy, w, h));
  if (s.startsWith('round-')) {
    const base = POLYGONS[s.slice('round-'.length)];
    if (base) return roundedPath(place(base, cx, cy, w, h), Math.min(w / 10, h / 10, 8));
  }
  const pts = POLYGONS[s];
  return pts ? polygonPath(place(pts, cx, cy, w, h)) : ellipsePath(cx, cy, w, h);
}
