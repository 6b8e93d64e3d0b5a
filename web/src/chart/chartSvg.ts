/**
 * Draws a chart scene (chartScene.ts) as SVG elements in model coordinates, on a light page: shapes,
 * glyph / pictogram images, borders (dashed, double), halos, links with their dashes and arrows, and
 * labels on a white backing so they read over links. Pure: no DOM, so it is unit-tested in Node.
 */
import type { Pt, Scene, SceneEdge, SceneNode } from './chartScene';
import { shapePath } from './nodeShapes';

/** Fonts every SVG viewer and the PDF writer (Helvetica) have. */
export const PRINT_FONT = 'Helvetica, Arial, sans-serif';
/** Text on the light page: one dark ink, whatever light colour the dark screen theme used. */
export const INK = '#17202a';

export const esc = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A coordinate or size as SVG text: two decimals at most. */
export const svgNumber = (n: number) => (Math.round(n * 100) / 100).toString();
const f = svgNumber;

type Measure = (text: string, fontSize: number, bold: boolean) => number;
/** An average Helvetica advance: used where no browser can measure (tests, Node). */
const estimate: Measure = (text, fontSize, bold) => text.length * fontSize * (bold ? 0.58 : 0.52);
let measure: Measure = estimate;

/** Lets the browser measure text with a real font (printExport.ts); null goes back to the estimate. */
export function setTextMeasure(m: Measure | null): void {
  measure = m ?? estimate;
}

