import type cytoscape from 'cytoscape';
import { viewportCentre } from '../chart/cy';
import { expandGroups } from '../components/expandTypes';
import { pathFor } from '../routing/paths';
import { addNoteAt, finishArrow, removeAnnotation, startArrow } from '../store/annotationOps';
import { patch } from '../store/chartStore';
import { describeStep, moveToSelected, stepBack, stepNeighbour, type Step } from '../store/navigation';
import { endOf } from '../store/readers';
import { defineActions } from './define';
import { oneEntity } from './targets';
import type { ActionContext } from './types';

/**
 * What the right-click menu offers beyond the toolbar's actions (expand by type, paths from here,
 * details, open the record, notes and arrows), and moving around the chart from the keyboard.
 */

/** Shows an element in the details panel and moves the keyboard there. */
function openDetails(ctx: ActionContext, el: cytoscape.SingularElementReturnValue): void {
  ctx.cy.$(':selected').unselect();
  el.select();
  // The panel re-renders on the next frame (the store mirrors the selection once a frame).
  window.requestAnimationFrame(() =>
    window.requestAnimationFrame(() => {
      const panel = document.querySelector<HTMLElement>('[data-testid="details-panel"]');
      if (!panel) return;
      if (!panel.hasAttribute('tabindex')) panel.setAttribute('tabindex', '-1');
      panel.focus();
    }),
  );
}

const said = (ctx: ActionContext, step: Step | null) => {
  if (step) patch(ctx.store, 'session', { announce: describeStep(ctx.cy, step) });
};

/** The one element targeted: the right-clicked one, else the only selected one. */
function single(ctx: ActionContext): cytoscape.SingularElementReturnValue | null {
  if (ctx.target && !ctx.target.removed()) return ctx.target;
  const sel = ctx.cy.$(':selected');
  return sel.length === 1 ? (sel[0] as cytoscape.SingularElementReturnValue) : null;
}

