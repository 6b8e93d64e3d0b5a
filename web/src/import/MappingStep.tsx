import { useMemo, useState } from 'react';
import { lineOfPath, yamlProblems, type MappingProblem } from './errors';
import type { ImportMapping, ImportUpload } from './importApi';
import { MappingForm } from './MappingForm';
import { checkModel, modelFromYaml, suggestModel, yamlFromModel, type MappingModel } from './mappingModel';
import { YamlEditor } from './YamlEditor';

/** The chooser's value for a mapping built from the file's columns, and for an empty one. */
export const BUILD = '__build';
export const EMPTY = '__empty';

interface Props {
  upload: ImportUpload;
  mappings: readonly ImportMapping[] | null;
  mappingsError: string | null;
  chosen: string;
  text: string;
  /** The server's problems with this text (from the last preview). */
  serverProblems: readonly MappingProblem[];
  previewing: boolean;
  saving: boolean;
  saveNote: string | null;
  onChoose(chosen: string, text: string): void;
  onText(text: string): void;
  onSave(name: string): void;
  onPreview(): void;
}

/** Step 2: a mapping chosen, built in the form or written as YAML; checked by a preview. */
export function MappingStep({ upload, mappings, mappingsError, chosen, text, serverProblems, previewing, saving, saveNote, onChoose, onText, onSave, onPreview }: Props) {
  // The form's own model while it is being edited (rows not complete yet are not in the text).
  const [draft, setDraft] = useState<{ model: MappingModel; text: string } | null>(null);
  const [name, setName] = useState('');
  const parsed = useMemo(() => modelFromYaml(text), [text]);
  const model = draft && draft.text === text ? draft.model : 'model' in parsed ? parsed.model : null;
  const syntax = useMemo(() => yamlProblems(text), [text]);
  const local = useMemo<MappingProblem[]>(
    () => (model && !syntax.length ? checkModel(model, upload.columns).map((p) => ({ ...p, line: lineOfPath(text, p.path) })) : []),
    [model, syntax.length, upload.columns, text],
  );
  const problems = [...syntax, ...serverProblems, ...local];

  const choose = (value: string) => {
    setDraft(null);
    if (value === BUILD) onChoose(value, yamlFromModel(suggestModel(upload.columns), `name: ${JSON.stringify(`Mapping for ${upload.fileName}`)}\n`));
    else if (value === EMPTY) onChoose(value, yamlFromModel({ entities: [], links: [], handset: null }, 'name: New mapping\n'));
    else onChoose(value, mappings?.find((m) => m.id === value)?.text ?? '');
  };
  const formChange = (m: MappingModel) => {
    const t = yamlFromModel(m, text);
    setDraft({ model: m, text: t });
    onText(t);
  };

  const builtIn = mappings?.filter((m) => m.builtIn) ?? [];
  const saved = mappings?.filter((m) => !m.builtIn) ?? [];
  const previewBlock = !text.trim() ? 'Choose a mapping, build one or write one first.' : syntax.length ? 'The YAML cannot be read: correct the marked lines first.' : previewing ? 'The preview is being made…' : null;
  const saveBlock = !name.trim() ? 'Give the mapping a name to save it under.' : !text.trim() ? 'There is no mapping to save yet.' : syntax.length ? 'Correct the YAML first.' : null;

  return (
    <>
      <div className="import-choose-row">
        <label className="import-field">
          <span>Start from</span>
          <select value={chosen} onChange={(e) => choose(e.target.value)} data-testid="mapping-choose">
            <option value="" disabled>
              {mappings ? '(choose a mapping)' : mappingsError ? '(mappings unavailable)' : 'Loading mappings…'}
            </option>
            {builtIn.length > 0 && (
              <optgroup label="Built in">
                {builtIn.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            )}
            {saved.length > 0 && (
              <optgroup label="Saved">
                {saved.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="New">
              <option value={BUILD}>Build from this file’s columns</option>
              <option value={EMPTY}>Start from nothing</option>
            </optgroup>
          </select>
        </label>
        <p className="muted small import-choose-note">
          {mappingsError ? `The saved mappings could not be loaded: ${mappingsError}` : 'A built-in mapping fits the usual call-records, handset and sightings files; change it below for this file.'}
        </p>
      </div>

      <div className="import-mapping">
        <section className="import-pane" aria-label="The mapping as a form">
          {model ? (
            <MappingForm model={model} columns={upload.columns} problems={problems} onChange={formChange} />
          ) : (
            <p className="import-note" data-testid="mapping-form-unsupported">
              {'unsupported' in parsed ? parsed.unsupported : ''} The form cannot show this mapping; edit it as text on the right.
            </p>
          )}
        </section>
        <section className="import-pane" aria-label="The mapping as text">
          <YamlEditor text={text} problems={problems} onChange={onText} />
        </section>
      </div>

      <div className="import-actions import-actions-split sticky">
        <div className="import-save">
          <label className="import-inline-field">
            <span>Save as</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="a name" data-testid="mapping-save-name" />
          </label>
          <button type="button" onClick={() => onSave(name.trim())} disabled={!!saveBlock || saving} aria-describedby="import-save-why" data-testid="mapping-save">
            {saving ? 'Saving…' : 'Save mapping'}
          </button>
          <span id="import-save-why" className="muted small" data-testid="mapping-save-note">
            {saveNote ?? (name.trim() ? saveBlock : 'Optional: to use it again.')}
          </span>
        </div>
        <div className="import-next">
          {previewBlock && (
            <span id="import-preview-why" className="import-why" data-testid="mapping-preview-why">
              {previewBlock}
            </span>
          )}
          {!previewBlock && serverProblems.length > 0 && (
            <span className="import-problem-summary" role="alert" data-testid="mapping-problem-summary">
              {serverProblems.length === 1 ? 'The server found a problem in the mapping' : `The server found ${serverProblems.length} problems in the mapping`}
              {serverProblems[0]!.line !== null ? ` (line ${serverProblems[0]!.line})` : ''}: {serverProblems[0]!.message}
            </span>
          )}
          <button type="button" className="primary" onClick={onPreview} disabled={!!previewBlock} aria-describedby={previewBlock ? 'import-preview-why' : undefined} data-testid="mapping-preview">
            {previewing ? 'Making the preview…' : 'Preview the first rows'}
          </button>
        </div>
      </div>
    </>
  );
}
