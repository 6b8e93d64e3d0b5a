import type cytoscape from 'cytoscape';
import { entitiesOf } from './readers';

/**
 * Moving around the chart from the keyboard: → and ← select the next and previous entity linked to
 * the current one (clockwise, as drawn), Enter moves on to the selected one, ↑ goes back. Pure over
 * the chart, with the walk (centre and trail) kept per chart.
 */

interface Walk {
  /** The entity whose neighbours → and ← go round. */
  centre: string | null;
  /** Centres moved away from, for ↑. */
  trail: string[];
}

const walks = new WeakMap<cytoscape.Core, Walk>();

function walkOf(cy: cytoscape.Core): Walk {
  let w = walks.get(cy);
  if (!w) walks.set(cy, (w = { centre: null, trail: [] }));
  return w;
}

const visibleEntity = (cy: cytoscape.Core, id: string | null): cytoscape.NodeSingular | null => {
  if (!id) return null;
  const n = cy.getElementById(id);
  return n.nonempty() && n.isNode() && n.data('entity') && n.visible() ? (n as cytoscape.NodeSingular) : null;
};

/** Visible entities linked to `id`, clockwise from twelve o'clock as drawn. */
export function neighboursAround(cy: cytoscape.Core, id: string): cytoscape.NodeSingular[] {
  const c = visibleEntity(cy, id);
  if (!c) return [];
  const p = c.position();
  const angle = (n: cytoscape.NodeSingular) => {
    const q = n.position();
    // atan2 with y down: 0 at twelve o'clock, growing clockwise.
    const a = Math.atan2(q.x - p.x, -(q.y - p.y));
    return a < 0 ? a + 2 * Math.PI : a;
  };
  return (entitiesOf(c.neighborhood()).filter((n) => n.visible() && n.id() !== id).toArray() as cytoscape.NodeSingular[]).sort(
    (a, b) => angle(a) - angle(b) || a.id().localeCompare(b.id()),
  );
}

/** Where a walk starts: the selected entity, else the most linked one in view. */
export function startEntity(cy: cytoscape.Core): string | null {
  const sel = entitiesOf(cy.$('node:selected')).filter((n) => n.visible());
  if (sel.nonempty()) return sel[0]!.id();
  let best: cytoscape.NodeSingular | null = null;
  entitiesOf(cy.nodes())
    .filter((n) => n.visible())
    .forEach((n) => {
      if (!best || n.degree(false) > best.degree(false) || (n.degree(false) === best.degree(false) && n.id() < best.id())) best = n;
    });
  return (best as cytoscape.NodeSingular | null)?.id() ?? null;
}

export interface Step {
  /** The entity now selected. */
  selected: string;
  centre: string;
  /** Its place among the centre's neighbours (1-based), 0 when it is the centre itself. */
  index: number;
  of: number;
}

function selectAlone(cy: cytoscape.Core, id: string): void {
  cy.$(':selected').unselect();
  cy.getElementById(id).select();
}

/**
 * → (dir 1) or ← (dir -1): the next neighbour of the centre. With no centre yet, the walk starts at
 * the selected (or most linked) entity, which becomes the centre.
 */
export function stepNeighbour(cy: cytoscape.Core, dir: 1 | -1): Step | null {
  const w = walkOf(cy);
  const selected = entitiesOf(cy.$('node:selected'));
  const selectedId = selected.length === 1 ? selected[0]!.id() : null;
  // A centre the analyst has moved away from by clicking elsewhere is dropped.
  if (!visibleEntity(cy, w.centre) || (selectedId && selectedId !== w.centre && !neighboursAround(cy, w.centre!).some((n) => n.id() === selectedId))) {
    const start = selectedId ?? startEntity(cy);
    if (!start) return null;
    w.centre = start;
    if (!selectedId) {
      selectAlone(cy, start);
      return { selected: start, centre: start, index: 0, of: neighboursAround(cy, start).length };
    }
  }
  const around = neighboursAround(cy, w.centre!);
  if (!around.length) {
    selectAlone(cy, w.centre!);
    return { selected: w.centre!, centre: w.centre!, index: 0, of: 0 };
  }
  const at = around.findIndex((n) => n.id() === selectedId);
  const next = at < 0 ? (dir === 1 ? 0 : around.length - 1) : (at + dir + around.length) % around.length;
  const id = around[next]!.id();
  selectAlone(cy, id);
  return { selected: id, centre: w.centre!, index: next + 1, of: around.length };
}

/** Enter: the selected entity becomes the centre (its neighbours next). */
export function moveToSelected(cy: cytoscape.Core): Step | null {
  const w = walkOf(cy);
  const sel = entitiesOf(cy.$('node:selected'));
  if (sel.length !== 1) return null;
  const id = sel[0]!.id();
  if (w.centre && w.centre !== id) w.trail.push(w.centre);
  w.centre = id;
  return { selected: id, centre: id, index: 0, of: neighboursAround(cy, id).length };
}

/** ↑: back to the centre before. */
export function stepBack(cy: cytoscape.Core): Step | null {
  const w = walkOf(cy);
  while (w.trail.length) {
    const id = w.trail.pop()!;
    if (!visibleEntity(cy, id)) continue;
    w.centre = id;
    selectAlone(cy, id);
    return { selected: id, centre: id, index: 0, of: neighboursAround(cy, id).length };
  }
  return null;
}

/** The step in words, for the screen reader's live region. */
export function describeStep(cy: cytoscape.Core, s: Step): string {
  const label = (id: string) => `${String(cy.getElementById(id).data('label') ?? id)} (${String(cy.getElementById(id).data('kind') ?? '')})`;
  if (s.index === 0) return `${label(s.selected)}: ${s.of} linked ${s.of === 1 ? 'entity' : 'entities'}. Right arrow to go through them.`;
  return `${label(s.selected)}, ${s.index} of ${s.of} linked to ${String(cy.getElementById(s.centre).data('label') ?? s.centre)}.`;
}