export const menuActions = defineActions([
  {
    name: 'expand-by-type',
    label: 'Expand by link type',
    placements: ['node'],
    enabled: (ctx) => !!oneEntity(ctx),
    perform: () => undefined,
    choices: (ctx) => {
      const n = oneEntity(ctx);
      if (!n) return [];
      const labels = (n.data('entity') as { labels?: string[] } | undefined)?.labels ?? [String(n.data('kind'))];
      return expandGroups(labels).flatMap((g) =>
        g.options.map((o) => ({ key: o.type, label: o.words, group: g.name, perform: () => ctx.ops.expand([n.id()], [o.type]) })),
      );
    },
  },
  {
    name: 'paths-from',
    label: 'Paths from here',
    help: 'Paths from this entity: pick the other end next',
    placements: ['node'],
    enabled: (ctx) => !!oneEntity(ctx),
    perform: (ctx) => {
      const n = oneEntity(ctx)!;
      const others = ctx.cy.$('node:selected').filter((x) => !!x.data('entity') && x.id() !== n.id());
      // Another entity already selected: that is the other end.
      if (others.length === 1) {
        ctx.ops.paths([n.id(), others[0]!.id()]);
        return;
      }
      patch(ctx.store, 'session', { pathFrom: n.id() });
      ctx.ops.say({ text: `Paths from ${endOf(ctx.cy, n.id()).label}: right-click the other end and choose "Paths to here".`, sticky: true });
    },
  },
  {
    name: 'paths-to',
    label: ({ state, cy }) => (state.session.pathFrom ? `Paths to here from ${endOf(cy, state.session.pathFrom).label}` : 'Paths to here'),
    placements: ['node'],
    enabled: (ctx) => {
      const from = ctx.state.session.pathFrom;
      const n = oneEntity(ctx);
      return !!from && !!n && n.id() !== from && ctx.cy.getElementById(from).nonempty();
    },
    perform: (ctx) => {
      const from = ctx.state.session.pathFrom!;
      patch(ctx.store, 'session', { pathFrom: null });
      ctx.ops.paths([from, oneEntity(ctx)!.id()]);
    },
  },
  {
    name: 'details',
    label: 'Details',
    keys: ['D'],
    help: 'Details of the selected entity or link (moves the keyboard there)',
    placements: ['node', 'edge'],
    enabled: (ctx) => !!single(ctx),
    perform: (ctx) => openDetails(ctx, single(ctx)!),
  },
  {
    name: 'open-record',
    label: 'Open record in a new tab',
    placements: ['node'],
    analystOnly: true,
    enabled: (ctx) => !!oneEntity(ctx),
    perform: (ctx) => void window.open(pathFor({ page: 'entity', id: oneEntity(ctx)!.id() }), '_blank', 'noopener'),
  },
  {
    name: 'select-ends',
    label: 'Select both ends',
    placements: ['edge'],
    enabled: (ctx) => !!ctx.target?.isEdge(),
    perform: (ctx) => {
      const e = ctx.target as cytoscape.EdgeSingular;
      ctx.cy.$(':selected').unselect();
      e.source().select();
      e.target().select();
    },
  },
  {
    name: 'add-note',
    label: 'Add a note here',
    keys: ['Shift+N'],
    help: 'Add a note (in the middle of the view)',
    placements: ['canvas'],
    perform: (ctx) => void addNoteAt(ctx.ops, ctx.at ?? viewportCentre(ctx.cy)),
  },
  {
    name: 'edit-note',
    label: 'Edit note',
    placements: ['note'],
    enabled: (ctx) => ctx.annotation?.kind === 'note',
    perform: (ctx) => patch(ctx.store, 'session', { editingNote: ctx.annotation!.id }),
  },
  {
    name: 'arrow-from',
    label: 'Arrow from here',
    placements: ['node', 'note'],
    enabled: (ctx) => ctx.annotation?.kind === 'note' || !!oneEntity(ctx),
    perform: (ctx) => startArrow(ctx.ops, ctx.annotation ? { kind: 'note', id: ctx.annotation.id } : { kind: 'entity', id: oneEntity(ctx)!.id() }),
  },
  {
    name: 'arrow-to',
    label: 'Arrow to here',
    placements: ['node', 'note'],
    enabled: (ctx) => !!ctx.state.session.arrowFrom && (ctx.annotation?.kind === 'note' || !!oneEntity(ctx)),
    perform: (ctx) => finishArrow(ctx.ops, ctx.annotation ? { kind: 'note', id: ctx.annotation.id } : { kind: 'entity', id: oneEntity(ctx)!.id() }),
  },
  {
    name: 'delete-annotation',
    label: ({ annotation }) => (annotation?.kind === 'arrow' ? 'Delete arrow' : 'Delete note'),
    placements: ['note', 'arrow'],
    enabled: (ctx) => !!ctx.annotation,
    perform: (ctx) => removeAnnotation(ctx.ops, ctx.annotation!),
  },
  {
    name: 'open-menu',
    label: 'Menu',
    keys: ['Shift+F10', 'ContextMenu'],
    help: 'Menu of the selected entity or link',
    perform: (ctx) => {
      const el = single(ctx);
      const box = ctx.cy.container()?.getBoundingClientRect();
      if (!box) return;
      const p = el?.isNode() ? (el as cytoscape.NodeSingular).renderedPosition() : el?.isEdge() ? (el as cytoscape.EdgeSingular).renderedMidpoint() : { x: box.width / 2, y: box.height / 2 };
      const at = el?.isNode() ? (el as cytoscape.NodeSingular).position() : viewportCentre(ctx.cy);
      patch(ctx.store, 'session', { menu: { x: box.left + p.x, y: box.top + p.y, at, targetId: el?.id() ?? null, annotation: null } });
    },
  },
  {
    name: 'next-neighbour',
    label: 'Next linked entity',
    keys: ['ArrowRight'],
    help: 'On the chart: select the next entity linked to the current one (clockwise)',
    chartFocusOnly: true,
    perform: (ctx) => said(ctx, stepNeighbour(ctx.cy, 1)),
  },
  {
    name: 'previous-neighbour',
    label: 'Previous linked entity',
    keys: ['ArrowLeft'],
    help: 'On the chart: select the previous linked entity',
    chartFocusOnly: true,
    perform: (ctx) => said(ctx, stepNeighbour(ctx.cy, -1)),
  },
  {
    name: 'move-to-selected',
    label: 'Move to the selected entity',
    keys: ['Enter'],
    help: 'On the chart: go on from the selected entity (its links next)',
    chartFocusOnly: true,
    perform: (ctx) => said(ctx, moveToSelected(ctx.cy)),
  },
  {
    name: 'step-back',
    label: 'Back',
    keys: ['ArrowUp'],
    help: 'On the chart: back to the entity before',
    chartFocusOnly: true,
    perform: (ctx) => said(ctx, stepBack(ctx.cy)),
  },
]);
