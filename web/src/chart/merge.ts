import type cytoscape from 'cytoscape';
import type { Entity, Link, Subgraph } from '../api';
import { styleKey } from './kinds';
import { isOpaqueId } from './withheld';

/** What a chart node carries. The whole entity rides along for the details panel. */
export interface NodeData {
  id: string;
  label: string;
  /** What the "id" label mode shows: the id, but never an opaque one (that shows the label). */
  idLabel: string;
  kind: string;
  /** Style key: the kind, or 'other' outside the vocabulary (see kinds.ts). */
  sk: string;
  child: boolean;
  hotspot: boolean;
  restricted: boolean;
  entity: Entity;
}

export interface EdgeData {
  /** Chart id: `link:` + the link's id (see edgeId). */
  id: string;
  linkId: string;
  source: string;
  target: string;
  type: string;
  /** Number of Reports behind the link; drives its width. */
  nsources: number;
  link: Link;
}

/**
 * Chart ids of links are prefixed. Cytoscape keeps nodes and edges in one id space, and the server's
 * relationship ids are not guaranteed to differ from entity ids (imported POLE data uses small
 * numbers for both). Nodes keep the entity id unchanged, so `cy.getElementById(entity.id)` works.
 */
export const edgeId = (linkId: string): string => `link:${linkId}`;

export function nodeData(e: Entity): NodeData {
  const p = e.properties ?? {};
  // An opaque id (a protected subject) is a chart id only: never drawn as if it meant something.
  const opaque = isOpaqueId(e.id);
  const label = e.label || (opaque ? '' : e.id);
  return {
    id: e.id,
    label,
    idLabel: opaque ? label : e.id,
    kind: e.kind,
    sk: styleKey(e.kind),
    child: p.child === true,
    hotspot: p.hotspot === true,
    restricted: p.restricted === true,
    entity: { ...e, properties: p, sources: e.sources ?? [], labels: e.labels ?? [] },
  };
}

export function edgeData(l: Link): EdgeData {
  return {
    id: edgeId(l.id),
    linkId: l.id,
    source: l.source,
    target: l.target,
    type: l.type,
    nsources: l.sources?.length ?? 0,
    link: { ...l, properties: l.properties ?? {}, sources: l.sources ?? [] },
  };
}

export interface MergeOptions {
  /**
   * Where new nodes first appear: in rings around this point, so an incremental layout starts from
   * somewhere sensible and the analyst sees the new items grow out of the node they expanded.
   * Without it (a whole new chart) positions do not matter: the full layout randomises them.
   */
  around?: cytoscape.Position;
}

export interface MergeResult {
  addedNodes: cytoscape.NodeCollection;
  addedEdges: cytoscape.EdgeCollection;
}

/**
 * Adds a subgraph to the chart without duplicates: entities by id, links by link id. Entities already
 * on the chart get their data refreshed (the server may know more now). Links whose ends are not both
 * on the chart are dropped: a truncated answer can name a neighbour it did not return.
 */
export function mergeSubgraph(cy: cytoscape.Core, sub: Subgraph, opts: MergeOptions = {}): MergeResult {
  let addedNodes = cy.collection() as cytoscape.NodeCollection;
  let addedEdges = cy.collection() as cytoscape.EdgeCollection;

  cy.batch(() => {
    const newNodes: cytoscape.ElementDefinition[] = [];
    const seen = new Set<string>();
    for (const entity of sub.nodes) {
      if (!entity?.id || seen.has(entity.id)) continue;
      seen.add(entity.id);
      const existing = cy.getElementById(entity.id);
      if (existing.nonempty()) {
        existing.data(nodeData(entity));
      } else {
        newNodes.push({ group: 'nodes', data: { ...nodeData(entity) } });
      }
    }
    placeAround(newNodes, opts.around);
    if (newNodes.length > 0) addedNodes = cy.add(newNodes).nodes();

    const newEdges: cytoscape.ElementDefinition[] = [];
    const seenLinks = new Set<string>();
    for (const link of sub.links) {
      if (!link?.id || seenLinks.has(link.id)) continue;
      seenLinks.add(link.id);
      const id = edgeId(link.id);
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        existing.data(edgeData(link));
        continue;
      }
      if (cy.getElementById(link.source).empty() || cy.getElementById(link.target).empty()) continue;
      newEdges.push({ group: 'edges', data: { ...edgeData(link) } });
    }
    if (newEdges.length > 0) addedEdges = cy.add(newEdges).edges();
  });

  return { addedNodes, addedEdges };
}

/** Concentric rings of growing radius around a point, about 60 units apart. */
function placeAround(defs: cytoscape.ElementDefinition[], around: cytoscape.Position | undefined): void {
  if (!around || defs.length === 0) return;
  let ring = 1;
  let i = 0;
  while (i < defs.length) {
    const radius = 90 * ring;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / 60));
    const inRing = Math.min(capacity, defs.length - i);
    for (let j = 0; j < inRing; j++, i++) {
      const angle = (2 * Math.PI * j) / inRing + ring * 0.35;
      (defs[i] as cytoscape.ElementDefinition).position = {
        x: around.x + radius * Math.cos(angle),
        y: around.y + radius * Math.sin(angle),
      };
    }
    ring++;
  }
}

/** Marks just-added elements for a moment (style `.fresh`) so the eye finds them. */
export function flashFresh(
  eles: { empty(): boolean; addClass(c: string): unknown; removeClass(c: string): unknown },
  ms = 2500,
): void {
  if (eles.empty()) return;
  eles.addClass('fresh');
  window.setTimeout(() => {
    // The elements may have been removed meanwhile; removeClass on removed elements is harmless.
    eles.removeClass('fresh');
  }, ms);
}

/**
 * Puts back elements saved with `eles.jsons()` (undo of clear / remove), with their positions.
 * Nodes go first so edges find their ends; anything already back on the chart is skipped.
 */
export function restoreElements(cy: cytoscape.Core, saved: cytoscape.ElementDefinition[]): void {
  cy.batch(() => {
    const nodes = saved.filter((d) => d.group === 'nodes' && d.data.id && cy.getElementById(d.data.id).empty());
    cy.add(nodes.map((d) => ({ ...d, selected: false })));
    const edges = saved.filter(
      (d) =>
        d.group === 'edges' &&
        d.data.id &&
        cy.getElementById(d.data.id).empty() &&
        cy.getElementById(String(d.data.source)).nonempty() &&
        cy.getElementById(String(d.data.target)).nonempty(),
    );
    cy.add(edges.map((d) => ({ ...d, selected: false })));
  });
}
