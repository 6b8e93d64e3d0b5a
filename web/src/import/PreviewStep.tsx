import type { ImportPreview } from './importApi';
import { linkText, matchText, previewSummary, propertiesText } from './preview';
import { RejectedTable } from './RejectedTable';

interface Props {
  preview: ImportPreview;
  fileName: string;
  /** Rows in the file (null: not known) and how many the preview read. */
  rowCount: number | null;
  previewRows: number;
  onBack(): void;
  onNext(): void;
}

/** Step 3: the first rows as the entities and links they will make, each match with its reason. */
export function PreviewStep({ preview, fileName, rowCount, previewRows, onBack, onNext }: Props) {
  return (
    <>
      <p className="import-summary-line" data-testid="preview-summary">
        {previewSummary(preview)}
      </p>
      <p className="muted small" data-testid="preview-scope">
        {rowCount === null || rowCount > previewRows
          ? `The preview reads the first ${previewRows} rows${rowCount !== null ? ` of ${rowCount.toLocaleString('en-GB')}` : ''}; the import reads them all, and rows further down may still be rejected.`
          : 'The preview reads every row of the file.'}
        {preview.matchedCount > 0 && ' A matched entity is not created again: the import links to the existing one, for the reason given.'}
      </p>
      <div className="import-preview-rows">
        {preview.rows.map((r) => (
          <section key={r.row} className="import-preview-row" aria-label={`Row ${r.row}`} data-testid="preview-row">
            <h3>Row {r.row}</h3>
            <div className="import-table-wrap">
              <table className="import-table">
                <caption className="visually-hidden">Entities from row {r.row}</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Shown as</th>
                    <th scope="col">Properties</th>
                    <th scope="col">New or existing</th>
                  </tr>
                </thead>
                <tbody>
                  {r.entities.map((e) => (
                    <tr key={e.key} className={e.match ? 'matched' : undefined} data-testid={e.match ? 'preview-match' : 'preview-entity'}>
                      <td>{e.kind}</td>
                      <td>{e.label}</td>
                      <td className="small">{propertiesText(e.properties)}</td>
                      <td className={e.match ? 'import-match' : 'muted'}>{matchText(e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {r.links.length > 0 && (
              <ul className="import-links" aria-label={`Links from row ${r.row}`}>
                {r.links.map((l, i) => (
                  <li key={i} data-testid="preview-link">
                    {linkText(l, r)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {preview.rows.length === 0 && <p className="import-note">None of the first rows makes an entity with this mapping. Check the columns chosen in the mapping.</p>}
      </div>
      {preview.rejected.length > 0 && (
        <section aria-label="Rows the mapping rejects">
          <h3>Rows the mapping rejects</h3>
          <RejectedTable rows={preview.rejected} total={preview.rejected.length} fileName={fileName} testId="preview-rejected" />
        </section>
      )}
      <div className="import-actions sticky">
        <button type="button" onClick={onBack}>
          Back to the mapping
        </button>
        <button type="button" className="primary" onClick={onNext} data-testid="preview-next">
          Next: grade the source
        </button>
      </div>
    </>
  );
}
