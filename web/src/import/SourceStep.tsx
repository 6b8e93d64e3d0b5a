import type { ReactNode } from 'react';
import { gradeText, HANDLINGS, INTEL_GRADES, isRequired, SOURCE_GRADES, SOURCE_TYPES, type SourceField, type SourceForm } from './grading';

interface Props {
  form: SourceForm;
  errors: Partial<Record<SourceField, string>>;
  /** Show errors of fields not touched yet (after a Next that was refused). */
  showAll: boolean;
  touched: ReadonlySet<SourceField>;
  today: string;
  onChange(form: SourceForm, field: SourceField): void;
  onBack(): void;
  onNext(): void;
}

/** Step 4: the report the import becomes — source, 3x5x2 grades, handling, owner, date received. */
export function SourceStep({ form, errors, showAll, touched, today, onChange, onBack, onNext }: Props) {
  const set = <K extends SourceField>(field: K, value: SourceForm[K]) => onChange({ ...form, [field]: value }, field);
  const shown = (f: SourceField) => (showAll || touched.has(f) ? errors[f] : undefined);
  const problems = Object.keys(errors).length;

  const field = (f: SourceField, label: string, control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; 'aria-required': boolean; 'data-testid': string }) => ReactNode, hint?: string) => {
    const id = `import-source-${f}`;
    const err = shown(f);
    const described = [err ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
    const required = isRequired(f, form);
    return (
      <div className={`import-source-field${err ? ' has-error' : ''}`}>
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="import-required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {control({ id, 'aria-invalid': !!err, ...(described ? { 'aria-describedby': described } : {}), 'aria-required': required, 'data-testid': id })}
        {hint && (
          <span id={`${id}-hint`} className="muted small">
            {hint}
          </span>
        )}
        {err && (
          <span id={`${id}-error`} className="import-field-error" role="alert">
            {err}
          </span>
        )}
      </div>
    );
  };

  return (
    <>
      <p className="muted">
        Everything the import creates carries this report: who may see it follows from the handling and the owner. Fields marked <span className="import-required">*</span> are required.
      </p>
      <div className="import-source-grid">
        {field('sourceType', 'Where the file came from', (p) => (
          <select {...p} value={form.sourceType} onChange={(e) => set('sourceType', e.target.value)}>
            <option value="">(choose)</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        ))}
        {field('ownerAgency', 'Owner agency', (p) => <input {...p} value={form.ownerAgency} onChange={(e) => set('ownerAgency', e.target.value)} />, 'The agency that holds the information and decides on sharing.')}
        {field('sourceGrade', 'Source evaluation', (p) => (
          <select {...p} value={form.sourceGrade} onChange={(e) => set('sourceGrade', Number(e.target.value))}>
            {SOURCE_GRADES.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        ))}
        {field('intelGrade', 'Intelligence assessment', (p) => (
          <select {...p} value={form.intelGrade} onChange={(e) => set('intelGrade', e.target.value)}>
            {INTEL_GRADES.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        ))}
        {field('handling', 'Handling', (p) => (
          <select {...p} value={form.handling} onChange={(e) => set('handling', e.target.value)}>
            {HANDLINGS.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label}
              </option>
            ))}
          </select>
        ))}
        {field('receivedOn', 'Date received', (p) => <input {...p} type="date" max={today} value={form.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />)}
        {form.handling === 'C' &&
          field('conditions', 'Conditions', (p) => <textarea {...p} rows={2} value={form.conditions} onChange={(e) => set('conditions', e.target.value)} />, 'Who may see it, and on what terms.')}
        {field('ref', 'Reference', (p) => <input {...p} value={form.ref} onChange={(e) => set('ref', e.target.value)} />, 'The provider’s or your own reference, if any.')}
        {field('summary', 'Summary', (p) => <textarea {...p} rows={2} value={form.summary} onChange={(e) => set('summary', e.target.value)} />)}
      </div>
      <p className="import-summary-line" data-testid="source-grade">
        Graded <strong>{gradeText(form)}</strong>
      </p>
      <div className="import-actions sticky">
        <button type="button" onClick={onBack}>
          Back to the preview
        </button>
        <button type="button" className="primary" onClick={onNext} aria-describedby={problems ? 'import-source-why' : undefined} data-testid="source-next">
          Next: import
        </button>
        {problems > 0 && showAll && (
          <span id="import-source-why" className="import-why">
            {problems === 1 ? '1 field needs' : `${problems} fields need`} an answer: see above.
          </span>
        )}
      </div>
    </>
  );
}
