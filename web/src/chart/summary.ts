import type cytoscape from 'cytoscape';
import { KIND_STYLES } from './kinds';
import type { NodeData } from './merge';

/** What the status bar and legend show about a chart. */
export interface ChartSummary {
  nodes: number;
  links: number;
  selected: number;
  /** Style keys present, in legend order. */
  kinds: string[];
  hasChild: boolean;
  hasHotspot: boolean;
  /** A link held under conditions (type HELD) is on the chart. */
  hasHeldLink: boolean;
}

export const EMPTY_SUMMARY: ChartSummary = { nodes: 0, links: 0, selected: 0, kinds: [], hasChild: false, hasHotspot: false, hasHeldLink: false };

export function summarise(cy: cytoscape.Core): ChartSummary {
  const present = new Set<string>();
  let hasChild = false;
  let hasHotspot = false;
  // Boxes (groups, the operation's dispositions) are drawing, not entities: not counted.
  const entities = cy.nodes().filter((n) => !n.data('isGroup'));
  entities.forEach((n) => {
    const d = n.data() as NodeData;
    present.add(d.sk);
    hasChild ||= d.child;
    hasHotspot ||= d.hotspot;
  });
  return {
    nodes: entities.length,
    links: cy.edges().length,
    selected: cy.$(':selected').length,
    kinds: KIND_STYLES.map((k) => k.key).filter((k) => present.has(k)),
    hasChild,
    hasHotspot,
    hasHeldLink: cy.edges('[type = "HELD"]').nonempty(),
  };
}
