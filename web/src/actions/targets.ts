import type cytoscape from 'cytoscape';
import { entitiesOf } from '../store/readers';
import type { ActionContext } from './types';

/**
 * What an action acts on: the right-clicked (or keyboard-focused) element — with the rest of the
 * selection when it is part of it, as in every desktop tool — or else the selection.
 */
export function targets(ctx: ActionContext): cytoscape.Collection {
  const sel = ctx.cy.$(':selected');
  const t = ctx.target;
  if (!t || t.removed()) return sel;
  return t.selected() ? sel : (t as unknown as cytoscape.Collection);
}

/** The entities among the targets (no groups, no links). */
export const targetEntities = (ctx: ActionContext): cytoscape.NodeCollection => entitiesOf(targets(ctx));

/** The one entity targeted, if exactly one. */
export function oneEntity(ctx: ActionContext): cytoscape.NodeSingular | null {
  const n = targetEntities(ctx);
  return n.length === 1 ? (n[0] as cytoscape.NodeSingular) : null;
}
