import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Action } from '../actions/types';
import type { ChartOps } from './chartOps';
import type { ChartState, ChartStore } from './chartStore';

/**
 * What the workspace gives every panel inside it: the store (always), the chart operations (once the
 * chart exists, null before) and the list of actions. Provided by Workspace.tsx.
 */
export interface WorkspaceValue {
  store: ChartStore;
  ops: ChartOps | null;
  actions: readonly Action[];
}

export const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function useWorkspace(): WorkspaceValue {
  const v = useContext(WorkspaceContext);
  if (!v) throw new Error('useWorkspace outside <Workspace>');
  return v;
}

/**
 * Reads the store and re-renders when the selected part changes:
 * `const labels = useChart((s) => s.view.labels)`. A selector that builds a new object each time
 * must be wrapped in zustand's `useShallow`, or pick the fields one by one.
 */
export function useChart<T>(selector: (s: ChartState) => T): T {
  return useStore(useWorkspace().store, selector);
}
