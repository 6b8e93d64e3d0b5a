import type cytoscape from 'cytoscape';

/**
 * Notes and arrows the analyst draws on the chart ("this address was raided in 2011", an arrow from
 * the note to the house). They are the analyst's writing, not case data: kept in the chart store's
 * view settings (so Undo covers them) and in the saved chart's view state, and drawn over the chart
 * by components/AnnotationLayer.tsx — never Cytoscape elements, so no chart code (filters, exports
 * of data, analyses, the saved entity ids) ever mistakes one for an entity or a link.
 */

/** A note, its top-left corner at (x, y) in chart coordinates: it moves with the chart. */
export interface Note {
  id: string;
  text: string;
  x: number;
  y: number;
}

/** An arrow's end: an entity on the chart, or a note. */
export interface AnnotationEnd {
  kind: 'entity' | 'note';
  id: string;
}

export interface Arrow {
  id: string;
  from: AnnotationEnd;
  to: AnnotationEnd;
}

export interface Annotations {
  notes: Note[];
  arrows: Arrow[];
}

export const NO_ANNOTATIONS: Annotations = { notes: [], arrows: [] };

/** Long enough for a paragraph; the saved state stays small. */
export const NOTE_MAX_CHARS = 500;
const MAX_NOTES = 200;
const MAX_ARROWS = 400;

let counter = 0;
const newId = (prefix: 'note' | 'arrow') => `${prefix}:${Date.now().toString(36)}-${++counter}`;

const sameEnd = (a: AnnotationEnd, b: AnnotationEnd) => a.kind === b.kind && a.id === b.id;

export function addNote(a: Annotations, text: string, at: { x: number; y: number }): { annotations: Annotations; id: string } {
  const id = newId('note');
  const note: Note = { id, text: text.slice(0, NOTE_MAX_CHARS), x: Math.round(at.x), y: Math.round(at.y) };
  return { annotations: { ...a, notes: [...a.notes, note] }, id };
}

export function updateNote(a: Annotations, id: string, part: Partial<Omit<Note, 'id'>>): Annotations {
  const text = part.text === undefined ? {} : { text: part.text.slice(0, NOTE_MAX_CHARS) };
  return { ...a, notes: a.notes.map((n) => (n.id === id ? { ...n, ...part, ...text } : n)) };
}

/** Takes a note off, with the arrows to and from it. */
export function removeNote(a: Annotations, id: string): Annotations {
  const end: AnnotationEnd = { kind: 'note', id };
  return { notes: a.notes.filter((n) => n.id !== id), arrows: a.arrows.filter((r) => !sameEnd(r.from, end) && !sameEnd(r.to, end)) };
}

/** Adds an arrow; none to itself, and not twice the same. Returns the same object when nothing changes. */
export function addArrow(a: Annotations, from: AnnotationEnd, to: AnnotationEnd): Annotations {
  if (sameEnd(from, to) || a.arrows.some((r) => sameEnd(r.from, from) && sameEnd(r.to, to))) return a;
  return { ...a, arrows: [...a.arrows, { id: newId('arrow'), from, to }] };
}

export const removeArrow = (a: Annotations, id: string): Annotations => ({ ...a, arrows: a.arrows.filter((r) => r.id !== id) });

/** What the analyst sees of an arrow's end in words (for menus and notices). */
export function endLabel(cy: cytoscape.Core, a: Annotations, end: AnnotationEnd): string {
  if (end.kind === 'note') {
    const n = a.notes.find((x) => x.id === end.id);
    return n ? `the note “${n.text.slice(0, 30) || '…'}”` : 'a note';
  }
  return String(cy.getElementById(end.id).data('label') ?? end.id);
}

/**
 * Where an end is drawn, in chart coordinates, or null when it is not drawn (an entity off the chart
 * or out of view). For an entity, `r` is how far from the centre the arrow stops.
 */
export function entityPoint(cy: cytoscape.Core, id: string): { x: number; y: number; r: number } | null {
  const n = cy.getElementById(id);
  if (n.empty() || !n.isNode() || !n.visible()) return null;
  const p = (n as cytoscape.NodeSingular).position();
  return { x: p.x, y: p.y, r: Math.max((n as cytoscape.NodeSingular).width(), (n as cytoscape.NodeSingular).height()) / 2 + 4 };
}

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isEnd = (x: unknown): x is AnnotationEnd => isObj(x) && (x.kind === 'entity' || x.kind === 'note') && typeof x.id === 'string';

/** Annotations from a saved view state (written by any client): what is well-formed, within limits. */
export function readAnnotations(x: unknown): Annotations {
  if (!isObj(x)) return NO_ANNOTATIONS;
  const notes = (Array.isArray(x.notes) ? x.notes : [])
    .filter((n): n is Note => isObj(n) && typeof n.id === 'string' && typeof n.text === 'string' && Number.isFinite(n.x) && Number.isFinite(n.y))
    .slice(0, MAX_NOTES)
    .map((n) => ({ id: n.id, text: n.text.slice(0, NOTE_MAX_CHARS), x: n.x, y: n.y }));
  const noteIds = new Set(notes.map((n) => n.id));
  const known = (e: AnnotationEnd) => e.kind === 'entity' || noteIds.has(e.id);
  const arrows = (Array.isArray(x.arrows) ? x.arrows : [])
    .filter((r): r is Arrow => isObj(r) && typeof r.id === 'string' && isEnd(r.from) && isEnd(r.to))
    .filter((r) => known(r.from) && known(r.to))
    .slice(0, MAX_ARROWS)
    .map((r) => ({ id: r.id, from: { kind: r.from.kind, id: r.from.id }, to: { kind: r.to.kind, id: r.to.id } }));
  return { notes, arrows };
}

export const hasAnnotations = (a: Annotations): boolean => a.notes.length + a.arrows.length > 0;

/**
 * Where a line from the centre of a w × h box towards (dx, dy) leaves the box: an arrow to a note
 * stops at its edge, not under it.
 */
export function boxExit(w: number, h: number, dx: number, dy: number): number {
  if (dx === 0 && dy === 0) return 0;
  const tx = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : h / 2 / Math.abs(dy);
  return Math.min(tx, ty) * Math.hypot(dx, dy);
}
