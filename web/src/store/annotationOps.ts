import { addArrow, addNote, endLabel, removeArrow, removeNote, updateNote, type AnnotationEnd, type Annotations } from '../chart/annotations';
import type { ChartOps } from './chartOps';
import { patch, type AnnotationRef } from './chartStore';

/**
 * Drawing notes and arrows (../chart/annotations.ts) through the store: each change is one undo
 * step, since annotations are part of the view settings Undo restores.
 */

const current = (ops: ChartOps): Annotations => ops.store.getState().view.annotations;

function change(ops: ChartOps, what: string | null, next: Annotations): void {
  if (next === current(ops)) return;
  if (what) ops.record(what);
  patch(ops.store, 'view', { annotations: next });
}

/** A new empty note at a chart position, opened for typing. */
export function addNoteAt(ops: ChartOps, at: { x: number; y: number }, text = ''): string {
  const { annotations, id } = addNote(current(ops), text, at);
  change(ops, 'Add note', annotations);
  patch(ops.store, 'session', { editingNote: id });
  return id;
}

/** Saves a note's text; an emptied note goes (a new one left empty leaves no trace but its undo step). */
export function saveNoteText(ops: ChartOps, id: string, text: string): void {
  patch(ops.store, 'session', { editingNote: null });
  const note = current(ops).notes.find((n) => n.id === id);
  if (!note || note.text === text) {
    if (note && !text.trim()) change(ops, null, removeNote(current(ops), id));
    return;
  }
  if (!text.trim()) change(ops, 'Delete note', removeNote(current(ops), id));
  else change(ops, 'Edit note', updateNote(current(ops), id, { text }));
}

/** Moves a note; `record` on the first move of a drag only, so one drag is one undo step. */
export function moveNote(ops: ChartOps, id: string, at: { x: number; y: number }, record: boolean): void {
  change(ops, record ? 'Move note' : null, updateNote(current(ops), id, { x: Math.round(at.x), y: Math.round(at.y) }));
}

export function removeAnnotation(ops: ChartOps, ref: AnnotationRef): void {
  change(ops, ref.kind === 'note' ? 'Delete note' : 'Delete arrow', ref.kind === 'note' ? removeNote(current(ops), ref.id) : removeArrow(current(ops), ref.id));
}

/** "Arrow from here": remembered until "Arrow to here" (or Escape). */
export function startArrow(ops: ChartOps, from: AnnotationEnd): void {
  patch(ops.store, 'session', { arrowFrom: from });
  ops.say({ text: `Arrow from ${endLabel(ops.cy, current(ops), from)}: right-click where it should point and choose "Arrow to here".`, sticky: true });
}

export function finishArrow(ops: ChartOps, to: AnnotationEnd): void {
  const from = ops.store.getState().session.arrowFrom;
  patch(ops.store, 'session', { arrowFrom: null });
  if (!from) return;
  change(ops, 'Draw arrow', addArrow(current(ops), from, to));
  ops.say(`Arrow drawn from ${endLabel(ops.cy, current(ops), from)} to ${endLabel(ops.cy, current(ops), to)}.`);
}
