import { useEffect, useId, useRef, useState } from 'react';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { fetchEvidencePack, type EvidenceUse } from '../../api/evidence';
import { saveDocument } from '../../api/safeguarding';
import './EvidencePack.css';

const USE_WORDS: Record<EvidenceUse, string> = {
  civil_injunction: 'An application for a civil injunction',
  licence_condition: 'A condition on a licence (operator or driver)',
};

type State = { state: 'idle' } | { state: 'busy' } | { state: 'done'; filename: string; bytes: number; entries: number; excluded: number } | { state: 'failed'; message: string };

/**
 * "Evidence pack" for a named adult: asks what it is for and why, then downloads the PDF (built by
 * the server without the child's testimony, children as descriptors, every exclusion with its
 * reason). Each pack is recorded in the audit log with the purpose given here.
 */
export function EvidencePackAction({ personId, personLabel, defaultUse }: { personId: string; personLabel: string; defaultUse: EvidenceUse }) {
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [use, setUse] = useState<EvidenceUse>(defaultUse);
  const [status, setStatus] = useState<State>({ state: 'idle' });
  const request = useRef<AbortController | null>(null);
  const ids = useId();
  // Another person: start again (a pack is about one person; a finished one belongs to the last).
  useEffect(() => {
    request.current?.abort();
    setOpen(false);
    setStatus({ state: 'idle' });
    return () => request.current?.abort();
  }, [personId]);

  const make = () => {
    request.current?.abort();
    const ctrl = new AbortController();
    request.current = ctrl;
    setStatus({ state: 'busy' });
    fetchEvidencePack({ personId, purpose: purpose.trim(), use }, ctrl.signal).then(
      (pack) => {
        if (ctrl.signal.aborted) return;
        saveDocument(pack);
        setStatus({ state: 'done', filename: pack.filename, bytes: pack.bytes, entries: pack.entries.length, excluded: pack.exclusions.length });
      },
      (err: unknown) => {
        if (isAbort(err) || isUnauthenticated(err)) return;
        setStatus({ state: 'failed', message: describeError(err).message });
      },
    );
  };
  const tooShort = purpose.trim().length < 3;

  return (
    <div className="ep" data-testid="evidence-pack">
      {!open ? (
        <button type="button" data-testid="evidence-pack-open" onClick={() => setOpen(true)} title={`An evidence pack on ${personLabel}, without the child's testimony`}>
          Evidence pack…
        </button>
      ) : (
        <form
          className="ep-form"
          aria-label={`Evidence pack on ${personLabel}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!tooShort && status.state !== 'busy') make();
          }}
        >
          <strong>Evidence pack on {personLabel}</strong>
          <p className="ep-note">
            What others saw and recorded, in date order with grades and sources. The child&apos;s own account is left out, children appear only as descriptors, and everything left out is
            listed in the pack with the reason.
          </p>
          <label htmlFor={`${ids}-use`}>
            For
            <select id={`${ids}-use`} data-testid="evidence-pack-use" value={use} onChange={(e) => setUse(e.target.value as EvidenceUse)}>
              {(Object.keys(USE_WORDS) as EvidenceUse[]).map((u) => (
                <option key={u} value={u}>
                  {USE_WORDS[u]}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${ids}-purpose`}>
            Purpose (recorded in the audit log)
            <input
              id={`${ids}-purpose`}
              data-testid="evidence-pack-purpose"
              value={purpose}
              maxLength={500}
              placeholder="e.g. the injunction application or licence hearing it is for"
              onChange={(e) => setPurpose(e.target.value)}
            />
          </label>
          <div className="ep-actions">
            <button type="submit" className="primary" data-testid="evidence-pack-make" disabled={tooShort || status.state === 'busy'}>
              {status.state === 'busy' ? 'Preparing the pack…' : 'Make the pack (PDF)'}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
            {tooShort && <span className="ep-note">Say what the pack is for to continue.</span>}
          </div>
          {status.state === 'done' && (
            <p className="ep-done" role="status" data-testid="evidence-pack-done">
              Saved {status.filename} ({Math.max(1, Math.round(status.bytes / 1024))} KB): {status.entries} {status.entries === 1 ? 'entry' : 'entries'}, {status.excluded} left out (each listed in
              the pack with its reason). Recorded in the audit log.
            </p>
          )}
          {status.state === 'failed' && (
            <p className="error-text" role="alert" data-testid="evidence-pack-error">
              The pack could not be made: {status.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
