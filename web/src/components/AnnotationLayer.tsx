import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { boxExit, entityPoint, hasAnnotations, NOTE_MAX_CHARS, type AnnotationEnd, type Note } from '../chart/annotations';
import { moveNote, removeAnnotation, saveNoteText } from '../store/annotationOps';
import { patch, type AnnotationRef } from '../store/chartStore';
import { useChart, useWorkspace } from '../store/WorkspaceContext';

/** A note's box before it was measured. */
const DEFAULT_BOX = { w: 160, h: 40 };

/**
 * The analyst's notes and arrows, drawn over the chart in its coordinates (they pan and zoom with
 * it; the notes keep a readable size). Drag a note to move it, double-click to edit, right-click a
 * note or an arrow for its menu. data-testids: annotation-layer, note (data-id), note-editor, arrow.
 */
export function AnnotationLayer() {
  const { ops, store } = useWorkspace();
  const annotations = useChart((s) => s.view.annotations);
  const editing = useChart((s) => s.session.editingNote);
  const [, redraw] = useState(0);
  const boxes = useRef(new Map<string, { w: number; h: number }>());
  const layer = useRef<HTMLDivElement>(null);
  const any = hasAnnotations(annotations);

  // Follow the chart: pan, zoom, dragging and layouts move what the arrows point at.
  useEffect(() => {
    if (!ops || !any) return;
    const cy = ops.cy;
    let frame = 0;
    const follow = () => {
      if (frame) return;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        redraw((t) => t + 1);
      });
    };
    cy.on('render viewport position add remove', follow);
    return () => {
      cy.off('render viewport position add remove', follow);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, [ops, any]);

  // Measure the notes so that arrows stop at their edges.
  useLayoutEffect(() => {
    layer.current?.querySelectorAll<HTMLElement>('[data-testid="note"]').forEach((el) => {
      const id = el.dataset.id;
      if (!id) return;
      const prev = boxes.current.get(id);
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      if (!prev || prev.w !== w || prev.h !== h) {
        boxes.current.set(id, { w, h });
        redraw((t) => t + 1);
      }
    });
  });

  if (!ops || !any) return null;
  const cy = ops.cy;
  const zoom = cy.zoom();
  const pan = cy.pan();
  const screen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });

  const openMenu = (e: { clientX: number; clientY: number; preventDefault(): void; stopPropagation(): void }, annotation: AnnotationRef) => {
    e.preventDefault();
    e.stopPropagation();
    const box = cy.container()?.getBoundingClientRect();
    const at = box ? { x: (e.clientX - box.left - pan.x) / zoom, y: (e.clientY - box.top - pan.y) / zoom } : { x: 0, y: 0 };
    patch(store, 'session', { menu: { x: e.clientX, y: e.clientY, at, targetId: null, annotation } });
  };

  /** An end on screen: its centre and how far from it the arrow stops towards (dx, dy). */
  const endOnScreen = (end: AnnotationEnd) => {
    if (end.kind === 'entity') {
      const p = entityPoint(cy, end.id);
      return p ? { ...screen(p), cut: () => p.r * zoom } : null;
    }
    const n = annotations.notes.find((x) => x.id === end.id);
    if (!n) return null;
    // A note's (x, y) is its top-left corner: arrows leave from its middle, and stop at its edge.
    const b = boxes.current.get(n.id) ?? DEFAULT_BOX;
    const corner = screen(n);
    return { x: corner.x + b.w / 2, y: corner.y + b.h / 2, cut: (dx: number, dy: number) => boxExit(b.w, b.h, dx, dy) + 3 };
  };

  const arrows = annotations.arrows.flatMap((r) => {
    const a = endOnScreen(r.from);
    const b = endOnScreen(r.to);
    if (!a || !b) return [];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    const ca = a.cut(dx, dy);
    const cb = b.cut(-dx, -dy);
    if (len <= ca + cb + 4) return [];
    const x1 = a.x + (dx / len) * ca;
    const y1 = a.y + (dy / len) * ca;
    const x2 = b.x - (dx / len) * cb;
    const y2 = b.y - (dy / len) * cb;
    return [{ id: r.id, d: `M${x1.toFixed(1)},${y1.toFixed(1)} L${x2.toFixed(1)},${y2.toFixed(1)}` }];
  });

  return (
    <div className="annotation-layer" ref={layer} data-testid="annotation-layer">
      <svg className="annotation-arrows" aria-hidden="true">
        <defs>
          <marker id="annotation-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        {arrows.map((r) => (
          <g key={r.id} data-testid="arrow" data-id={r.id} onContextMenu={(e) => openMenu(e, { kind: 'arrow', id: r.id })}>
            <path className="arrow-hit" d={r.d} />
            <path className="arrow-line" d={r.d} markerEnd="url(#annotation-head)" />
          </g>
        ))}
      </svg>
      {annotations.notes.map((n) => (
        <NoteBox
          key={n.id}
          note={n}
          at={screen(n)}
          editing={editing === n.id}
          onMenu={(e) => openMenu(e, { kind: 'note', id: n.id })}
          onEdit={() => patch(store, 'session', { editingNote: n.id })}
          onSave={(text) => saveNoteText(ops, n.id, text)}
          onCancel={() => {
            patch(store, 'session', { editingNote: null });
            // A new note left empty goes.
            if (!n.text.trim()) removeAnnotation(ops, { kind: 'note', id: n.id });
          }}
          onMove={(from, dx, dy, first) => moveNote(ops, n.id, { x: from.x + dx / zoom, y: from.y + dy / zoom }, first)}
        />
      ))}
    </div>
  );
}

function NoteBox(p: {
  note: Note;
  at: { x: number; y: number };
  editing: boolean;
  onMenu(e: { clientX: number; clientY: number; preventDefault(): void; stopPropagation(): void }): void;
  onEdit(): void;
  onSave(text: string): void;
  onCancel(): void;
  /** Moved by (dx, dy) screen pixels from `from` (where the drag began); `first` on its first move. */
  onMove(from: { x: number; y: number }, dx: number, dy: number, first: boolean): void;
}) {
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const origin = useRef(p.note);
  const done = useRef(false);
  useEffect(() => {
    done.current = false;
  }, [p.editing]);

  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (p.editing || e.button !== 0) return;
    e.stopPropagation();
    origin.current = p.note;
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 3) return;
    // Moves are relative to where the note was when the drag began.
    const first = !d.moved;
    d.moved = true;
    p.onMove(origin.current, dx, dy, first);
  };
  const up = () => {
    drag.current = null;
  };
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    if (text === null) p.onCancel();
    else p.onSave(text);
  };
  const key = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(null);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      finish(e.currentTarget.value);
    }
  };
  return (
    <div
      className={p.editing ? 'note editing' : 'note'}
      data-testid="note"
      data-id={p.note.id}
      style={{ left: p.at.x, top: p.at.y }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onDoubleClick={p.onEdit}
      onContextMenu={p.onMenu}
      title={p.editing ? undefined : 'Note: drag to move, double-click to edit, right-click for more'}
    >
      {p.editing ? (
        <textarea
          data-testid="note-editor"
          aria-label="Note text (Enter saves, Shift+Enter a new line, Escape cancels)"
          defaultValue={p.note.text}
          maxLength={NOTE_MAX_CHARS}
          autoFocus
          rows={3}
          onKeyDown={key}
          onBlur={(e) => finish(e.currentTarget.value)}
        />
      ) : (
        <span className="note-text">{p.note.text}</span>
      )}
    </div>
  );
}
