import type cytoscape from 'cytoscape';
import { datedEvents, type DatedEvent } from '../chart/dates';
import type { EdgeData, NodeData } from '../chart/merge';
import type { End, Selection } from '../components/DetailsPanel';
import type { Place } from '../components/MapPanel';

/** Pure reads of the chart: what panels show, computed from the chart, which is the source of truth. */

export function endOf(cy: cytoscape.Core, id: string): End {
  const d = cy.getElementById(id).data() as NodeData | undefined;
  return d ? { id, label: d.label, kind: d.kind } : { id, label: id, kind: 'other' };
}

export function readSelection(cy: cytoscape.Core): Selection {
  const sel = cy.$(':selected');
  if (sel.empty()) return null;
  const first = sel[0] as cytoscape.SingularElementReturnValue;
  if (sel.length === 1 && first.isNode() && first.data('isGroup')) {
    const members = (first as cytoscape.NodeSingular).children().map((n) => endOf(cy, n.id()));
    return { type: 'group', id: first.id(), label: String(first.data('label') ?? 'Group'), members };
  }
  if (sel.length > 1) {
    const members = sel.nodes().filter((n) => !n.data('isGroup')).union(sel.nodes().children());
    return { type: 'many', nodes: members.length, links: sel.edges().length, ids: members.map((n) => n.id()) };
  }
  const el = first;
  if (el.isNode()) {
    const d = el.data() as NodeData;
    const links = el.connectedEdges().map((edge) => {
      const ed = edge.data() as EdgeData;
      const outgoing = ed.source === d.id;
      return { edgeId: ed.id, link: ed.link, outgoing, other: endOf(cy, outgoing ? ed.target : ed.source) };
    });
    links.sort((a, b) => a.link.type.localeCompare(b.link.type) || a.other.label.localeCompare(b.other.label));
    return { type: 'node', entity: d.entity, links };
  }
  const ed = (el as cytoscape.EdgeSingular).data() as EdgeData;
  return { type: 'edge', edgeId: ed.id, link: ed.link, source: endOf(cy, ed.source), target: endOf(cy, ed.target) };
}

/** Entities (not groups, not notes) among a collection. */
export const entitiesOf = (eles: { nodes(): cytoscape.NodeCollection }): cytoscape.NodeCollection => eles.nodes().filter((n) => !!n.data('entity'));

/** The selected entities. */
export const selectedEntities = (cy: cytoscape.Core): cytoscape.NodeCollection => entitiesOf(cy.$('node:selected'));

/** Ids of the entities on the chart, for analyses run within it (at most the server's 10,000). */
export const chartEntityIds = (cy: cytoscape.Core): string[] =>
  entitiesOf(cy.nodes())
    .map((n) => n.id())
    .slice(0, 10_000);

/** What the timeline, the map and the filter panel show, recomputed when the chart or the view changes. */
export interface DerivedViews {
  events: DatedEvent[];
  places: Place[];
  /** Entities out of view (filtered or hidden). */
  out: Set<string>;
  linkTypes: string[];
  /** Elements hidden by hand. */
  hidden: number;
}

export function deriveViews(cy: cytoscape.Core | null): DerivedViews {
  if (!cy) return { events: [], places: [], out: new Set(), linkTypes: [], hidden: 0 };
  const out = new Set<string>();
  cy.nodes().forEach((n) => {
    // By class first: right after a filter changes, the computed style (visible()) may not be updated yet.
    if (n.hasClass('filtered') || n.hasClass('hidden') || !n.visible()) out.add(n.id());
  });
  const places: Place[] = [];
  cy.nodes('[sk = "Location"]').forEach((n) => {
    const d = n.data() as NodeData;
    const p = d.entity.properties;
    const lat = Number(p.latitude);
    const lon = Number(p.longitude);
    if (p.latitude == null || p.longitude == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
    places.push({ id: n.id(), label: d.label, lat, lon, hotspot: p.hotspot === true, count: n.neighborhood().nodes().length, outOfView: out.has(n.id()) });
  });
  const types = new Set<string>();
  cy.edges().forEach((e) => {
    const t = e.data('type') as string | undefined;
    if (t) types.add(t);
  });
  return { events: datedEvents(cy), places, out, linkTypes: [...types].sort(), hidden: cy.elements('.hidden').length };
}
