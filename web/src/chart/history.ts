import type cytoscape from 'cytoscape';

/**
 * Undo and redo for the chart: a snapshot of every element (data, position, classes, pinned) taken
 * before each change. Snapshots, not inverse commands, so every action (add, expand, hide, group,
 * restyle, layout) undoes the same way and nothing can be forgotten. Capped: a 5,000-element
 * snapshot is a few megabytes.
 */
const MAX_STEPS = 30;

interface Step {
  what: string;
  elements: cytoscape.ElementDefinition[];
}

export class ChartHistory {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly cy: cytoscape.Core) {}

  private snapshot(what: string): Step {
    return { what, elements: this.cy.elements().jsons() as unknown as cytoscape.ElementDefinition[] };
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

  private restore(step: Step): void {
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
  }
}
