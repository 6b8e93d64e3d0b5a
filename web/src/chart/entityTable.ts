import type cytoscape from 'cytoscape';
import { csvCell } from './dataExport';
import { entityDate } from './dates';
import type { NodeData } from './merge';

/** One entity on the chart as the table lists it. */
export interface EntityRow {
  id: string;
  kind: string;
  label: string;
  /** Links to other entities on the chart. */
  links: number;
  /** The record's own date (born, occurred, served…), ISO, or ''. */
  date: string;
  /** 'shown', 'hidden' (by hand) or 'filtered'. */
  state: 'shown' | 'hidden' | 'filtered';
  pinned: boolean;
}

export type SortKey = 'kind' | 'label' | 'links' | 'date' | 'state';

export function entityRows(cy: cytoscape.Core): EntityRow[] {
  const rows: EntityRow[] = [];
  cy.nodes().forEach((n) => {
    const d = n.data() as NodeData;
    if (!d.entity) return; // groups
    rows.push({
      id: d.id,
      kind: d.kind,
      label: d.label,
      links: n.connectedEdges().length,
      // A person's date is their date of birth; other records their own (occurred, served…).
      date: entityDate(d.entity) ?? (typeof d.entity.properties.dob === 'string' ? d.entity.properties.dob.slice(0, 10) : ''),
      state: n.hasClass('hidden') ? 'hidden' : n.hasClass('filtered') ? 'filtered' : 'shown',
      pinned: n.locked(),
    });
  });
  return rows;
}

/** Sorted copy; ties by label then id, so the order is stable. Empty dates sort last either way. */
export function sortRows(rows: readonly EntityRow[], key: SortKey, dir: 'asc' | 'desc'): EntityRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: EntityRow, b: EntityRow): number => {
    if (key === 'links') return (a.links - b.links) * sign;
    if (key === 'date' && (!a.date || !b.date)) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
    return a[key].localeCompare(b[key], undefined, { numeric: true, sensitivity: 'base' }) * sign;
  };
  return [...rows].sort((a, b) => cmp(a, b) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** The table as CSV, in the order shown (cells quoted and formula-safe, as the chart's CSV export). */
export function rowsCsv(rows: readonly EntityRow[]): string {
  const lines = [['id', 'kind', 'label', 'links_on_chart', 'date', 'state', 'pinned'].map(csvCell).join(',')];
  for (const r of rows) lines.push([r.id, r.kind, r.label, r.links, r.date, r.state, r.pinned ? 'yes' : 'no'].map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
