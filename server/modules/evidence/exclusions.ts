/**
 * Why something is left out of an evidence pack. The child's own account uses the shared reason code
 * of "nothing removed silently" (server/modules/changes/reasonCodes.ts); the other two are not a
 * judgement on the allegation but what the pack may carry: a report another agency holds under
 * conditions, and a fact with no report behind it. An allegation a user excluded from packs on this
 * person (a reasoned change, allegation_excluded) keeps the reason code that change gave.
 */
import { reasonCode } from '../changes/reasonCodes.js';

export type ExclusionCode = 'relies_on_child_testimony' | 'held_by_another_agency' | 'no_source' | 'report_discounted';

export const EXCLUSION_REASONS: Record<ExclusionCode, string> = {
  report_discounted: 'The report was discounted through a reasoned change (see its history)',
  relies_on_child_testimony: reasonCode('relies_on_child_testimony')?.label ?? "Rests only on the child's own account (the pack is built without it)",
  held_by_another_agency: 'Held under conditions by another agency and not shared with yours: its content is not in the pack (ask the owner)',
  no_source: 'No report is recorded behind it, so nothing to cite',
};

/** The words of any reason code a reasoned change may give (server/modules/changes/reasonCodes.ts). */
export const reasonWords = (code: string): string => reasonCode(code)?.label ?? code.replace(/_/g, ' ');
