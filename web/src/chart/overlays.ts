import type cytoscape from 'cytoscape';
import type { NodeData } from './merge';

/** Distinct on the dark canvas and from the kind colours' pastels; cycled past twelve communities. */
export const COMMUNITY_COLOURS = [
  '#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4',
  '#46f0f0', '#f032e6', '#bcf60c', '#fabebe', '#008080', '#e6beff',
];

/** Node size by a rank score (server `rank`): scores scaled 0–1 into data `rank`; others get 0. */
export function applyRank(cy: cytoscape.Core, scores: Map<string, number> | null): number {
  let max = 0;
  if (scores) for (const v of scores.values()) max = Math.max(max, v);
  let ranked = 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      if (!scores) {
        n.removeData('rank');
        n.removeClass('ranked');
        return;
      }
      const s = scores.get(n.id());
      if (s !== undefined) ranked++;
      n.data('rank', s !== undefined && max > 0 ? s / max : 0);
      n.addClass('ranked');
    });
  });
  return ranked;
}

/** Node colour by community (server `communities`): data `community` index and `commColor`. */
export function applyCommunities(cy: cytoscape.Core, membership: Map<string, number> | null): number {
  const seen = new Set<number>();
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const c = membership?.get(n.id());
      if (c === undefined) {
        n.removeClass('in-community');
        n.removeData('commColor');
        return;
      }
      seen.add(c);
      n.data('commColor', COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length]);
      n.addClass('in-community');
    });
  });
  return seen.size;
}

export type Highlight = 'none' | 'children' | 'notices' | 'hotspots' | 'never-actioned';

/** Brings one group forward (class `hl`) and fades the rest (class `dim`). Returns how many match. */
export function applyHighlight(cy: cytoscape.Core, what: Highlight, neverActioned: Set<string> = new Set()): number {
  const match = (n: cytoscape.NodeSingular): boolean => {
    const d = n.data() as NodeData;
    if (!d.entity) return false;
    switch (what) {
      case 'children':
        return d.child;
      case 'notices':
        return d.kind === 'Notice';
      case 'hotspots':
        return d.hotspot;
      case 'never-actioned':
        return neverActioned.has(d.id);
      default:
        return false;
    }
  };
  let count = 0;
  cy.batch(() => {
    cy.elements().removeClass('hl dim');
    if (what === 'none') return;
    const hits = cy.nodes().filter((n) => match(n));
    count = hits.length;
    hits.addClass('hl');
    cy.nodes().difference(hits).filter((n) => !n.data('isGroup')).addClass('dim');
    cy.edges().filter((e) => !hits.contains(e.source()) && !hits.contains(e.target())).addClass('dim');
  });
  return count;
}

/** Marks a path or network the analyst asked for (class `path-hl`), clearing the previous one. */
export function markPath(cy: cytoscape.Core, eles: cytoscape.Collection | null): void {
  cy.batch(() => {
    cy.elements('.path-hl').removeClass('path-hl');
    eles?.addClass('path-hl');
  });
}

export type LabelMode = 'name' | 'id' | 'none';

/** What nodes are labelled with: the name / registration / number the server gives, the id, or nothing. */
export function applyLabelMode(cy: cytoscape.Core, mode: LabelMode): void {
  const label = mode === 'none' ? '' : mode === 'id' ? 'data(idLabel)' : 'data(label)';
  cy.style().selector('node[^isGroup]').style('label', label).update();
}
