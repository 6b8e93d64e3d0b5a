/**
 * The view of the request in progress (a Viewer, viewer.ts), carried with the async context, so
 * that turning a stored node or relationship into answer data (domain/entity.ts) always goes
 * through it, in every module, without each resolver having to pass it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlainNode, PlainRel } from '../db/database.js';
import type { EntityView, LinkView } from '../domain/entity.js';

export interface View {
  entity(node: PlainNode): EntityView;
  link(rel: PlainRel, source: string, target: string): LinkView;
  /** True for a link the answer must leave out altogether (not even as held). */
  hidesLink?(type: string, source: string, target: string): boolean;
}

const current = new AsyncLocalStorage<View>();

/** Runs `fn` with `view` applied to everything it materialises. */
export function runInView<T>(view: View, fn: () => T): T {
  return current.run(view, fn);
}

export function currentView(): View | undefined {
  return current.getStore();
}

/**
 * Answer parts built only from what the viewer already handed back (labels and properties of
 * projected entities, like a search hit's context): the guard's second line (guard.ts, outgoing)
 * leaves them as they are, as it leaves entities and links. Scrubbing them again would treat a
 * visible address as free text and blank the street a protected place shares with it, which
 * points at that place instead of hiding it.
 */
const projected = new WeakSet<object>();

export function fromProjected<T extends object>(part: T): T {
  projected.add(part);
  return part;
}

export const isFromProjected = (part: object): boolean => projected.has(part);
