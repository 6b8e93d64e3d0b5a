import type cytoscape from 'cytoscape';

/**
 * Undo and redo for the chart: a snapshot of every element (data, position, classes, pinned) taken
 * before each change. Snapshots, not inverse commands, so every action (add, expand, hide, group,
 * restyle, layout) undoes the same way and nothing can be forgotten. Capped: a 5,000-element
 * snapshot is a few megabytes.
 */
const MAX_STEPS = 30;

interface Step<X> {
  what: string;
  elements: cytoscape.ElementDefinition[];
  extra: X | undefined;
}

/**
 * State kept beside the elements that Undo must restore too (the workspace's view settings and
 * analysis results, see ../store/chartStore.ts). `restore` runs after the elements are back.
 */
export interface HistoryExtras<X> {
  capture(): X;
  restore(x: X): void;
}

export class ChartHistory<X = unknown> {
  private undoStack: Step<X>[] = [];
  private redoStack: Step<X>[] = [];
  private listeners = new Set<() => void>();

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly extras?: HistoryExtras<X>,
  ) {}

  private snapshot(what: string): Step<X> {
    return { what, elements: this.cy.elements().jsons() as unknown as cytoscape.ElementDefinition[], extra: this.extras?.capture() };
  }

  /** Call before changing the chart: the state now becomes what Undo returns to. */
  record(what: string): void {
    this.undoStack.push(this.snapshot(what));
    if (this.undoStack.length > MAX_STEPS) this.undoStack.shift();
    this.redoStack = [];
    this.emit();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  /** What Undo / Redo would take back or do again, for their tooltips. */
  get nextUndo(): string | null {
    return this.undoStack.at(-1)?.what ?? null;
  }
  get nextRedo(): string | null {
    return this.redoStack.at(-1)?.what ?? null;
  }

  undo(): string | null {
    const step = this.undoStack.pop();
    if (!step) return null;
    this.redoStack.push(this.snapshot(step.what));
    this.restore(step);
    this.emit();
    return step.what;
  }

  redo(): string | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.undoStack.push(this.snapshot(step.what));
    this.restore(step);
    this.emit();
    return step.what;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.emit();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  private restore(step: Step<X>): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      // Parents (groups) first, then the other nodes, then links, so every reference resolves.
      const groups = step.elements.filter((d) => d.group === 'nodes' && d.data.isGroup);
      const nodes = step.elements.filter((d) => d.group === 'nodes' && !d.data.isGroup);
      const edges = step.elements.filter((d) => d.group === 'edges');
      cy.add(groups.map((d) => ({ ...d, selected: false })));
      cy.add(nodes.map((d) => ({ ...d, selected: false })));
      cy.add(edges.map((d) => ({ ...d, selected: false })));
    });
    if (this.extras && step.extra !== undefined) this.extras.restore(step.extra);
  }
}
