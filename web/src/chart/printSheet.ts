/**
 * One printed sheet of the chart, as SVG: the handling marking at top and bottom, the title, date
 * and author, the chart scaled into its frame, and the key down the right-hand side. The same sheet
 * becomes the SVG file, the PNG (rasterised), the PDF page (drawn as vector text and paths) and the
 * browser's print. Pure: no DOM.
 */
import type { Annotations } from './annotations';
import type { Scene } from './chartScene';
import { esc, imageTag, INK, PRINT_FONT, sceneSvg } from './chartSvg';
import type { LegendEntry, Swatch } from './printLegend';
import { shapePath } from './nodeShapes';

/** The default handling marking (Government Security Classifications); the user can change it. */
export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';
export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] as const;

export interface SheetMeta {
  title: string;
  author: string;
  when: Date;
  marking: string;
  /** The analyst's notes and arrows on the chart, printed with it. */
  annotations?: Annotations;
}

/** Page sizes in points (1/72 inch), landscape. */
export const PAGES = {
  A4: { width: 841.89, height: 595.28 },
  A3: { width: 1190.55, height: 841.89 },
} as const;
export type PageName = keyof typeof PAGES;

const MARGIN = 24;
const KEY_WIDTH = 150;
const HEADER = 78;
const FOOTER = 26;
const f = (n: number) => (Math.round(n * 100) / 100).toString();

/** "2 Dec 2026 01:45 UTC": unambiguous in a meeting, whatever the reader's locale. */
export function printedAt(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

function swatchSvg(s: Swatch, x: number, y: number, size: number): string {
  const cx = x + size / 2;
  const cy = y + size / 2;
  if (s.type === 'line') {
    const dash = s.style === 'dashed' ? ' stroke-dasharray="5 3"' : s.style === 'dotted' ? ' stroke-dasharray="1.5 2.5" stroke-linecap="round"' : '';
    return `<line x1="${f(x)}" y1="${f(cy)}" x2="${f(x + size * 1.6)}" y2="${f(cy)}" stroke="${esc(s.color)}" stroke-width="${f(Math.min(s.width, 5))}"${dash}/>`;
  }
  if (s.type === 'halo') {
    return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(size * 0.62)}" fill="${esc(s.color)}" fill-opacity="0.5"/><circle cx="${f(cx)}" cy="${f(cy)}" r="${f(size * 0.38)}" fill="#9aa4b1"/>`;
  }
  const dash = s.borderStyle === 'dashed' ? ' stroke-dasharray="3 2"' : '';
  const width = s.borderStyle === 'double' ? 2.4 : 1;
  const images = s.images.map((u) => imageTag(u, cx - size * 0.36, cy - size * 0.36, size * 0.72, size * 0.72)).join('');
  return `<path data-shape="${esc(s.shape)}" d="${shapePath(s.shape, cx, cy, size, size)}" fill="${esc(s.fill)}" stroke="${esc(s.border)}" stroke-width="${width}"${dash}/>${images}`;
}

/**
 * The sheet as an SVG document. `page` gives a paper size in points; without it the sheet is A4-wide
 * and as tall as the chart needs (for PNG and SVG files). `pixelWidth` sets the SVG's own width
 * attribute (what a viewer or the PNG rasteriser uses); the drawing is in points via the viewBox.
 */
/** Where the chart goes on a sheet and at what scale (points per model unit). */
export function chartFrame(bounds: Scene['bounds'], legendRows: number, page?: { width: number; height: number }) {
  const bw = Math.max(bounds.x2 - bounds.x1, 1);
  const bh = Math.max(bounds.y2 - bounds.y1, 1);
  const W = page?.width ?? PAGES.A4.width;
  const frameW = W - 2 * MARGIN - KEY_WIDTH - 12;
  const keyRows = legendRows * 15 + 24;
  // A sheet without a paper size grows to fit the chart at the frame's width (and the key).
  const H = page?.height ?? Math.max(PAGES.A4.height, HEADER + Math.max(bh * (frameW / bw) + 16, keyRows) + FOOTER + 2 * MARGIN);
  const frame = { x: MARGIN, y: MARGIN + HEADER, w: frameW, h: H - 2 * MARGIN - HEADER - FOOTER };
  const pad = 8;
  // Never blow a small chart up past twice its screen size: nodes would look like posters.
  const scale = Math.min((frame.w - 2 * pad) / bw, (frame.h - 2 * pad) / bh, 2);
  return { W, H, frame, scale, bw, bh };
}

export function sheetSvg(scene: Scene, legend: LegendEntry[], meta: SheetMeta, opts: { page?: { width: number; height: number }; pixelWidth?: number } = {}): { svg: string; width: number; height: number } {
  const b = scene.bounds;
  const { W, H, frame, scale: s, bw, bh } = chartFrame(b, legend.length, opts.page);
  const tx = frame.x + (frame.w - bw * s) / 2 - b.x1 * s;
  const ty = frame.y + (frame.h - bh * s) / 2 - b.y1 * s;

  const text = (x: number, y: number, size: number, body: string, extra = '', fill = INK) => `<text x="${f(x)}" y="${f(y)}" font-family="${PRINT_FONT}" font-size="${size}" fill="${fill}" ${extra}>${esc(body)}</text>`;
  const marking = (y: number) => text(W / 2, y, 11, meta.marking, 'font-weight="bold" text-anchor="middle" class="marking"', '#a3001b');
  const counts = `${scene.nodes.length} ${scene.nodes.length === 1 ? 'entity' : 'entities'}, ${scene.edges.length} ${scene.edges.length === 1 ? 'link' : 'links'}`;
  const keyX = W - MARGIN - KEY_WIDTH;
  const key = legend
    .map((e, i) => {
      const y = frame.y + 24 + i * 15;
      return `<g class="key-entry">${swatchSvg(e.swatch, keyX + 4, y - 9, 11)}${text(keyX + 26, y, 8.5, e.label)}</g>`;
    })
    .join('');
  const pixelWidth = opts.pixelWidth ?? W;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${f(pixelWidth)}" height="${f((pixelWidth * H) / W)}" viewBox="0 0 ${f(W)} ${f(H)}">`,
    `<title>${esc(meta.title)}</title>`,
    `<rect x="0" y="0" width="${f(W)}" height="${f(H)}" fill="#ffffff"/>`,
    marking(MARGIN + 10),
    text(MARGIN, MARGIN + 38, 18, meta.title, 'font-weight="bold" class="title"'),
    text(MARGIN, MARGIN + 56, 9, `Printed ${printedAt(meta.when)} by ${meta.author} · ${counts}`, 'class="byline"'),
    `<rect x="${f(frame.x)}" y="${f(frame.y)}" width="${f(frame.w)}" height="${f(frame.h)}" fill="none" stroke="#c9d1da" stroke-width="0.8"/>`,
    `<g class="chart" transform="translate(${f(tx)} ${f(ty)}) scale(${s.toFixed(5)})">`,
    sceneSvg(scene),
    '</g>',
    `<g class="key">${text(keyX, frame.y + 8, 10, 'Key', 'font-weight="bold"')}${key}</g>`,
    marking(H - MARGIN),
    '</svg>',
  ].join('\n');
  return { svg, width: W, height: H };
}
