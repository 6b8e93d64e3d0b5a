/**
 * The analyst's notes and arrows (annotations.ts) on the printed sheet, as on screen: a note is a
 * pale yellow card at its place on the chart with its text wrapped, an arrow a line with a head from
 * one end (an entity or a note) to the other. Drawn over the chart, after the entities.
 */
import type cytoscape from 'cytoscape';
import { boxExit, entityPoint, type AnnotationEnd, type Annotations } from './annotations';
import type { Pt } from './chartScene';
import { esc, INK, PRINT_FONT, svgNumber as f, textWidth } from './chartSvg';

export interface PrintNote {
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}
export interface PrintArrow {
  from: Pt;
  to: Pt;
}

/** A printed note's width (model units, as the chart) and text size. */
const NOTE_W = 170;
const FONT = 9;
const LINE = 11.5;
const PAD = 6;
const MAX_LINES = 14;

/** Words laid into lines no wider than `width` (a word longer than a line is cut). */
export function wrapText(text: string, width: number, size = FONT): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (textWidth(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length > MAX_LINES) return [...lines.slice(0, MAX_LINES - 1), `${lines[MAX_LINES - 1]}…`];
  return lines;
}

/** Where the notes and arrows go, in chart coordinates; arrows to entities off the chart are left out. */
export function annotationsForPrint(cy: cytoscape.Core, a: Annotations): { notes: PrintNote[]; arrows: PrintArrow[] } {
  const notes = new Map<string, PrintNote>();
  for (const n of a.notes) {
    const lines = wrapText(n.text || ' ', NOTE_W - 2 * PAD);
    notes.set(n.id, { x: n.x, y: n.y, w: NOTE_W, h: lines.length * LINE + 2 * PAD, lines });
  }
  const centre = (end: AnnotationEnd): { x: number; y: number; exit: (dx: number, dy: number) => number } | null => {
    if (end.kind === 'note') {
      const n = notes.get(end.id);
      return n ? { x: n.x + n.w / 2, y: n.y + n.h / 2, exit: (dx, dy) => boxExit(n.w, n.h, dx, dy) } : null;
    }
    const p = entityPoint(cy, end.id);
    return p ? { x: p.x, y: p.y, exit: () => p.r } : null;
  };
  const arrows: PrintArrow[] = [];
  for (const r of a.arrows) {
    const from = centre(r.from);
    const to = centre(r.to);
    if (!from || !to) continue;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len = Math.hypot(dx, dy);
    if (len < 1) continue;
    const a1 = Math.min(from.exit(dx, dy), len / 2);
    const a2 = Math.min(to.exit(-dx, -dy), len / 2);
    arrows.push({ from: { x: from.x + (dx / len) * a1, y: from.y + (dy / len) * a1 }, to: { x: to.x - (dx / len) * a2, y: to.y - (dy / len) * a2 } });
  }
  return { notes: [...notes.values()], arrows };
}

/** The bounds of the notes (to widen the printed chart's frame so none is cut off). */
export function notesBounds(notes: PrintNote[]): { x1: number; y1: number; x2: number; y2: number } | null {
  if (!notes.length) return null;
  return {
    x1: Math.min(...notes.map((n) => n.x)),
    y1: Math.min(...notes.map((n) => n.y)),
    x2: Math.max(...notes.map((n) => n.x + n.w)),
    y2: Math.max(...notes.map((n) => n.y + n.h)),
  };
}

export function annotationsSvg(notes: PrintNote[], arrows: PrintArrow[]): string {
  const colour = '#b7791f';
  const out: string[] = [];
  for (const r of arrows) {
    const ang = Math.atan2(r.to.y - r.from.y, r.to.x - r.from.x);
    const head = 9;
    const p1 = { x: r.to.x - head * Math.cos(ang - 0.4), y: r.to.y - head * Math.sin(ang - 0.4) };
    const p2 = { x: r.to.x - head * Math.cos(ang + 0.4), y: r.to.y - head * Math.sin(ang + 0.4) };
    out.push(
      `<g class="annotation-arrow"><line x1="${f(r.from.x)}" y1="${f(r.from.y)}" x2="${f(r.to.x)}" y2="${f(r.to.y)}" stroke="${colour}" stroke-width="2"/>` +
        `<polygon points="${f(r.to.x)},${f(r.to.y)} ${f(p1.x)},${f(p1.y)} ${f(p2.x)},${f(p2.y)}" fill="${colour}"/></g>`,
    );
  }
  for (const n of notes) {
    const text = n.lines
      .map((l, i) => `<text x="${f(n.x + PAD)}" y="${f(n.y + PAD + FONT + i * LINE - 1)}" font-family="${PRINT_FONT}" font-size="${FONT}" fill="${INK}">${esc(l)}</text>`)
      .join('');
    out.push(`<g class="annotation-note"><rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.w)}" height="${f(n.h)}" rx="3" fill="#fff4c2" stroke="${colour}" stroke-width="1"/>${text}</g>`);
  }
  return out.join('\n');
}
