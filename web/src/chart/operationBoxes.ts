/**
 * An operation drawn as boxes instead of spokes: its suspects in one box per disposition (convicted,
 * charged, arrested, identified, …), its victims in another, its incidents in a third. The
 * `ON_CHART` / `PART_OF` links a box already says are not drawn (class `boxed`), which removes the
 * eighty spokes that made the first screen a tangle; the details panel still lists them.
 *
 * Boxes are ordinary groups (compound nodes, `isGroup`), so saving, ungrouping and undo treat them
 * like the analyst's own; their ids (`box:<operation>:<band>`) say which operation and band.
 */
import type cytoscape from 'cytoscape';
import { arrangeBands, type Positions } from './bandLayout';

export interface Band {
  key: string;
  /** As the box's title says it. */
  words: string;
  colour: string;
}

/** Most serious outcome first; victims and incidents after the suspects. */
export const BANDS: readonly Band[] = [
  { key: 'convicted', words: 'convicted', colour: '#ff8a80' },
  { key: 'charged', words: 'charged', colour: '#ffab70' },
  { key: 'arrested', words: 'arrested', colour: '#ffd36e' },
  { key: 'identified', words: 'suspects identified', colour: '#8fb4ff' },
  { key: 'suspect', words: 'suspects', colour: '#8fb4ff' },
  { key: 'acquitted', words: 'acquitted', colour: '#b6c2d1' },
  { key: 'nfa', words: 'no further action', colour: '#b6c2d1' },
  { key: 'disrupted', words: 'disrupted', colour: '#c9a7f5' },
  { key: 'victims', words: 'victims', colour: '#5ee6ff' },
  { key: 'incidents', words: 'incidents', colour: '#f5a373' },
];
const bandByKey = new Map(BANDS.map((b) => [b.key, b]));

const BOX_PREFIX = 'box:';

/** The tint of an operation's box, from its id (`box:<operation>:<band>`); undefined for other groups. */
export function bandColour(id: string): string | undefined {
  if (!id.startsWith(BOX_PREFIX)) return undefined;
  return bandByKey.get(id.slice(id.lastIndexOf(':') + 1))?.colour;
}
export const boxId = (operationId: string, band: string): string => `${BOX_PREFIX}${operationId}:${band}`;

/** Which band a link into the operation puts its entity in, or null for links a box does not say. */
export function bandOf(type: string, properties: Record<string, unknown>): string | null {
  if (type === 'PART_OF') return 'incidents';
  if (type !== 'ON_CHART') return null;
  const role = String(properties.role ?? 'suspect');
  if (role === 'victim' || role === 'likely_victim') return 'victims';
  const d = String(properties.disposition ?? '');
  return bandByKey.has(d) ? d : 'suspect';
}

export interface Membership {
  entity: string;
  band: string;
}

/**
 * Who goes in which box, from the links into the operation: an entity with several links (a suspect
 * also named a victim) goes in the first band of BANDS it qualifies for.
 */
export function planBoxes(links: { source: string; target: string; type: string; properties: Record<string, unknown> }[], operationId: string): Membership[] {
  const best = new Map<string, number>();
  for (const l of links) {
    if (l.target !== operationId) continue;
    const band = bandOf(l.type, l.properties);
    if (!band) continue;
    const rank = BANDS.findIndex((b) => b.key === band);
    const had = best.get(l.source);
    if (had === undefined || rank < had) best.set(l.source, rank);
  }
  return [...best.entries()]
    .map(([entity, rank]) => ({ entity, band: (BANDS[rank] as Band).key }))
    .sort((a, b) => (a.entity < b.entity ? -1 : 1));
}

/**
 * Puts the operation's entities on the chart into its boxes (creating them), leaving alone anyone
 * the analyst already grouped. Returns the boxes. Idempotent.
 */
