import { useCallback, useEffect, useState } from 'react';
import { fetchSuccessors, type SuccessorFinding } from '../../api/licensing';
import { day, Loading, operatorName, PanelError, Status, useLatestRequest } from './common';

/** Each signal as '<kind>: <detail>', the kind in bold so a list of them can be scanned. */
export function SignalList({ signals }: { signals: string[] }) {
  return (
    <ul className="lic-signals" data-testid="successor-signals">
      {signals.map((s) => {
        const cut = s.indexOf(': ');
        return (
          <li key={s} data-testid="successor-signal">
            {cut > 0 ? (
              <>
                <b>{s.slice(0, cut)}</b>: {s.slice(cut + 2)}
              </>
            ) : (
              s
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Every suspected successor of a revoked, suspended or surrendered operator, with every signal. */
export function SuccessorsPanel({ onOperator }: { onOperator(operatorId: string): void }) {
  const [findings, setFindings] = useState<SuccessorFinding[] | null>(null);
  const { loading, error, dismissError, run } = useLatestRequest();

  const load = useCallback((): void => {
    // Retry (offered with the error) searches again.
    const ask = (): void => run((signal) => fetchSuccessors(null, signal), setFindings, 'The successor search failed.', ask);
    ask();
  }, [run]);

  useEffect(() => load(), [load]);

  const op = (id: string, label: string) => (
    <button type="button" className="admin-link-button" onClick={() => onOperator(id)} title="Open the operator's page">
      {label}
    </button>
  );

  return (
    <div className="lic-section">
      <div className="lic-section-head">
        <h2>Suspected successor operators</h2>
        <p className="muted small">
          Operators licensed after a revoked, suspended or surrendered one and tied to it by a shared base, booking line, application phone, the people who run them,
          family ties, drivers or vehicles that moved. Every signal is listed; none has to be stored as a link.
        </p>
        <button type="button" onClick={load} disabled={loading}>
          Search again
        </button>
      </div>
      <PanelError error={error} onDismiss={dismissError} />
      {loading && <Loading text="Searching for successor operators…" />}
      {findings && findings.length === 0 && !loading && <p className="empty-inline" data-testid="successors-empty">No suspected successor operators.</p>}
      {findings && findings.length > 0 && (
        <ol className="lic-findings" data-testid="successors-list">
          {findings.map((f) => {
            const s = operatorName(f.operator);
            const p = operatorName(f.predecessor);
            return (
              <li key={`${f.operator.id}<${f.predecessor.id}`} className="lic-finding" data-testid="successor-finding" data-operator={f.operator.id} data-predecessor={f.predecessor.id}>
                <div className="lic-finding-head">
                  <span className="lic-finding-title">
                    {op(f.operator.id, s.main)} <span className="muted">may be carrying on</span> {op(f.predecessor.id, p.main)}
                  </span>
                  <span className="lic-signal-count">{f.signals.length === 1 ? '1 signal' : `${f.signals.length} signals`}</span>
                </div>
                <p className="small">
                  Predecessor {p.sub ?? p.main}: licence <Status status={f.predecessorStatus} />
                  {f.predecessorEndedOn ? ` on ${day(f.predecessorEndedOn)}` : ' (end date not recorded)'}. Successor {s.sub ?? s.main} ({f.operator.id}).
                </p>
                <SignalList signals={f.signals} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
