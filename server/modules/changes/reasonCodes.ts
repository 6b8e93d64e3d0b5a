/**
 * Nothing removed silently (issue 20, item 5): the fixed list of reasons a record may be taken
 * down — a child removed from monitoring, a case closed, a grade or a risk downgraded, a report
 * discounted, an allegation excluded from an evidence pack. Each change of these kinds needs one of
 * these codes and a named reviewer (server/modules/changes/). Importable by any module that takes
 * such a decision (the evidence pack's exclusions use CHANGE_KINDS.allegation_excluded's codes).
 *
 * The list is documented in the README ("Nothing removed silently"); adding a code is a change to
 * this file only. Codes are never renamed: records keep them.
 */

/** The kinds of change that must give a reason. */
export const CHANGE_KINDS = [
  'monitoring_removed',
  'monitoring_restored',
  'case_closed',
  'grade_downgraded',
  'risk_downgraded',
  'risk_raised',
  'report_discounted',
  'allegation_excluded',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ReasonCode {
  code: string;
  /** What the code means, in the words the screens show. */
  label: string;
  /** The kinds of change it may be given for. */
  kinds: readonly ChangeKind[];
  /** A free-text note is required with it (the code alone does not say enough). */
  needsNote?: boolean;
}

export const REASON_CODES: readonly ReasonCode[] = [
  { code: 'risk_reassessed', label: 'Risk reassessed at a multi-agency review: no longer at risk of exploitation', kinds: ['monitoring_removed', 'risk_downgraded', 'case_closed'] },
  { code: 'moved_out_of_area', label: 'Moved to another area: case transferred (name the receiving authority in the note)', kinds: ['monitoring_removed', 'case_closed'], needsNote: true },
  { code: 'reached_adulthood', label: 'Reached 18: passed to adult services', kinds: ['monitoring_removed', 'case_closed'] },
  { code: 'concern_resolved', label: 'The concern was looked into and resolved (say how in the note)', kinds: ['case_closed', 'risk_downgraded'], needsNote: true },
  { code: 'charged_or_convicted', label: 'Dealt with through a charge or conviction', kinds: ['case_closed'] },
  { code: 'new_information', label: 'New information changes the assessment', kinds: ['grade_downgraded', 'risk_downgraded', 'risk_raised', 'monitoring_restored', 'allegation_excluded'], needsNote: true },
  { code: 'source_reassessed', label: 'The source was reassessed (reliability or access)', kinds: ['grade_downgraded', 'report_discounted'] },
  { code: 'contradicted_by_evidence', label: 'Contradicted by other evidence (name it in the note)', kinds: ['grade_downgraded', 'report_discounted', 'allegation_excluded'], needsNote: true },
  { code: 'shown_false_or_malicious', label: 'Shown to be false or malicious', kinds: ['report_discounted', 'grade_downgraded', 'allegation_excluded'] },
  { code: 'not_about_subject', label: 'Not about the person the pack is for', kinds: ['allegation_excluded'] },
  { code: 'relies_on_child_testimony', label: "Rests only on the child's own account (the pack is built without it)", kinds: ['allegation_excluded'] },
  { code: 'duplicate_record', label: 'A duplicate of another record (name it in the note)', kinds: ['monitoring_removed', 'case_closed', 'report_discounted', 'allegation_excluded'], needsNote: true },
  { code: 'recorded_in_error', label: 'Recorded in error', kinds: ['monitoring_removed', 'case_closed', 'grade_downgraded', 'risk_downgraded', 'report_discounted', 'allegation_excluded'], needsNote: true },
  { code: 'risk_increased', label: 'Risk increased or new concerns', kinds: ['monitoring_restored', 'risk_raised'] },
  { code: 'other', label: 'Another reason (the note must say it)', kinds: CHANGE_KINDS, needsNote: true },
];

/**
 * Reasons refused for taking a child off monitoring (Rotherham: girls removed because they were
 * pregnant or looked after). Offered in the list so that a practitioner who means it is told why
 * not; the refused attempt is recorded in the child's history.
 */
export const REFUSED_REASONS: readonly (ReasonCode & { refusal: string })[] = [
  {
    code: 'pregnant',
    label: 'Pregnant (not accepted)',
    kinds: ['monitoring_removed'],
    refusal: 'Pregnancy is not a reason to stop monitoring a child: a pregnant child at risk of exploitation stays on monitoring. The attempt has been recorded in her history.',
  },
  {
    code: 'looked_after',
    label: 'Now looked after / in care (not accepted)',
    kinds: ['monitoring_removed'],
    refusal: 'Being looked after is not a reason to stop monitoring a child: a child in care stays on monitoring. The attempt has been recorded in the history.',
  },
];

const byCode = new Map<string, ReasonCode>([...REASON_CODES, ...REFUSED_REASONS].map((r) => [r.code, r]));

export const reasonCode = (code: string): ReasonCode | undefined => byCode.get(code);
export const refusedReason = (code: string) => REFUSED_REASONS.find((r) => r.code === code);

/** The codes a change of `kind` may give (refused ones included for monitoring removal, marked). */
export const reasonsFor = (kind: ChangeKind): ReasonCode[] => [...REASON_CODES, ...REFUSED_REASONS].filter((r) => r.kinds.includes(kind));
