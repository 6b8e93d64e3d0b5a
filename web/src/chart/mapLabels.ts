/**
 * Labels for the places on the plain map, placed so that none overlaps another label or another
 * place's dot: the most important places first (selected, then hotspots, then by linked records),
 * each tried right, left, above and below its dot; a label that fits nowhere is left out (the
 * place's tooltip still names it). A selected place is labelled over other dots if it must.
 */

export interface LabelPoint {
  id: string;
  x: number;
  y: number;
  /** Radius of the dot. */
  r: number;
  text: string;
  /** Higher is labelled first. */
  priority: number;
  /** Labelled even over other dots (never over another label) when nothing else fits: the selected. */
  must?: boolean;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Text anchor point and alignment, for an SVG <text>. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  box: Box;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Approximate width of a character of the map's 11 px label font (a little generous), and the line's height. */
const CHAR_W = 6.5;
const LINE_H = 13;
const GAP = 3;

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A place's label cut to something a map can carry: the first part of an address, at most `max` characters. */
export function shortPlaceLabel(label: string, max = 26): string {
  const first = label.split(',')[0]!.trim() || label;
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

export function placeLabels(points: readonly LabelPoint[], width: number, height: number): PlacedLabel[] {
  const dots: Box[] = points.map((p) => ({ x1: p.x - p.r, y1: p.y - p.r, x2: p.x + p.r, y2: p.y + p.r }));
  const placed: PlacedLabel[] = [];
  const order = [...points.keys()].sort((a, b) => points[b]!.priority - points[a]!.priority || points[a]!.id.localeCompare(points[b]!.id));
  for (const i of order) {
    const p = points[i]!;
    const w = p.text.length * CHAR_W;
    const candidates: Omit<PlacedLabel, 'id' | 'text'>[] = [
      { x: p.x + p.r + GAP, y: p.y + 4, anchor: 'start', box: { x1: p.x + p.r + GAP, y1: p.y - LINE_H / 2, x2: p.x + p.r + GAP + w, y2: p.y + LINE_H / 2 } },
      { x: p.x - p.r - GAP, y: p.y + 4, anchor: 'end', box: { x1: p.x - p.r - GAP - w, y1: p.y - LINE_H / 2, x2: p.x - p.r - GAP, y2: p.y + LINE_H / 2 } },
      { x: p.x, y: p.y - p.r - GAP - 2, anchor: 'middle', box: { x1: p.x - w / 2, y1: p.y - p.r - GAP - LINE_H, x2: p.x + w / 2, y2: p.y - p.r - GAP } },
      { x: p.x, y: p.y + p.r + GAP + 10, anchor: 'middle', box: { x1: p.x - w / 2, y1: p.y + p.r + GAP, x2: p.x + w / 2, y2: p.y + p.r + GAP + LINE_H } },
    ];
    const free = (c: (typeof candidates)[number], overDots: boolean) =>
      c.box.x1 >= 0 &&
      c.box.y1 >= 0 &&
      c.box.x2 <= width &&
      c.box.y2 <= height &&
      !placed.some((l) => overlaps(l.box, c.box)) &&
      (overDots || !dots.some((d, j) => j !== i && overlaps(d, c.box)));
    const fits = candidates.find((c) => free(c, false)) ?? (p.must ? candidates.find((c) => free(c, true)) : undefined);
    if (fits) placed.push({ id: p.id, text: p.text, ...fits });
  }
  return placed;
}
