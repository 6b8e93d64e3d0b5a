import type cytoscape from 'cytoscape';
import { entityDate } from './dates';
import type { EdgeData, NodeData } from './merge';

/**
 * What the analyst has filtered out. Filters only add the class `filtered` (display: none), so the
 * elements stay on the chart, keep their positions and come back when a filter is lifted; the
 * analyst's own "hide" is a separate class (`hidden`), so lifting a filter never shows what was hidden
 * by hand.
 */
export interface Filters {
  /** Entity kinds (style keys) left out. */
  kinds: string[];
  /** Link types left out. */
  linkTypes: string[];
  /** Dated records outside [from, to] are left out (undated ones stay). ISO dates or ''. */
  from: string;
  to: string;
  /** Intelligence grades (A–E, and 'ungraded') whose links are left out. */
  grades: string[];
  /** Report source types whose links are left out (a link stays if any of its reports is kept). */
  sourceTypes: string[];
}

export const NO_FILTERS: Filters = { kinds: [], linkTypes: [], from: '', to: '', grades: [], sourceTypes: [] };

export function isFiltering(f: Filters): boolean {
  return f.kinds.length + f.linkTypes.length + f.grades.length + f.sourceTypes.length > 0 || !!f.from || !!f.to;
}

const outside = (date: string | null, f: Filters) => !!date && ((!!f.from && date < f.from) || (!!f.to && date > f.to));

/** Applies the filters; returns how many entities and links they take out of view. */
export function applyFilters(cy: cytoscape.Core, f: Filters): { nodes: number; links: number } {
  const kinds = new Set(f.kinds);
  const types = new Set(f.linkTypes);
  const grades = new Set(f.grades);
  const sourceTypes = new Set(f.sourceTypes);
  let nodes = 0;
  let links = 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data() as NodeData;
      if (!d.entity) return; // groups follow their members
      const out = kinds.has(d.sk) || outside(entityDate(d.entity), f);
      n.toggleClass('filtered', out);
      if (out) nodes++;
    });
    cy.edges().forEach((e) => {
      const d = e.data() as EdgeData & { intelGrades?: string[]; sourceTypes?: string[] };
      const from = typeof d.link.properties.from === 'string' ? d.link.properties.from.slice(0, 10) : null;
      const g = d.intelGrades ?? [];
      const st = d.sourceTypes ?? [];
      const gradeOut = grades.size > 0 && (g.length ? g.every((x) => grades.has(x)) : grades.has('ungraded'));
      const sourceOut = sourceTypes.size > 0 && st.length > 0 && st.every((x) => sourceTypes.has(x));
      const out = types.has(d.type) || outside(from, f) || gradeOut || sourceOut;
      e.toggleClass('filtered', out);
      if (out) links++;
    });
  });
  return { nodes, links };
}
