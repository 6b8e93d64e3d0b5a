import type cytoscape from 'cytoscape';
import type { ChartOps } from '../store/chartOps';
import type { AnnotationRef } from '../store/chartStore';
import type { Action, ActionContext, Placement } from './types';

/**
 * The action manager: binds keys to actions, and lists them for the toolbar, the context menu and the
 * help. Pure functions over a list of actions, so the unit tests check the same table the app uses.
 */

interface KeySpec {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(spec: string): KeySpec {
  // 'Shift++' is not used; '+' alone would be the key.
  const parts = spec.length > 1 ? spec.split('+') : [spec];
  const key = parts.pop() ?? '';
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

const isLetter = (k: string) => /^[a-z]$/i.test(k);

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Does a key event match a binding? `loose` lets a plain letter binding ('E') match with Shift too
 * (E or e), tried only when no binding matched exactly (so 'Shift+G' wins over 'G' for G).
 */
export function keyMatches(spec: string, e: KeyLike, loose = false): boolean {
  const s = parse(spec);
  const mod = e.ctrlKey || e.metaKey;
  if (s.mod !== mod || s.alt !== e.altKey) return false;
  const letter = isLetter(s.key);
  const sameKey = letter ? e.key.toLowerCase() === s.key.toLowerCase() : e.key === s.key;
  if (!sameKey) return false;
  // Printable symbols ('?') carry their own Shift: ignore it.
  if (!letter && s.key.length === 1) return true;
  if (s.shift === e.shiftKey) return true;
  return loose && letter && !s.shift && !s.mod;
}

/** The action bound to a key, if any (enabled or not). */
export function actionForKey(actions: readonly Action[], e: KeyLike): Action | undefined {
  const bound = actions.filter((a) => a.keys?.length);
  return bound.find((a) => a.keys!.some((k) => keyMatches(k, e))) ?? bound.find((a) => a.keys!.some((k) => keyMatches(k, e, true)));
}

const KEY_NAMES: Record<string, string> = { Mod: 'Ctrl', Delete: 'Del', Escape: 'Esc', ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓', Enter: 'Enter' };

/** How a binding is written for people: 'Mod+Z' → 'Ctrl+Z', 'Delete' → 'Del'. */
export const keyLabel = (spec: string): string =>
  spec.length === 1 ? spec.toUpperCase() : spec.split('+').map((p) => KEY_NAMES[p] ?? (p.length === 1 ? p.toUpperCase() : p)).join('+');

/** The help overlay's rows, in the order of the list: keys (joined by "or") and what they do. */
export function helpRows(actions: readonly Action[], analyst = true): { keys: string; what: string }[] {
  return actions
    .filter((a) => a.keys?.length && (analyst || !a.analystOnly))
    .map((a) => ({ keys: a.keys!.map(keyLabel).join(' or '), what: a.help ?? (typeof a.label === 'string' ? a.label : a.name) }));
}

export const labelOf = (a: Action, ctx: ActionContext): string => (typeof a.label === 'function' ? a.label(ctx) : a.label);

/** The tooltip, with the first key binding in brackets. */
export function titleOf(a: Action, ctx: ActionContext): string {
  const t = typeof a.title === 'function' ? a.title(ctx) : (a.title ?? a.help ?? labelOf(a, ctx));
  const k = a.keys?.[0];
  return k ? `${t} (${keyLabel(k)})` : t;
}

export const isEnabled = (a: Action, ctx: ActionContext): boolean => (ctx.analyst || !a.analystOnly) && (a.enabled?.(ctx) ?? true);

/** The actions shown in one place, for this user. */
export const actionsIn = (actions: readonly Action[], place: Placement, analyst: boolean): Action[] =>
  actions.filter((a) => a.placements?.includes(place) && (analyst || !a.analystOnly));

/** Runs an action if it is enabled; says whether it ran. */
export function run(a: Action, ctx: ActionContext): boolean {
  if (!isEnabled(a, ctx)) return false;
  a.perform(ctx);
  return true;
}

/** The context for an action now, on a target element or on the selection. */
export function contextFor(
  ops: ChartOps,
  target: cytoscape.SingularElementReturnValue | null = null,
  where: { annotation?: AnnotationRef | null; at?: { x: number; y: number } | null } = {},
): ActionContext {
  return { ops, cy: ops.cy, store: ops.store, state: ops.store.getState(), analyst: ops.analyst, target, annotation: where.annotation ?? null, at: where.at ?? null };
}

/** Fields where keys are text, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable;
}
