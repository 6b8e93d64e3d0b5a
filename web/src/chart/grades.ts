import type cytoscape from 'cytoscape';
import type { Entity } from '../api/entities';
import type { EdgeData } from './merge';

/** What the chart needs to know of a Report (3x5x2 grading, DESIGN.md §6). */
export interface ReportInfo {
  id: string;
  label: string;
  receivedOn: string | null;
  sourceType: string | null;
  /** 1 reliable, 2 untested, 3 not reliable. */
  sourceGrade: number | null;
  /** A–E. */
  intelGrade: string | null;
  /** P or C. */
  handling: string | null;
  ownerAgency: string | null;
  /** Handled under conditions and not shared with this user's agency: no content, no grading. */
  withheld: boolean;
  summary: string | null;
}

export function reportInfo(e: Entity): ReportInfo {
  const p = e.properties;
  const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    id: e.id,
    label: e.label,
    receivedOn: s(p.receivedOn),
    sourceType: s(p.sourceType),
    sourceGrade: typeof p.sourceGrade === 'number' ? p.sourceGrade : null,
    intelGrade: s(p.intelGrade),
    handling: s(p.handling),
    ownerAgency: s(p.ownerAgency),
    withheld: p.withheld === true,
    summary: s(p.summary),
  };
}

/** The grading as written on an intelligence report: "1/B/P". */
export function gradeText(r: ReportInfo): string {
  if (r.withheld) return 'withheld';
  return `${r.sourceGrade ?? '?'}/${r.intelGrade ?? '?'}/${r.handling ?? '?'}`;
}

/**
 * How strongly a link is supported, from the best report behind it: 'firm' (reliable or untested
 * source, known to be true or known to the source: 1-2 and A-B), 'fair' (C or D, or not-reliable
 * source), 'doubtful' (only E: suspected false). 'ungraded' when no report is known or all are
 * withheld. A low grade changes how a link is drawn, never whether it is drawn.
 */
export type Strength = 'firm' | 'fair' | 'doubtful' | 'ungraded';

export function strengthOf(reports: ReportInfo[]): Strength {
  const graded = reports.filter((r) => !r.withheld && r.intelGrade);
  if (!graded.length) return 'ungraded';
  if (graded.some((r) => (r.intelGrade === 'A' || r.intelGrade === 'B') && (r.sourceGrade ?? 3) <= 2)) return 'firm';
  if (graded.some((r) => r.intelGrade !== 'E')) return 'fair';
  return 'doubtful';
}

/** Report ids on the chart's links and entities that the index does not know yet. */
export function unknownReportIds(cy: cytoscape.Core, index: Map<string, ReportInfo>): string[] {
  const out = new Set<string>();
  cy.edges().forEach((e) => {
    for (const s of (e.data() as EdgeData).link.sources) if (!index.has(s)) out.add(s);
  });
  return [...out];
}

/**
 * Writes each link's strength (and its reports' source types and grades, for filters) into its data,
 * only where it changed: a data change restyles the link, which on a 5,000-element chart is what
 * costs, not the loop.
 */
export function annotateLinks(cy: cytoscape.Core, index: Map<string, ReportInfo>): void {
  const same = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  cy.batch(() => {
    cy.edges().forEach((e) => {
      const d = e.data() as EdgeData & { strength?: string; sourceTypes?: string[]; intelGrades?: string[] };
      const reports = d.link.sources.map((s) => index.get(s)).filter((r): r is ReportInfo => !!r);
      const strength = strengthOf(reports);
      const sourceTypes = [...new Set(reports.map((r) => r.sourceType).filter((x): x is string => !!x))];
      const intelGrades = [...new Set(reports.filter((r) => !r.withheld).map((r) => r.intelGrade).filter((x): x is string => !!x))];
      if (d.strength === strength && same(d.sourceTypes, sourceTypes) && same(d.intelGrades, intelGrades)) return;
      e.data({ strength, sourceTypes, intelGrades });
    });
  });
}
