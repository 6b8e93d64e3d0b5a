import { useEffect } from 'react';
import type { ChartOps } from '../store/chartOps';
import { actionForKey, contextFor, isTyping, run } from './manager';
import type { Action } from './types';

/**
 * Binds the actions' keys on the window while `active`, except while typing in a field. `target`
 * gives the element keyboard-focused on the chart, if any (chart navigation); actions marked
 * `chartFocusOnly` fire only while the chart has the focus.
 */
export function useActionKeys(
  actions: readonly Action[],
  ops: ChartOps | null,
  active: boolean,
  focus: { chartFocused(): boolean; target(): ReturnType<ChartOps['cy']['getElementById']> | null },
): void {
  useEffect(() => {
    if (!ops || !active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const action = actionForKey(actions, e);
      if (!action) return;
      const onChart = focus.chartFocused();
      if (action.chartFocusOnly && !onChart) return;
      if (run(action, contextFor(ops, onChart ? focus.target() : null))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, ops, active, focus]);
}
