/**
 * Nothing removed silently (issue 20, item 5), as it happened in the demo's years: two attempts to
 * take children off monitoring — one refused because the reason was that she was pregnant, one
 * accepted when a girl moved away, with the reviewing team leader named — and an intelligence
 * report downgraded from C to D with its rationale. The notice breaches and the repeat subject the
 * register shows are in the data already (notices.ts: s001 served twice; later sightings and
 * missing episodes join several subjects and the children their notices protect).
 *
 * Changes are service records kept outside the case graph (server/modules/changes/), so they are
 * not part of the generated dataset: they are written after the dataset loads (server/stack.ts),
 * through the same code as a change made on screen. Fixed choices, no random draws, so nothing
 * else in the demo moves. The staff named are invented.
 */

export interface DemoChange {
  kind: 'monitoring_removed' | 'grade_downgraded';
  subjectId: string;
  to?: string;
  reasonCode: string;
  note: string;
  by: string;
  byRole: 'safeguarding' | 'analyst';
  byAgency: string;
  reviewer: string;
  at: string;
  /** Refused attempts are kept too; nothing changes. */
  refused?: boolean;
}

export const DEMO_CHANGES: readonly DemoChange[] = [
  {
    kind: 'monitoring_removed',
    subjectId: 'per-c03',
    reasonCode: 'pregnant',
    note: 'She is expecting and is now being supported by the midwifery team, so closing to CSE monitoring.',
    by: 'sw.hollis',
    byRole: 'safeguarding',
    byAgency: "Children's Social Care",
    reviewer: 'tl.marsden',
    at: '2010-10-04T10:20:00.000Z',
    refused: true,
  },
  {
    kind: 'monitoring_removed',
    subjectId: 'per-c06',
    reasonCode: 'moved_out_of_area',
    note: 'Family moved to Calderbridge; case transferred to Calderbridge Children’s Services, who confirmed receipt on 2011-02-14.',
    by: 'sw.hollis',
    byRole: 'safeguarding',
    byAgency: "Children's Social Care",
    reviewer: 'tl.marsden',
    at: '2011-02-15T09:05:00.000Z',
  },
  {
    kind: 'grade_downgraded',
    subjectId: 'rep-0041',
    to: 'D',
    reasonCode: 'contradicted_by_evidence',
    note: 'The caller later withdrew the attribution and the subscriber check shows the number registered to a shop; the link to "Kaz" cannot be judged either way.',
    by: 'da.pryce',
    byRole: 'analyst',
    byAgency: 'Police',
    reviewer: 'ds.okafor',
    at: '2010-03-22T14:40:00.000Z',
  },
];
