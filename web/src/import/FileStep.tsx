import { useRef, useState, type DragEvent } from 'react';
import type { ImportUpload } from './importApi';

/** What the import reads, by file name. */
export const ACCEPTED = ['.csv', '.xlsx', '.vcf'] as const;
const ACCEPT_ATTR = '.csv,.xlsx,.vcf,text/csv,text/vcard,text/x-vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a file cannot be imported (null: it can). */
export function fileProblem(name: string): string | null {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if ((ACCEPTED as readonly string[]).includes(ext)) return null;
  if (ext === '.xls') return `“${name}” is an old Excel file (.xls): open it in Excel and save it as .xlsx, then choose it again.`;
  return `“${name}” is not a file the import reads: choose a CSV (.csv), Excel (.xlsx) or vCard (.vcf) file.`;
}

const KIND_WORDS: Record<string, string> = { csv: 'CSV', xlsx: 'Excel workbook', excel: 'Excel workbook', vcf: 'vCard', vcard: 'vCard' };

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  upload: ImportUpload | null;
  uploading: string | null;
  error: string | null;
  onFile(file: File): void;
  onProblem(message: string): void;
  onNext(): void;
}

/** Step 1: a file dropped or picked, uploaded at once; what the server read from it. */
export function FileStep({ upload, uploading, error, onFile, onProblem, onNext }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const problem = fileProblem(file.name);
    if (problem) onProblem(problem);
    else onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };

  return (
    <>
      <div
        className={`import-drop${over ? ' over' : ''}${upload ? ' compact' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="import-drop-title">{upload ? 'Another file? Drop it here' : 'Drop a file here'}</p>
        <p className="muted">Call records or a sightings list as CSV or Excel (.xlsx), or a handset’s contacts as vCard (.vcf).</p>
        <button type="button" className={upload ? undefined : 'primary'} onClick={() => input.current?.click()} disabled={!!uploading} data-testid="import-choose">
          {upload ? 'Choose another file…' : 'Choose a file…'}
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT_ATTR}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file-input"
          onChange={(e) => {
            take(e.target.files);
            e.target.value = ''; // the same file again is a new choice
          }}
        />
      </div>
      {uploading && (
        <p className="import-status" role="status" data-testid="import-uploading">
          <span className="spinner small-spinner" aria-hidden="true" /> Uploading {uploading}…
        </p>
      )}
      {error && (
        <p className="import-error" role="alert" data-testid="import-file-error">
          {error}
        </p>
      )}
      {upload && !uploading && (
        <section className="import-card" aria-label="The file" data-testid="import-file-summary">
          <h3 className="import-file-name">{upload.fileName}</h3>
          <p>
            {KIND_WORDS[upload.fileKind.toLowerCase()] ?? upload.fileKind}
            {upload.rowCount !== null && <>, {upload.rowCount.toLocaleString('en-GB')} rows</>}, {upload.columns.length} columns
            {upload.sheets.length > 1 && <> · sheets: {upload.sheets.join(', ')} (the mapping says which to read; the first by default)</>}
          </p>
          {upload.sampleRows.length > 0 && (
            <div className="import-table-wrap" tabIndex={0} aria-label="The first rows of the file">
              <table className="import-table">
                <caption className="visually-hidden">The first rows of the file</caption>
                <thead>
                  <tr>
                    {upload.columns.map((c, i) => (
                      <th key={i} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {upload.sampleRows.slice(0, 5).map((r, i) => (
                    <tr key={i}>
                      {upload.columns.map((_, j) => (
                        <td key={j}>{r[j] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="import-actions">
            <button type="button" className="primary" onClick={onNext} data-testid="import-to-mapping">
              Next: map the columns
            </button>
          </div>
        </section>
      )}
    </>
  );
}
