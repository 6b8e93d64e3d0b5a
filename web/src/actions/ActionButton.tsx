import { useStore } from 'zustand';
import { useWorkspace } from '../store/WorkspaceContext';
import { actionsIn, contextFor, isEnabled, labelOf, run, titleOf } from './manager';
import type { Action, Placement } from './types';

/** One action as a button; greyed while disabled or before the chart exists. */
export function ActionButton({ action }: { action: Action }) {
  const { ops, store } = useWorkspace();
  // Any store change may change a label or what is enabled: re-render (buttons are cheap).
  useStore(store);
  const ctx = ops ? contextFor(ops) : null;
  const label = ctx ? labelOf(action, ctx) : typeof action.label === 'string' ? action.label : action.name;
  return (
    <button
      type="button"
      className={action.className}
      data-testid={action.testId ?? `action-${action.name}`}
      disabled={!ctx || !isEnabled(action, ctx)}
      title={ctx ? titleOf(action, ctx) : undefined}
      aria-label={action.name === 'help' && ctx ? titleOf(action, ctx) : undefined}
      onClick={() => ctx && run(action, contextFor(ctx.ops))}
    >
      {label}
    </button>
  );
}

/** The buttons of every action placed in `place`, in the order of the action list. */
export function ActionButtons({ place }: { place: Placement }) {
  const { actions, ops } = useWorkspace();
  return (
    <>
      {actionsIn(actions, place, ops?.analyst ?? false).map((a) => (
        <ActionButton key={a.name} action={a} />
      ))}
    </>
  );
}
