import type cytoscape from 'cytoscape';
import type { Entity, Link, Subgraph } from '../api/entities';
import { CHUNK_ABOVE } from './bigChart';
import { addElementsInChunks } from './cy';
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
  /** The reports behind it disagree (one grades it A-C, another E): drawn two-tone (issue 20 item 6). */
  contested: boolean;
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
    contested: l.contested === true,
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
  let result!: MergeResult;
  cy.batch(() => {
    const { nodes, edges } = planMerge(cy, sub, opts);
    result = addAtOnce(cy, nodes, edges);
  });
  return result;
}

/** Above this many new elements, mergeSubgraphPaced adds them in chunks (addElementsInChunks' own bound). */
export const PACED_MERGE_ABOVE = CHUNK_ABOVE;

/**
 * mergeSubgraph for additions that may be big (an expansion, a saved or working chart). Up to
 * PACED_MERGE_ABOVE (1,500) new elements it is mergeSubgraph, at once, and returns its result itself
 * (awaited, what follows still runs in the same task, before the next frame). Above, the elements
 * arrive a chunk per frame (addElementsInChunks: the page never freezes) and the promise resolves
 * once every one has:
 * lay out, select, fit or snapshot only then. Meanwhile `stillArriving(cy)` is true.
 */
export function mergeSubgraphPaced(cy: cytoscape.Core, sub: Subgraph, opts: MergeOptions = {}): MergeResult | Promise<MergeResult> {
  let defs: cytoscape.ElementDefinition[] = [];
  let result: MergeResult | undefined;
  cy.batch(() => {
    const { nodes, edges } = planMerge(cy, sub, opts);
    if (nodes.length + edges.length <= PACED_MERGE_ABOVE) result = addAtOnce(cy, nodes, edges);
    else defs = [...nodes, ...edges];
  });
  if (result) return result;
  arrivals.set(cy, (arrivals.get(cy) ?? 0) + 1);
  return addElementsInChunks(cy, defs)
    .then((added) => ({ addedNodes: added.nodes(), addedEdges: added.edges() }))
    .finally(() => arrivals.set(cy, (arrivals.get(cy) ?? 1) - 1));
}

/** Chunked additions under way, per chart (mergeSubgraphPaced). */
const arrivals = new WeakMap<cytoscape.Core, number>();

/** Whether a big addition is still arriving: the chart is not yet what it will be (do not snapshot it). */
export const stillArriving = (cy: cytoscape.Core): boolean => (arrivals.get(cy) ?? 0) > 0;

/**
 * What merging `sub` adds: the definitions of its new entities (placed around `opts.around`) and of
 * its new links whose ends are both on the chart or among those new entities. The data of entities
 * and links already on the chart is refreshed on the way (call inside a batch).
 */
function planMerge(cy: cytoscape.Core, sub: Subgraph, opts: MergeOptions): { nodes: cytoscape.ElementDefinition[]; edges: cytoscape.ElementDefinition[] } {
  const nodes: cytoscape.ElementDefinition[] = [];
  const seen = new Set<string>();
  for (const entity of sub.nodes) {
    if (!entity?.id || seen.has(entity.id)) continue;
    seen.add(entity.id);
    const existing = cy.getElementById(entity.id);
    if (existing.nonempty()) {
      existing.data(nodeData(entity));
    } else {
      nodes.push({ group: 'nodes', data: { ...nodeData(entity) } });
    }
  }
  placeAround(nodes, opts.around);

  // Every entity of `sub` is on the chart now or among `nodes`.
  const onChart = (id: string) => seen.has(id) || cy.getElementById(id).nonempty();
  const edges: cytoscape.ElementDefinition[] = [];
  const seenLinks = new Set<string>();
  for (const link of sub.links) {
    if (!link?.id || seenLinks.has(link.id)) continue;
    seenLinks.add(link.id);
    const existing = cy.getElementById(edgeId(link.id));
    if (existing.nonempty()) {
      existing.data(edgeData(link));
      continue;
    }
    if (!onChart(link.source) || !onChart(link.target)) continue;
    edges.push({ group: 'edges', data: { ...edgeData(link) } });
  }
  return { nodes, edges };
}

/** Adds planned nodes, then links (call inside a batch). */
function addAtOnce(cy: cytoscape.Core, nodes: cytoscape.ElementDefinition[], edges: cytoscape.ElementDefinition[]): MergeResult {
  const addedNodes = nodes.length > 0 ? cy.add(nodes).nodes() : (cy.collection() as cytoscape.NodeCollection);
  const addedEdges = edges.length > 0 ? cy.add(edges).edges() : (cy.collection() as cytoscape.EdgeCollection);
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
