import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, describeError, isAbort } from '../api';
import type { ChartOps } from '../store/chartOps';
import { serverProblems as placeServerProblems, type MappingProblem } from './errors';
import { FileStep } from './FileStep';
import { checkSource, defaultSource, gradeText, localDate, SOURCE_TYPES, sourceInput, type SourceField, type SourceForm } from './grading';
import {
  fetchAgency,
  fetchMappings,
  followImport,
  isFinished,
  previewImport,
  saveMapping,
  startImport,
  uploadFile,
  type ImportJob,
  type ImportMapping,
  type ImportPreview,
  type ImportUpload,
} from './importApi';
import { ImportStep } from './ImportStep';
import { BUILD, EMPTY, MappingStep } from './MappingStep';
import { openReportOnChart } from './openOnChart';
import { PreviewStep } from './PreviewStep';
import { SourceStep } from './SourceStep';
import { stepStates, type StepId } from './steps';
import './import.css';

interface Props {
  ops: ChartOps;
  /** Kept mounted but out of sight while the analyst is on the chart (an import carries on). */
  hidden?: boolean;
  /** Back to the chart. */
  onClose(): void;
}

/** Rows shown in the preview. */
const PREVIEW_ROWS = 20;

const words = (err: unknown) => describeError(err).message;

/**
 * The analyst's import: choose a file → map its columns → preview the first rows as entities and
 * links (matches with their reasons) → grade the source → import with progress → what was made and
 * the rejected rows. One step shown at a time; the list on the left says which are open and why not.
 */