/** Width of a text in model units, to cut labels as the screen does and size their backing. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return measure(text, fontSize, bold);
}

/** The label as it fits in maxWidth, with an ellipsis when cut (Cytoscape's text-wrap: ellipsis). */
export function fitLabel(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && textWidth(`${s}…`, fontSize, bold) > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

function strokeAttrs(width: number, color: string, style: string, opacity = 1): string {
  const dash = style === 'dashed' ? ` stroke-dasharray="${f(width * 2.5)} ${f(width * 1.8)}"` : style === 'dotted' ? ` stroke-dasharray="${f(width)} ${f(width * 1.6)}"` : '';
  return `stroke="${esc(color)}" stroke-width="${f(width)}"${opacity < 1 ? ` stroke-opacity="${f(opacity)}"` : ''}${dash}`;
}

/** The SVG document inside a data URI (percent-encoded or base64), or null for anything else. */
export function svgOfDataUrl(url: string): string | null {
  const m = /^data:image\/svg\+xml(;charset=[\w-]+)?(;utf-?8)?(;base64)?,(.*)$/is.exec(url);
  if (!m) return null;
  try {
    if (!m[3]) return decodeURIComponent(m[4]!);
    const bin = atob(m[4]!);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * A node's picture. An SVG glyph or pictogram is written inline as a nested <svg>, so it stays vector
 * and needs no loading: the PDF writer would fetch an <image> by XHR, which the app's
 * Content-Security-Policy (rightly) refuses for data: URLs. Other pictures stay <image>.
 */
export function imageTag(url: string, x: number, y: number, w: number, h: number): string {
  const inner = svgOfDataUrl(url);
  const root = inner ? /<svg\b[^>]*>/i.exec(inner.replace(/<\?xml[^>]*>\s*/i, '')) : null;
  if (inner && root) {
    const kept = root[0].replace(/\s(width|height|x|y|preserveAspectRatio)="[^"]*"/g, '').replace(/\/?>$/, '');
    const open = `${kept} x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" preserveAspectRatio="xMidYMid meet"${root[0].endsWith('/>') ? '/>' : '>'}`;
    const start = inner.indexOf(root[0]);
    return inner.slice(start).replace(root[0], open);
  }
  return `<image xlink:href="${esc(url)}" x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" preserveAspectRatio="xMidYMid meet"/>`;
}

function labelTag(text: string, x: number, baseline: number, size: number, weight: string, style: string, color: string, backing: boolean, anchor: 'start' | 'middle' | 'end' = 'middle'): string {
  const bold = weight === 'bold' || Number(weight) >= 600;
  const w = textWidth(text, size, bold);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  const back = backing ? `<rect x="${f(left - 2)}" y="${f(baseline - size * 0.95)}" width="${f(w + 4)}" height="${f(size * 1.25)}" rx="2" fill="#ffffff" fill-opacity="0.82"/>` : '';
  const attrs = `font-family="${PRINT_FONT}" font-size="${f(size)}"${bold ? ' font-weight="bold"' : ''}${style === 'italic' ? ' font-style="italic"' : ''}`;
  return `${back}<text x="${f(x)}" y="${f(baseline)}" text-anchor="${anchor}" ${attrs} fill="${esc(color)}">${esc(text)}</text>`;
}

/** On the light page, labels the dark theme drew in light colours are drawn in ink; dark ones stay. */
function inkFor(color: string): string {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color) ?? /#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  if (!m) return INK;
  const [r, g, b] = m[0].startsWith('#') ? [m[1], m[2], m[3]].map((h) => parseInt(h!, 16)) : [m[1], m[2], m[3]].map(Number);
  const light = 0.299 * r! + 0.587 * g! + 0.114 * b! > 150;
  return light ? INK : color;
}

/** Where a node's label is anchored: x (start, middle or end by side) and the text baseline. */
function labelAnchor(n: SceneNode): { x: number; baseline: number } {
  const baseline = n.labelAt === 'top' ? n.y - n.h / 2 - n.labelMargin : n.labelAt === 'center' ? n.y + n.fontSize * 0.35 : n.y + n.h / 2 + n.border.width / 2 + n.labelMargin + n.fontSize * 0.85;
  const x = n.labelSide === 'right' ? n.x + n.w / 2 + n.labelMarginX : n.labelSide === 'left' ? n.x - n.w / 2 - n.labelMarginX : n.x;
  return { x, baseline };
}

/** The box a node's label takes, as drawn (after the ellipsis). */
export function labelBox(n: SceneNode): { x1: number; y1: number; x2: number; y2: number } {
  const bold = n.fontWeight === 'bold' || Number(n.fontWeight) >= 600;
  const w = textWidth(fitLabel(n.label, n.fontSize, n.labelMaxWidth, bold), n.fontSize, bold);
  const { x, baseline } = labelAnchor(n);
  const x1 = n.labelSide === 'right' ? x : n.labelSide === 'left' ? x - w : x - w / 2;
  return { x1, y1: baseline - n.fontSize * 0.95, x2: x1 + w, y2: baseline + n.fontSize * 0.3 };
}

export function nodeSvg(n: SceneNode): string {
  const parts: string[] = [];
  const d = shapePath(n.shape, n.x, n.y, n.w, n.h, n.polygonPoints);
  if (n.underlay) {
    const p = n.underlay.padding;
    parts.push(`<ellipse cx="${f(n.x)}" cy="${f(n.y)}" rx="${f(n.w / 2 + p)}" ry="${f(n.h / 2 + p)}" fill="${esc(n.underlay.color)}" fill-opacity="${f(n.underlay.opacity)}"/>`);
  }
  if (n.outline) {
    const grow = n.outline.offset + n.outline.width / 2 + n.border.width / 2;
    parts.push(`<path d="${shapePath(n.shape, n.x, n.y, n.w + 2 * grow, n.h + 2 * grow, n.polygonPoints)}" fill="none" ${strokeAttrs(n.outline.width, n.outline.color, 'solid')}/>`);
  }
  const border = n.border.width > 0 ? strokeAttrs(n.border.style === 'double' ? n.border.width / 3 : n.border.width, n.border.color, n.border.style, n.border.opacity) : 'stroke="none"';
  parts.push(`<path class="node-shape" data-shape="${esc(n.shape)}" data-kind="${esc(n.kind)}" d="${d}" fill="${esc(n.fill)}" fill-opacity="${f(n.fillOpacity)}" ${border}/>`);
  if (n.border.style === 'double' && n.border.width > 0) {
    // Cytoscape's double border: two lines, each a third of the width, a third apart.
    const inner = (2 * n.border.width) / 3;
    parts.push(`<path d="${shapePath(n.shape, n.x, n.y, n.w - inner * 2, n.h - inner * 2, n.polygonPoints)}" fill="none" ${strokeAttrs(n.border.width / 3, n.border.color, 'solid', n.border.opacity)}/>`);
  }
  for (const img of n.images) parts.push(imageTag(img.url, n.x - (n.w * img.w) / 2, n.y - (n.h * img.h) / 2, n.w * img.w, n.h * img.h));
  if (n.label) {
    const bold = n.fontWeight === 'bold' || Number(n.fontWeight) >= 600;
    const text = fitLabel(n.label, n.fontSize, n.labelMaxWidth, bold);
    const { x, baseline } = labelAnchor(n);
    const side = n.labelSide;
    parts.push(labelTag(text, x, baseline, n.fontSize, n.fontWeight, n.fontStyle, inkFor(n.labelColor), !n.isGroup, side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle'));
  }
  const op = n.opacity < 1 ? ` opacity="${f(n.opacity)}"` : '';
  return `<g class="node${n.isGroup ? ' group' : ''}" data-id="${esc(n.id)}"${op}>${parts.join('')}</g>`;
}

/** The path Cytoscape draws: quadratic curves through the control points, with their midpoints as joins. */
export function edgePathData(points: Pt[], curve: SceneEdge['curve']): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const start = `M${f(first.x)} ${f(first.y)}`;
  if (curve === 'straight' || rest.length < 2) return `${start} ${rest.map((p) => `L${f(p.x)} ${f(p.y)}`).join(' ')}`;
  const ctrl = rest.slice(0, -1);
  const end = rest[rest.length - 1]!;
  const segs: string[] = [];
  ctrl.forEach((c, i) => {
    const next = ctrl[i + 1];
    const to = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : end;
    segs.push(`Q${f(c.x)} ${f(c.y)} ${f(to.x)} ${f(to.y)}`);
  });
  return `${start} ${segs.join(' ')}`;
}

/** A triangle arrow with its tip at `tip`, pointing away from `from`. */
function arrowSvg(tip: Pt, from: Pt, a: { shape: string; color: string; size: number }): string {
  const ang = Math.atan2(tip.y - from.y, tip.x - from.x);
  const len = 0.3 * a.size;
  const half = 0.15 * a.size;
  const bx = tip.x - Math.cos(ang) * len;
  const by = tip.y - Math.sin(ang) * len;
  const nx = -Math.sin(ang) * half;
  const ny = Math.cos(ang) * half;
  const pts = a.shape === 'vee' || a.shape === 'chevron' ? [tip, { x: bx + nx, y: by + ny }, { x: tip.x - Math.cos(ang) * len * 0.6, y: tip.y - Math.sin(ang) * len * 0.6 }, { x: bx - nx, y: by - ny }] : [tip, { x: bx + nx, y: by + ny }, { x: bx - nx, y: by - ny }];
  return `<path d="${pts.map((p, i) => `${i ? 'L' : 'M'}${f(p.x)} ${f(p.y)}`).join(' ')} Z" fill="${esc(a.color)}"/>`;
}

export function edgeSvg(e: SceneEdge, withLabel: boolean): string {
  const parts: string[] = [];
  const dash = e.lineStyle === 'dashed' ? ` stroke-dasharray="${(e.dash.length ? e.dash : [6, 4]).map(f).join(' ')}"` : e.lineStyle === 'dotted' ? ` stroke-dasharray="${f(e.width)} ${f(e.width * 1.8)}" stroke-linecap="round"` : '';
  parts.push(`<path d="${edgePathData(e.points, e.curve)}" fill="none" stroke="${esc(e.color)}" stroke-width="${f(e.width)}"${dash}/>`);
  const n = e.points.length;
  if (e.targetArrow && n >= 2) parts.push(arrowSvg(e.points[n - 1]!, e.points[n - 2]!, e.targetArrow));
  if (e.sourceArrow && n >= 2) parts.push(arrowSvg(e.points[0]!, e.points[1]!, e.sourceArrow));
  if (withLabel && e.label) {
    const a = e.points[0]!;
    const b = e.points[n - 1]!;
    let deg = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    if (deg > 90) deg -= 180;
    if (deg < -90) deg += 180;
    parts.push(`<g transform="rotate(${f(deg)} ${f(e.mid.x)} ${f(e.mid.y)})">${labelTag(e.label, e.mid.x, e.mid.y + e.fontSize * 0.35, e.fontSize, 'normal', 'normal', inkFor(e.labelColor), true)}</g>`);
  }
  const op = e.opacity < 1 ? ` opacity="${f(e.opacity)}"` : '';
  return `<g class="edge" data-id="${esc(e.id)}"${op}>${parts.join('')}</g>`;
}

/**
 * Link labels on paper: all of them on a chart of up to `maxLabelledEdges` links; past that only
 * the ones the analyst brought forward (a path, the selection: drawn thick), or they bury the names.
 */
export function labelledEdges(edges: SceneEdge[], maxLabelledEdges = 150): (e: SceneEdge) => boolean {
  if (edges.length <= maxLabelledEdges) return () => true;
  const widest = Math.max(...edges.map((e) => e.width));
  return (e) => e.width >= 5.5 && e.width >= widest * 0.9;
}

/** The chart's drawing, in model coordinates: groups, then links, then entities (as on screen). */
export function sceneSvg(scene: Scene, maxLabelledEdges?: number): string {
  const label = labelledEdges(scene.edges, maxLabelledEdges);
  return [
    ...scene.groups.map(nodeSvg),
    ...scene.edges.map((e) => edgeSvg(e, label(e))),
    ...scene.nodes.map(nodeSvg),
    scene.annotations ?? '',
  ].join('\n');
}