export function boxOperation(cy: cytoscape.Core, operationId: string): cytoscape.NodeCollection {
  const op = cy.getElementById(operationId);
  if (op.empty()) return cy.collection() as cytoscape.NodeCollection;
  const name = String(op.data('label') || 'Operation');
  const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const links = op.connectedEdges().map((e) => ({
    source: e.source().id(),
    target: e.target().id(),
    type: String(e.data('type')),
    properties: ((e.data('link') as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as Record<string, unknown>,
  }));
  const plan = planBoxes(links, operationId);
  cy.batch(() => {
    const counts = new Map<string, number>();
    for (const m of plan) counts.set(m.band, (counts.get(m.band) ?? 0) + 1);
    for (const [band, n] of counts) {
      const id = boxId(operationId, band);
      const b = bandByKey.get(band) as Band;
      const data = { id, label: `${capitalise(b.words)} (${n})`, operation: name, isGroup: true, kind: 'Group', sk: 'group' };
      const existing = cy.getElementById(id);
      if (existing.empty()) cy.add({ group: 'nodes', data });
      else existing.data(data);
    }
    for (const m of plan) {
      const n = cy.getElementById(m.entity) as unknown as cytoscape.NodeSingular;
      if (n.empty()) continue;
      const parent = n.parent() as unknown as cytoscape.NodeSingular;
      const target = boxId(operationId, m.band);
      if (parent.nonempty() && !parent.id().startsWith(BOX_PREFIX)) continue;
      if (parent.nonempty() && parent.id() === target) continue;
      n.move({ parent: target });
    }
  });
  markBoxedLinks(cy);
  return cy.nodes(`[id ^= "${BOX_PREFIX}${operationId}:"]`);
}

/**
 * Marks `boxed` the links into an operation that its box already says (the entity sits in one of
 * that operation's boxes), and unmarks the rest. Cheap; run after adds and moves.
 */
export function markBoxedLinks(cy: cytoscape.Core): void {
  cy.batch(() => {
    cy.edges('[type = "ON_CHART"], [type = "PART_OF"]').forEach((e) => {
      const parent = e.source().parent() as unknown as cytoscape.NodeSingular;
      const boxed = parent.nonempty() && parent.id().startsWith(`${BOX_PREFIX}${e.target().id()}:`);
      if (boxed !== e.hasClass('boxed')) e.toggleClass('boxed', boxed);
    });
  });
}

/**
 * Where everything goes on an operation chart: the operation's boxes in band order (bandLayout.ts),
 * every other entity in rows underneath.
 */
export function operationPositions(cy: cytoscape.Core, operationId: string): Positions {
  const aspect = cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : 1.6;
  const bands = BANDS.map((b) => {
    const box = cy.getElementById(boxId(operationId, b.key)) as unknown as cytoscape.NodeSingular;
    return { id: b.key, members: box.nonempty() ? box.children().filter((n) => n.visible()).map((n) => n.id()) : [] };
  });
  const boxed = new Set(bands.flatMap((b) => b.members));
  const others = cy
    .nodes()
    .filter((n) => n.visible() && !n.isParent() && !boxed.has(n.id()))
    .map((n) => n.id());
  const links = cy
    .edges()
    .filter((e) => e.visible())
    .map((e) => ({ source: (e as cytoscape.EdgeSingular).source().id(), target: (e as cytoscape.EdgeSingular).target().id() }));
  return arrangeBands({ bands, others, links }, aspect);
}

/**
 * Takes every operation's boxes off the chart (their members stay where they are) and draws the
 * links they stood for again: layouts other than the first screen's and Organic arrange entities,
 * not boxes. Returns how many boxes there were.
 */
export function unboxOperations(cy: cytoscape.Core): number {
  const boxes = cy.nodes(`[id ^= "${BOX_PREFIX}"]`);
  if (boxes.empty()) return 0;
  cy.batch(() => {
    boxes.children().move({ parent: null });
    boxes.remove();
  });
  markBoxedLinks(cy);
  return boxes.length;
}