export function ImportScreen({ ops, hidden = false, onClose }: Props) {
  const today = useMemo(() => localDate(new Date()), []);
  const [step, setStep] = useState<StepId>('file');
  // Step 1
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // Step 2
  const [mappings, setMappings] = useState<ImportMapping[] | null>(null);
  const [mappingsError, setMappingsError] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  // Step 3
  const [preview, setPreview] = useState<{ text: string; answer: ImportPreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [problems, setProblems] = useState<{ text: string; list: MappingProblem[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  // Step 4
  const [agency, setAgency] = useState<string | null>(null);
  const [source, setSource] = useState<SourceForm>(() => defaultSource(null, today));
  const [touched, setTouched] = useState<ReadonlySet<SourceField>>(new Set());
  const [showAllSource, setShowAllSource] = useState(false);
  const sourceEdited = useRef(false);
  const [sourceSeen, setSourceSeen] = useState(false);
  // Step 5
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mode, setMode] = useState<'live' | 'polling' | null>(null);
  const [starting, setStarting] = useState(false);
  const [jobError, setJobError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const follow = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The saved and built-in mappings, and the agency the grading defaults to.
  useEffect(() => {
    const ctrl = new AbortController();
    fetchMappings(ctrl.signal).then(setMappings, (err: unknown) => !isAbort(err) && setMappingsError(words(err)));
    fetchAgency(ctrl.signal).then(
      (a) => {
        setAgency(a);
        if (!sourceEdited.current) setSource((s) => ({ ...s, ownerAgency: a ?? '', sourceType: defaultSource(a, today).sourceType }));
      },
      () => undefined, // the analyst types it
    );
    return () => {
      ctrl.abort();
      follow.current?.abort();
    };
  }, [today]);

  // A new step, or the screen shown again: the keyboard goes to the step's heading (screen readers read it).
  useEffect(() => {
    if (!hidden) heading.current?.focus();
  }, [step, hidden]);

  const previewed = !!preview && preview.text === text;
  const serverProblems = problems && problems.text === text ? problems.list : [];
  const sourceErrors = useMemo(() => checkSource(source, today), [source, today]);
  const importing = !!job && !isFinished(job);
  const states = stepStates({
    uploaded: !!upload,
    uploading: !!uploading,
    hasMapping: !!text.trim(),
    previewed,
    mappingError: serverProblems.length > 0,
    sourceProblems: Object.keys(sourceErrors).length,
    sourceSeen,
    importing,
    imported: !!job && isFinished(job),
  });
  const stateOf = (id: StepId) => states.find((s) => s.id === id)!;
  const go = (id: StepId) => {
    if (!stateOf(id).enabled) return;
    setStep(id);
    if (id === 'source') setSourceSeen(true);
  };

  const onFile = (file: File) => {
    setFileError(null);
    setUploading(`${file.name}`);
    uploadFile(file).then(
      (u) => {
        setUpload(u);
        setPreview(null);
        setProblems(null);
        setJob(null);
        setJobError(null);
        if (!sourceEdited.current) setSource((s) => ({ ...s, summary: `Imported from ${u.fileName}` }));
        // A mapping already chosen stays (the next file of the same kind uses it); none: build one.
        setUploading(null);
      },
      (err: unknown) => {
        setUploading(null);
        setFileError(`The file could not be uploaded. ${words(err)}`);
      },
    );
  };

  const runPreview = () => {
    if (!upload) return;
    const sent = text;
    setPreviewing(true);
    setPreviewError(null);
    previewImport(upload.id, sent, PREVIEW_ROWS).then(
      (answer) => {
        setPreviewing(false);
        setProblems(null);
        setPreview({ text: sent, answer });
        setStep('preview');
      },
      (err: unknown) => {
        setPreviewing(false);
        if (err instanceof ApiError && (err.code === 'BAD_USER_INPUT' || err.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT'))) {
          setProblems({ text: sent, list: placeServerProblems(err.errors, sent, err.message) });
        } else setPreviewError(`The preview could not be made. ${words(err)}`);
      },
    );
  };

  const onSave = (name: string) => {
    setSaving(true);
    setSaveNote(null);
    saveMapping(name, text).then(
      (m) => {
        setSaving(false);
        setMappings((list) => [...(list ?? []).filter((x) => x.id !== m.id), m]);
        setChosen(m.id);
        setSaveNote(`Saved as “${m.name}”.`);
      },
      (err: unknown) => {
        setSaving(false);
        if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') setProblems({ text, list: placeServerProblems(err.errors, text, err.message) });
        setSaveNote(`Not saved: ${words(err)}`);
      },
    );
  };

  const mappingName = chosen === BUILD || chosen === EMPTY || !chosen ? 'the mapping built here' : `the mapping “${mappings?.find((m) => m.id === chosen)?.name ?? chosen}”${text !== mappings?.find((m) => m.id === chosen)?.text ? ' (changed)' : ''}`;

  const onStart = () => {
    if (!upload) return;
    setStarting(true);
    setJobError(null);
    startImport(upload.id, text, sourceInput(source)).then(
      (started) => {
        setStarting(false);
        setJob(started);
        const ctrl = new AbortController();
        follow.current?.abort();
        follow.current = ctrl;
        followImport(started.id, { onJob: setJob, onMode: setMode }, ctrl.signal).catch((err: unknown) => {
          if (!isAbort(err) && !ctrl.signal.aborted) setJobError(`Progress is not available: ${words(err)} The import may still be running on the server.`);
        });
      },
      (err: unknown) => {
        setStarting(false);
        if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && err.errors.some((e) => /mapping|line \d|entities|links/i.test(e.message))) {
          setProblems({ text, list: placeServerProblems(err.errors, text, err.message) });
        }
        setJobError(`The import did not start. ${words(err)}`);
      },
    );
  };

  const onOpen = () => {
    if (!job?.reportId || !upload) return;
    setOpening(true);
    const reportId = job.reportId;
    onClose();
    void openReportOnChart(ops, reportId, `Import of ${upload.fileName}`).finally(() => setOpening(false));
  };

  const onAnother = () => {
    follow.current?.abort();
    setUpload(null);
    setPreview(null);
    setProblems(null);
    setJob(null);
    setJobError(null);
    setMode(null);
    setStep('file');
  };

  const importBlock = stateOf('import').reason ?? (Object.keys(sourceErrors).length ? 'Grade the source first.' : null);
  const plan = upload
    ? `Import ${upload.fileName}${upload.rowCount !== null ? ` (${upload.rowCount.toLocaleString('en-GB')} rows)` : ''} with ${mappingName}, as one report graded ${gradeText(source)} from ${SOURCE_TYPES.find((t) => t.value === source.sourceType)?.label.toLowerCase() ?? '(source type not chosen)'}, owned by ${source.ownerAgency || '(owner not given)'}, received ${source.receivedOn || '(date not given)'}. Importing the same file again adds nothing.`
    : '';
  const current = stateOf(step);

  return (
    <div className="import-screen" role="region" aria-labelledby="import-title" data-testid="import-screen" hidden={hidden}>
      <header className="import-head">
        <h1 id="import-title">Import a file</h1>
        <p className="muted import-head-what" data-testid="import-what">
          {upload ? `${upload.fileName}${previewed ? ` · ${mappingName}` : ''}` : 'Call records, handset contacts or a sightings list into the graph, as one graded report.'}
        </p>
        <button type="button" onClick={onClose} data-testid="import-close" title={importing ? 'The import carries on; Import… brings its progress back.' : undefined}>
          Back to the chart
        </button>
      </header>
      <div className="import-body">
        <nav className="import-steps" aria-label="Import steps">
          <ol>
            {states.map((s, i) => (
              <li key={s.id} className={`${s.id === step ? 'current' : ''}${s.done ? ' done' : ''}`}>
                <button
                  type="button"
                  onClick={() => go(s.id)}
                  disabled={!s.enabled}
                  aria-current={s.id === step ? 'step' : undefined}
                  aria-describedby={s.reason ? `import-step-why-${s.id}` : undefined}
                  data-testid={`import-step-${s.id}`}
                >
                  <span className="import-step-no" aria-hidden="true">
                    {s.done ? '✓' : i + 1}
                  </span>
                  <span>
                    {s.title}
                    {s.done && <span className="visually-hidden"> (done)</span>}
                  </span>
                </button>
                {s.reason && s.id !== step && (
                  <span className="import-step-why" id={`import-step-why-${s.id}`}>
                    {s.reason}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <div className="import-main" data-testid={`import-step-body-${step}`}>
          <h2 ref={heading} tabIndex={-1}>
            {states.findIndex((s) => s.id === step) + 1}. {current.title}
          </h2>
          {step === 'file' && (
            <FileStep upload={upload} uploading={uploading} error={fileError} onFile={onFile} onProblem={setFileError} onNext={() => go('mapping')} />
          )}
          {step === 'mapping' && upload && (
            <>
              {previewError && (
                <p className="import-error" role="alert" data-testid="import-preview-error">
                  {previewError}
                </p>
              )}
              <MappingStep
                upload={upload}
                mappings={mappings}
                mappingsError={mappingsError}
                chosen={chosen}
                text={text}
                serverProblems={serverProblems}
                previewing={previewing}
                saving={saving}
                saveNote={saveNote}
                onChoose={(c, t) => {
                  setChosen(c);
                  setText(t);
                  setSaveNote(null);
                }}
                onText={setText}
                onSave={onSave}
                onPreview={runPreview}
              />
            </>
          )}
          {step === 'preview' && preview && upload && (
            <>
              {!previewed && (
                <p className="import-note" role="status">
                  The mapping has changed since this preview. <button type="button" onClick={runPreview}>Preview again</button>
                </p>
              )}
              <PreviewStep preview={preview.answer} fileName={upload.fileName} rowCount={upload.rowCount} previewRows={PREVIEW_ROWS} onBack={() => setStep('mapping')} onNext={() => go('source')} />
            </>
          )}
          {step === 'source' && (
            <SourceStep
              form={source}
              errors={sourceErrors}
              showAll={showAllSource}
              touched={touched}
              today={today}
              onChange={(f, field) => {
                sourceEdited.current = true;
                setSource(f);
                setTouched((t) => new Set(t).add(field));
              }}
              onBack={() => setStep('preview')}
              onNext={() => {
                if (Object.keys(sourceErrors).length) {
                  setShowAllSource(true);
                  document.querySelector<HTMLElement>(`#import-source-${Object.keys(sourceErrors)[0]}`)?.focus();
                } else go('import');
              }}
            />
          )}
          {step === 'import' && upload && (
            <ImportStep
              plan={plan}
              blocked={job ? null : importBlock}
              starting={starting}
              job={job}
              mode={mode}
              error={jobError}
              fileName={upload.fileName}
              opening={opening}
              onStart={onStart}
              onOpen={onOpen}
              onAnother={onAnother}
            />
          )}
          {agency === null && step === 'source' && !source.ownerAgency && <p className="muted small">Your agency is not known to the app: type the owner agency.</p>}
        </div>
      </div>
    </div>
  );
}
