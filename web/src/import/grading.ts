/**
 * The report every import becomes (DESIGN.md §4 `Report`, §6 grading): the source form's choices,
 * defaults, checks and the input the server takes. Pure.
 */

export const SOURCE_TYPES: readonly { value: string; label: string }[] = [
  { value: 'police', label: 'Police' },
  { value: 'partner', label: 'Partner agency' },
  { value: 'licensing', label: 'Licensing' },
  { value: 'school', label: 'School' },
  { value: 'youth_worker', label: 'Youth worker' },
  { value: 'parent', label: 'Parent' },
  { value: 'victim', label: 'Victim' },
  { value: 'public', label: 'Member of the public' },
];

/** 3x5x2: source evaluation. */
export const SOURCE_GRADES: readonly { value: number; label: string }[] = [
  { value: 1, label: '1 — reliable' },
  { value: 2, label: '2 — untested' },
  { value: 3, label: '3 — not reliable' },
];

/** 3x5x2: intelligence assessment. */
export const INTEL_GRADES: readonly { value: string; label: string }[] = [
  { value: 'A', label: 'A — known directly to the source' },
  { value: 'B', label: 'B — known indirectly, corroborated' },
  { value: 'C', label: 'C — known indirectly' },
  { value: 'D', label: 'D — not known' },
  { value: 'E', label: 'E — suspected to be false' },
];

/** 3x5x2: handling. */
export const HANDLINGS: readonly { value: string; label: string }[] = [
  { value: 'P', label: 'P — lawful sharing permitted' },
  { value: 'C', label: 'C — sharing subject to conditions' },
];

export interface SourceForm {
  ref: string;
  sourceType: string;
  sourceGrade: number;
  intelGrade: string;
  handling: string;
  conditions: string;
  ownerAgency: string;
  receivedOn: string;
  summary: string;
}

export type SourceField = keyof SourceForm;

/** Fields the server requires (marked in the form); conditions only with handling C. */
export function isRequired(field: SourceField, form: Pick<SourceForm, 'handling'>): boolean {
  if (field === 'conditions') return form.handling === 'C';
  return field === 'sourceType' || field === 'sourceGrade' || field === 'intelGrade' || field === 'handling' || field === 'ownerAgency' || field === 'receivedOn';
}

/** Today as YYYY-MM-DD in the browser's own time zone. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Defaults: what a police analyst's own import of a file usually is. The agency is the session's
 * (blank when unknown: the analyst then has to say); received today; a call-records or handset file
 * is police material known directly (2/B/P until the analyst grades it otherwise).
 */
export function defaultSource(agency: string | null, today: string, fileName = ''): SourceForm {
  return {
    ref: '',
    sourceType: agency && /licens/i.test(agency) ? 'licensing' : agency && !/police/i.test(agency) ? 'partner' : 'police',
    sourceGrade: 2,
    intelGrade: 'B',
    handling: 'P',
    conditions: '',
    ownerAgency: agency ?? '',
    receivedOn: today,
    summary: fileName ? `Imported from ${fileName}` : '',
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** What is wrong with the form, per field, in words; empty when it can be sent. */
export function checkSource(form: SourceForm, today: string): Partial<Record<SourceField, string>> {
  const errors: Partial<Record<SourceField, string>> = {};
  if (!SOURCE_TYPES.some((t) => t.value === form.sourceType)) errors.sourceType = 'Choose where the file came from.';
  if (!SOURCE_GRADES.some((g) => g.value === form.sourceGrade)) errors.sourceGrade = 'Choose the source evaluation (1, 2 or 3).';
  if (!INTEL_GRADES.some((g) => g.value === form.intelGrade)) errors.intelGrade = 'Choose the intelligence assessment (A to E).';
  if (!HANDLINGS.some((h) => h.value === form.handling)) errors.handling = 'Choose the handling code (P or C).';
  if (form.handling === 'C' && !form.conditions.trim()) errors.conditions = 'Handling C needs the conditions: say who may see it and on what terms.';
  if (!form.ownerAgency.trim()) errors.ownerAgency = 'Say which agency owns this information.';
  if (!form.receivedOn) errors.receivedOn = 'Give the date the file was received.';
  else if (!realDate(form.receivedOn)) errors.receivedOn = 'Write the date as YYYY-MM-DD (for example 2026-03-14).';
  else if (form.receivedOn > today) errors.receivedOn = 'The date received cannot be in the future.';
  return errors;
}

/** The grade as analysts write it: 2/B/P. */
export const gradeText = (f: Pick<SourceForm, 'sourceGrade' | 'intelGrade' | 'handling'>): string => `${f.sourceGrade}/${f.intelGrade}/${f.handling}`;

/** ImportSourceInput: blank optional fields left out, text trimmed. */
export function sourceInput(form: SourceForm): Record<string, string | number> {
  const input: Record<string, string | number> = {
    sourceType: form.sourceType,
    sourceGrade: form.sourceGrade,
    intelGrade: form.intelGrade,
    handling: form.handling,
    ownerAgency: form.ownerAgency.trim(),
    receivedOn: form.receivedOn,
  };
  if (form.ref.trim()) input.ref = form.ref.trim();
  if (form.handling === 'C' && form.conditions.trim()) input.conditions = form.conditions.trim();
  if (form.summary.trim()) input.summary = form.summary.trim();
  return input;
}
