import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { actionsIn, contextFor, isEnabled, labelOf, run } from '../actions/manager';
import type { Action, ActionContext, Placement } from '../actions/types';
import { patch } from '../store/chartStore';
import { useChart, useWorkspace } from '../store/WorkspaceContext';

/**
 * The right-click menu on an entity, a link, a note, an arrow or the empty chart, generated from the
 * actions placed there (only those that apply now). Arrow keys move, Enter runs, → opens a submenu,
 * Escape closes. data-testids: context-menu, menu-<action name>, menu-choice-<key>.
 */
export function ContextMenu({ onClosed }: { onClosed(): void }) {
  const { ops, actions, store } = useWorkspace();
  const menu = useChart((s) => s.session.menu);
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    setOpen(null);
    setPos(null);
    // The first entry takes the keyboard.
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menu]);

  // Kept inside the window, also when a submenu opens.
  useLayoutEffect(() => {
    if (!menu || !ref.current) return;
    const box = ref.current.getBoundingClientRect();
    const left = Math.max(4, Math.min(menu.x, window.innerWidth - box.width - 4));
    const top = Math.max(4, Math.min(menu.y, window.innerHeight - box.height - 4));
    if (!pos || pos.left !== left || pos.top !== top) setPos({ left, top });
  }, [menu, open, pos]);

  if (!ops || !menu) return null;
  const el = menu.targetId ? ops.cy.getElementById(menu.targetId) : null;
  const target = el && el.nonempty() ? el : null;
  const place: Placement = menu.annotation ? menu.annotation.kind : target ? (target.isNode() ? 'node' : 'edge') : 'canvas';
  const ctx: ActionContext = contextFor(ops, target, { annotation: menu.annotation, at: menu.at });
  const items = actionsIn(actions, place, ops.analyst).filter((a) => isEnabled(a, ctx));

  const close = () => {
    patch(store, 'session', { menu: null });
    onClosed();
  };
  const perform = (a: Action) => {
    close();
    run(a, contextFor(ops, target, { annotation: menu.annotation, at: menu.at }));
  };

  const onKey = (e: KeyboardEvent) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = entries.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => entries[(j + entries.length) % entries.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(entries.length - 1);
    else if (e.key === 'Tab') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const what = menu.annotation
    ? menu.annotation.kind === 'note'
      ? 'Note'
      : 'Arrow'
    : target
      ? String(target.data('label') ?? target.data('type') ?? target.id())
      : 'Chart';
  return (
    <>
      <div className="menu-backdrop" onMouseDown={close} onContextMenu={(e) => (e.preventDefault(), close())} />
      <div
        ref={ref}
        className="context-menu"
        role="menu"
        aria-label={`Menu: ${what}`}
        data-testid="context-menu"
        style={pos ? { left: pos.left, top: pos.top } : { left: menu.x, top: menu.y, visibility: 'hidden' }}
        onKeyDown={onKey}
        onContextMenu={(e) => e.preventDefault()}
      >
        <div className="menu-title">{what}</div>
        {items.length === 0 && <div className="menu-empty muted small">Nothing to do here.</div>}
        {items.map((a) => {
          const choices = a.choices?.(ctx);
          if (!choices) {
            return (
              <button key={a.name} type="button" role="menuitem" data-testid={`menu-${a.name}`} onClick={() => perform(a)}>
                {a.menuLabel ?? labelOf(a, ctx)}
              </button>
            );
          }
          const expanded = open === a.name;
          return (
            <div key={a.name} className="menu-sub">
              <button
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={expanded}
                data-testid={`menu-${a.name}`}
                onClick={() => setOpen(expanded ? null : a.name)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' && !expanded) {
                    e.preventDefault();
                    setOpen(a.name);
                  }
                }}
              >
                {a.menuLabel ?? labelOf(a, ctx)} <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
              </button>
              {expanded && (
                <div className="menu-choices" role="menu" aria-label={labelOf(a, ctx)}>
                  {choices.map((c, i) => (
                    <div key={c.key}>
                      {c.group && c.group !== choices[i - 1]?.group && <div className="menu-group">{c.group}</div>}
                      <button
                        type="button"
                        role="menuitem"
                        data-testid={`menu-choice-${c.key}`}
                        onClick={() => {
                          close();
                          c.perform();
                        }}
                      >
                        {c.label}
                      </button>
                    </div>
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </>
  );
}
