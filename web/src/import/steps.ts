/**
 * The import's steps, in order, and whether each can be opened now, with the reason when it cannot
 * (shown beside the disabled control, in words). Pure.
 */

export type StepId = 'file' | 'mapping' | 'preview' | 'source' | 'import';

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'file', title: 'Choose a file' },
  { id: 'mapping', title: 'Map the columns' },
  { id: 'preview', title: 'Check the preview' },
  { id: 'source', title: 'Grade the source' },
  { id: 'import', title: 'Import' },
];

export interface WizardFacts {
  /** An uploaded file is there. */
  uploaded: boolean;
  uploading: boolean;
  /** The mapping's text is not blank. */
  hasMapping: boolean;
  /** The server checked this exact mapping text and showed a preview (no mapping error). */
  previewed: boolean;
  /** The last preview failed with an error in the mapping. */
  mappingError: boolean;
  /** How many source fields still need an answer or a correction. */
  sourceProblems: number;
  /** The source step has been shown (its defaults are not taken as the analyst's answer before). */
  sourceSeen?: boolean;
  /** queued or running: the other steps wait. */
  importing: boolean;
  /** An import of this file has finished. */
  imported: boolean;
}

export interface StepState {
  id: StepId;
  title: string;
  /** Can be opened. */
  enabled: boolean;
  /** Why not, when not. */
  reason: string | null;
  /** Finished (ticked in the list). */
  done: boolean;
}

const fields = (n: number) => (n === 1 ? '1 field needs' : `${n} fields need`);

/** Each step's state; the first reason that applies is the one given. */
export function stepStates(f: WizardFacts): StepState[] {
  const running = f.importing ? 'An import is running: wait for it to finish.' : null;
  const reasons: Record<StepId, string | null> = {
    file: running,
    mapping: running ?? (f.uploading ? 'The file is still uploading.' : !f.uploaded ? 'Choose a file first.' : null),
    preview:
      running ??
      (!f.uploaded ? 'Choose a file first.' : !f.hasMapping ? 'Choose, build or write a mapping first.' : f.mappingError ? 'The mapping has errors: correct them first (they are marked in the mapping step).' : null),
    source: running ?? (!f.uploaded ? 'Choose a file first.' : !f.previewed ? 'Look at the preview first: it shows what the mapping will make.' : null),
    import: f.imported || f.importing ? null : !f.uploaded ? 'Choose a file first.' : !f.previewed ? 'Look at the preview first.' : f.sourceProblems > 0 ? `Grade the source first: ${fields(f.sourceProblems)} an answer.` : null,
  };
  const done: Record<StepId, boolean> = {
    file: f.uploaded,
    mapping: f.previewed,
    preview: f.previewed,
    source: f.previewed && f.sourceProblems === 0 && f.sourceSeen !== false,
    import: f.imported,
  };
  return STEPS.map((s) => ({ ...s, enabled: reasons[s.id] === null, reason: reasons[s.id], done: done[s.id] }));
}

/** The step after `id` (null after the last). */
export function nextStep(id: StepId): StepId | null {
  const i = STEPS.findIndex((s) => s.id === id);
  return STEPS[i + 1]?.id ?? null;
}
