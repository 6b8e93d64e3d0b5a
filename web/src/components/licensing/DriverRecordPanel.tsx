import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { fetchDriverRecord, searchPersons, type DriverRecord, type PersonHit } from '../../api/licensing';
import { MatchWhy } from '../../search/MatchWhy';
import { str } from '../safeguarding/format';
import { Block, day, LicenceList, Loading, operatorName, PanelError, spell, Status, useLatestRequest } from './common';
import { EvidencePackAction } from '../evidence/EvidencePackAction';
import { DecisionsBlock } from './DecisionsBlock';

interface Props {
  /** The driver shown; null until one is picked. */
  personId: string | null;
  onPick(personId: string): void;
  onOperator(operatorId: string): void;
}

function PersonSearch({ onPick }: { onPick(personId: string): void }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [askedFor, setAskedFor] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = useRef<AbortController | null>(null);

  useEffect(() => () => request.current?.abort(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q.length < 2) return;
    request.current?.abort();
    const ctrl = new AbortController();
    request.current = ctrl;
    setBusy(true);
    setError(null);
    searchPersons(q, ctrl.signal).then(
      (list) => {
        if (ctrl.signal.aborted) return;
        setHits(list);
        setAskedFor(q);
        setBusy(false);
      },
      (err: unknown) => {
        if (isAbort(err) || ctrl.signal.aborted) return;
        setBusy(false);
        if (!isUnauthenticated(err)) setError(describeError(err).message);
      },
    );
  };

  return (
    <div className="lic-search">
      <form className="lic-form" onSubmit={submit} role="search" aria-label="Find a driver">
        <div className="sg-field lic-search-field">
          <label htmlFor="driver-search">Find a driver (name, alias, phone or registration)</label>
          <input
            id="driver-search"
            data-testid="driver-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. Kershaw"
            autoComplete="off"
          />
        </div>
        <div className="sg-actions">
          <button type="submit" className="primary" data-testid="driver-search-submit" disabled={text.trim().length < 2 || busy}>
            Find
          </button>
          {busy && <Loading text="Searching…" />}
        </div>
      </form>
      {error && (
        <p className="error-text" role="alert">
          The search failed: {error}
        </p>
      )}
      {hits && hits.length === 0 && <p className="empty-inline">Nobody found for “{text.trim()}”. Try another spelling, a phone number or a registration.</p>}
      {hits && hits.length > 0 && (
        <ul className="lic-hits" aria-label="People found">
          {hits.map((h) => (
            <li key={h.entity.id}>
              <button type="button" className="lic-hit" data-testid="driver-hit" data-id={h.entity.id} onClick={() => onPick(h.entity.id)}>
                <span className="strong">{h.entity.label}</span>
                <span className="muted small">
                  {[str(h.entity.properties.dob) && `born ${day(str(h.entity.properties.dob))}`, h.entity.id].filter(Boolean).join(' · ')}
                </span>
                <MatchWhy matched={h.matched} query={askedFor} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RenewalCheck({ check }: { check: DriverRecord['renewalCheck'] }) {
  return check.clear ? (
    <div className="renewal clear" data-testid="renewal-check" data-clear="true" role="status">
      <span className="renewal-mark" aria-hidden="true">✓</span>
      <div>
        <strong>Renewal check: clear.</strong> Nothing open on this record today.
      </div>
    </div>
  ) : (
    <div className="renewal blocked" data-testid="renewal-check" data-clear="false" role="status">
      <span className="renewal-mark" aria-hidden="true">!</span>
      <div>
        <strong>
          Renewal check: not clear — {check.open.length} open {check.open.length === 1 ? 'item' : 'items'}
        </strong>
        <ul>
          {check.open.map((o) => (
            <li key={o} data-testid="renewal-open-item">
              {o}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A driver's single record for renewal: the check first, then everything behind it. */
export function DriverRecordPanel({ personId, onPick, onOperator }: Props) {
  const [record, setRecord] = useState<DriverRecord | null | undefined>(undefined);
  const { loading, error, dismissError, run } = useLatestRequest();
  const [check, setCheck] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (personId) run((signal) => fetchDriverRecord(personId, signal), setRecord, 'The driver record could not be loaded.', () => setCheck((n) => n + 1));
  }, [personId, check, run]);

  useEffect(() => {
    if (record) heading.current?.focus();
  }, [record]);

  const shown = record && record.person.id === personId ? record : null;

  return (
    <div className="lic-section">
      <div className="lic-section-head">
        <h2>Driver record</h2>
        <p className="muted small">Every complaint and case in every state, notices and disclosures, and what stands in the way of a renewal today.</p>
      </div>
      <PersonSearch onPick={onPick} />
      <PanelError error={error} onDismiss={dismissError} />
      {!personId && <p className="empty-inline">Find a driver above, or open one from an operator’s page.</p>}
      {personId && loading && <Loading text="Loading the driver record…" />}
      {personId && !loading && record === null && <p className="empty-inline">No record for this person (children have none here).</p>}
      {shown && (
        <div className="lic-record" data-testid="driver-record" data-id={shown.person.id}>
          <div className="lic-title">
            <h2 ref={heading} tabIndex={-1} data-testid="driver-name">
              {shown.person.label}
            </h2>
            <span className="muted small mono">{shown.person.id}</span>
            {str(shown.person.properties.dob) && <span className="muted">born {day(str(shown.person.properties.dob))}</span>}
          </div>
          <EvidencePackAction personId={shown.person.id} personLabel={shown.person.label} defaultUse="licence_condition" />
          <RenewalCheck check={shown.renewalCheck} />
          {shown.flags.length > 0 && (
            <section className="lic-callout" data-testid="driver-flags" role="alert">
              <h3>Needs attention</h3>
              <ul className="lic-list plain">
                {shown.flags.map((f) => (
                  <li key={f}>⚠ {f}</li>
                ))}
              </ul>
            </section>
          )}

          <div className="lic-grid">
            <Block title="Licences" count={shown.licences.length} empty="Holds no licence." testId="driver-licences">
              <LicenceList licences={shown.licences} />
            </Block>
            <Block title="Operators driven for" count={shown.operators.length} empty="Has driven for no operator on record." testId="driver-operators">
              <ul className="lic-list plain">
                {shown.operators.map((s) => (
                  <li key={`${s.operator.id}-${s.from ?? ''}`}>
                    <button type="button" className="admin-link-button" onClick={() => onOperator(s.operator.id)} title="Open the operator's page">
                      {operatorName(s.operator).main}
                    </button>{' '}
                    <span className="small">{spell(s.from, s.to)}</span>
                  </li>
                ))}
              </ul>
            </Block>
          </div>

          <Block title="Cases" count={shown.cases.length} empty="No complaints or cases on record." testId="driver-cases">
            <ul className="lic-list">
              {shown.cases.map((c) => {
                const p = c.incident.properties;
                return (
                  <li key={c.incident.id} className={`lic-case status-${c.status}`} data-testid="driver-case" data-status={c.status}>
                    <div className="lic-row-head">
                      <span className="sg-date">{day(str(p.date))}</span>
                      <span className="sg-kind">{str(p.kind) ?? c.incident.kind}</span>
                      {str(p.type) && <span className="muted small">{str(p.type)}</span>}
                      <Status status={c.status} />
                      {c.status === 'with_police' && <span className="small warn-text">open until licensing decides</span>}
                      <span className="muted small mono">{c.incident.id}</span>
                    </div>
                    {str(p.summary) && <p className="lic-text">{str(p.summary)}</p>}
                    {c.flags.map((f) => (
                      <p key={f} className="small warn-text strong" data-testid="case-flag">
                        ⚠ {f}
                      </p>
                    ))}
                    <p className="muted small">
                      Why on this record: {c.via.join('; ')}
                      {str(p.outcome) ? ` · outcome: ${str(p.outcome)}` : ''}
                    </p>
                    {c.history.length > 0 && (
                      <p className="small lic-history">
                        History:{' '}
                        {c.history.map((h, i) => {
                          const [d, s] = h.split(':');
                          return (
                            <span key={`${h}-${i}`}>
                              {i > 0 && ' → '}
                              {day(d)} {s === 'with_police' ? 'with police' : s}
                            </span>
                          );
                        })}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Block>

          <DecisionsBlock decisions={shown.decisions} />

          <div className="lic-grid">
            <Block title="Notices" count={shown.notices.length} empty="No notices served on this person." testId="driver-notices">
              <ul className="lic-list plain">
                {shown.notices.map((n) => (
                  <li key={n.id} data-testid="driver-notice">
                    {(str(n.properties.kind) ?? 'notice').replace('_', ' ')} notice <span className="mono">{n.id}</span>, served {day(str(n.properties.servedOn))} ·{' '}
                    {str(n.properties.licensingNotifiedOn) ? (
                      <span>licensing told {day(str(n.properties.licensingNotifiedOn))}</span>
                    ) : (
                      <span className="warn-text strong">licensing was never told</span>
                    )}
                  </li>
                ))}
              </ul>
            </Block>
            <Block title="Disclosures to licensing" count={shown.disclosures.length} empty="No reports disclosed to licensing." testId="driver-disclosures">
              <ul className="lic-list plain">
                {shown.disclosures.map((r) => (
                  <li key={r.id}>
                    <span className="strong">{r.label}</span>{' '}
                    <span className="muted small">
                      {[day(str(r.properties.receivedOn)), str(r.properties.ownerAgency)].filter(Boolean).join(' · ')}
                    </span>
                    {str(r.properties.summary) && <div className="small">{str(r.properties.summary)}</div>}
                  </li>
                ))}
              </ul>
            </Block>
          </div>
        </div>
      )}
    </div>
  );
}
