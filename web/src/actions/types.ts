import type cytoscape from 'cytoscape';
import type { AnnotationRef, ChartState, ChartStore } from '../store/chartStore';
import type { ChartOps } from '../store/chartOps';

/**
 * Where an action shows up besides the keyboard and the help:
 * - 'toolbar': the header's row of chart buttons;
 * - 'chartbar': the second row (undo, hide, pin, group, …);
 * - 'export': the chartbar's audited export group; 'chartbar-end': after it (help);
 * - 'node' / 'edge' / 'canvas' / 'note' / 'arrow': the right-click menu on an entity, a link, the
 *   empty chart, a note or an arrow drawn on it.
 */
export type Placement = 'toolbar' | 'chartbar' | 'export' | 'chartbar-end' | 'node' | 'edge' | 'canvas' | 'note' | 'arrow';

/** What an action sees when it is asked whether it is enabled, and when it runs. */
export interface ActionContext {
  ops: ChartOps;
  cy: cytoscape.Core;
  store: ChartStore;
  /** The store's state when the action was asked (read `store.getState()` for later changes). */
  state: ChartState;
  analyst: boolean;
  /**
   * The entity or link right-clicked (context menu) or focused with the keyboard; null when the
   * action came from the toolbar or a key with nothing focused: it then acts on the selection.
   */
  target: cytoscape.SingularElementReturnValue | null;
  /** The note or arrow right-clicked, if that is what the menu is on. */
  annotation: AnnotationRef | null;
  /** Where the menu was opened, in chart coordinates (a new note goes there); null from keys. */
  at: { x: number; y: number } | null;
}

/** One sub-choice of a menu entry (e.g. expand by one link type). */
export interface ActionChoice {
  key: string;
  label: string;
  /** A heading the choice is listed under (choices of one group are consecutive). */
  group?: string;
  perform(): void;
}

/**
 * One thing the analyst can do, described once: the toolbar buttons, the context menu, the keyboard
 * shortcuts and the help overlay are all generated from these objects.
 */
export interface Action {
  /** Unique; the default test id is `action-<name>`. */
  name: string;
  label: string | ((ctx: ActionContext) => string);
  /** Label in the right-click menu, when it should read differently ("Hide this"). */
  menuLabel?: string;
  /**
   * Key bindings: 'E' (a letter, either case), 'Shift+G', 'Mod+Z' (Ctrl or ⌘), 'Delete', '?',
   * 'Escape', 'ArrowRight'. The first is shown in tooltips; all are listed in the help.
   */
  keys?: readonly string[];
  /** The line in the help overlay; defaults to the label. Actions without keys are not listed. */
  help?: string;
  /** Tooltip; the first key is appended in brackets. */
  title?: string | ((ctx: ActionContext) => string);
  placements?: readonly Placement[];
  testId?: string;
  /** Extra class on its button. */
  className?: string;
  /** Offered to analysts only (the server refuses the others anyway). */
  analystOnly?: boolean;
  /** Keys fire only while the chart has the keyboard focus (chart navigation). */
  chartFocusOnly?: boolean;
  /** Default: always enabled. A disabled action's key does nothing and its button is greyed. */
  enabled?(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void;
  /** Menus only: a submenu of choices instead of `perform`. */
  choices?(ctx: ActionContext): ActionChoice[];
}
