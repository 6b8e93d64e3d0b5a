import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../../api/errors';
import { fetchChangeHistory, type ChangeHistory } from '../../api/notices';
import { day } from '../licensing/common';
import { ChangeDialog, KIND_WORDS } from './ChangeDialog';

/** What may be offered for a record, by its kind and state. */
function offers(history: ChangeHistory): { kind: string; label: string }[] {
  const s = history.subject;
  if (history.monitored === true) return [{ kind: 'monitoring_removed', label: 'Remove from monitoring…' }];
  if (history.monitored === false) return [{ kind: 'monitoring_restored', label: 'Put back on monitoring…' }];
  if (s.kind === 'Incident' || s.kind === 'Crime') return s.properties.status === 'closed' ? [] : [{ kind: 'case_closed', label: 'Close the case…' }];
  if (s.kind === 'Report')
    return [
      { kind: 'grade_downgraded', label: 'Downgrade the grade…' },
      ...(s.properties.discounted === true ? [] : [{ kind: 'report_discounted', label: 'Discount the report…' }]),
    ];
  return [];
}

/**
 * A record's reasoned changes (issue 20, item 5): whether a child is on monitoring, every removal,
 * closure or downgrade with its reason, reviewer and who made it — refused attempts too — and the
 * dialog to make one. Mounted wherever such a change is offered.
 */
export function ReasonedChanges({ subjectId, title = 'Monitoring and changes' }: { subjectId: string; title?: string }) {
  const [history, setHistory] = useState<ChangeHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchChangeHistory(subjectId, ctrl.signal).then(
      (h) => {
        setHistory(h);
        setError(null);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(`The history could not be loaded: ${describeError(err).message}`);
      },
    );
    return () => ctrl.abort();
  }, [subjectId, version]);

  if (error) return <p className="error-text">{error}</p>;
  if (!history) return null;
  const label = history.subject.label;
  return (
    <section className="chg-panel" data-testid="reasoned-changes">
      <h3>{title}</h3>
      {history.monitored !== null && history.monitored !== undefined && (
        <p className="chg-status" data-testid="monitoring-status">
          {history.monitored ? 'On monitoring (the strategy meetings’ caseload).' : 'Not on monitoring.'}
        </p>
      )}
      {offers(history).map((o) => (
        <button key={o.kind} type="button" onClick={() => setDialog(o.kind)} data-testid={`offer-${o.kind}`}>
          {o.label}
        </button>
      ))}
      {history.changes.length === 0 ? (
        <p className="empty-inline">Nothing has been removed, closed or downgraded.</p>
      ) : (
        <ul className="chg-list" aria-label="History of changes">
          {[...history.changes].reverse().map((c) => (
            <li key={c.id} className={c.outcome === 'refused' ? 'chg-refused' : undefined} data-testid="change-entry" data-outcome={c.outcome}>
              <div>
                <b>{day(c.at.slice(0, 10))}</b> {KIND_WORDS[c.kind] ?? c.kind}
                {c.outcome === 'refused' ? <b> — refused</b> : c.from || c.to ? <span className="muted"> ({c.from ?? '—'} → {c.to ?? '—'})</span> : null}
              </div>
              <div>Reason: {c.reason}</div>
              {c.note && <div className="muted">“{c.note}”</div>}
              {c.noteWithheld && <div className="muted small">Note withheld: it concerns a child.</div>}
              {c.refusal && <div className="chg-refusal small">{c.refusal}</div>}
              <div className="muted small">
                By {c.by} ({c.byRole}{c.byAgency ? `, ${c.byAgency}` : ''}), reviewed by {c.reviewer}
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog && <ChangeDialog kind={dialog} subjectId={subjectId} subjectLabel={label} onClose={() => setDialog(null)} onRecorded={reload} />}
    </section>
  );
}
