import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchOperatorProfile, fetchSuccessors, type AsOfBasis, type OperatorProfile, type SuccessorFinding } from '../../api/licensing';
import { AsOfBasisField } from './AsOfBasisField';
import { str } from '../safeguarding/format';
import { Block, day, LicenceList, Loading, operatorName, PanelError, spell, Status, useLatestRequest } from './common';
import { SignalList } from './SuccessorsPanel';

interface Props {
  operatorId: string;
  asOf: string;
  onBack(): void;
  onDriver(personId: string): void;
  onOperator(operatorId: string): void;
}

/** One operator: licences, who runs it, drivers, vehicles, base, phones, concerns; successor links. */
export function OperatorPage({ operatorId, asOf, onBack, onDriver, onOperator }: Props) {
  const [profile, setProfile] = useState<OperatorProfile | null | undefined>(undefined);
  const [successors, setSuccessors] = useState<SuccessorFinding[] | null>(null);
  const { loading, error, dismissError, run } = useLatestRequest(true);
  const [check, setCheck] = useState(0);
  // "Happened by" the date or "known to licensing by" it (issue 20 item 9).
  const [basis, setBasis] = useState<AsOfBasis>('HAPPENED');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    run(
      (signal) => Promise.all([fetchOperatorProfile(operatorId, asOf, signal, basis), fetchSuccessors(operatorId, signal)]),
      ([p, s]) => {
        setProfile(p);
        setSuccessors(s);
      },
      'The operator page could not be loaded.',
      () => setCheck((n) => n + 1),
    );
  }, [operatorId, asOf, basis, check, run]);

  // Keyboard users land on the page's heading once it is there.
  useEffect(() => {
    if (profile) heading.current?.focus();
  }, [profile]);

  const back = useCallback(() => onBack(), [onBack]);
  const name = profile ? operatorName(profile.operator) : null;
  const operatorLicences = profile?.licences ?? [];

  return (
    <div className="lic-section" data-testid="operator-page" data-id={operatorId}>
      <div className="lic-page-nav">
        <button type="button" onClick={back} data-testid="operator-back">
          ← All operators
        </button>
        <span className="muted small">As of {asOf ? day(asOf) : 'today'}</span>
        <AsOfBasisField id="operator-basis" value={basis} onChange={setBasis} />
      </div>
      <PanelError error={error} onDismiss={dismissError} />
      {loading && <Loading text="Loading the operator…" />}
      {!loading && profile === null && <p className="empty-inline">No operator with id {operatorId}.</p>}
      {profile && name && (
        <>
          <div className="lic-title">
            <h2 ref={heading} tabIndex={-1} data-testid="operator-name">
              {name.main}
            </h2>
            {name.sub && <span className="muted">{name.sub}</span>}
            <span className="muted small mono">{profile.operator.id}</span>
            {operatorLicences
              .filter((l) => l.properties.kind === 'operator')
              .map((l) => (
                <span key={l.id} className="lic-licence-head">
                  operator licence <Status status={str(l.properties.status)} />
                </span>
              ))}
          </div>
          <p className="lic-facts" data-testid="operator-facts">
            <b>{profile.concerns.length}</b> concerns · <b>{profile.drivers.length}</b> drivers · <b>{profile.vehicles.length}</b> vehicles ·{' '}
            <b>{profile.drivers.reduce((n, d) => n + d.notices, 0)}</b> notices on drivers · <b>{profile.concerns.filter((c) => c.meetings.length > 0).length}</b>{' '}
            concerns raised at meetings
            {' · '}
            <span data-testid="operator-known-since">
              {profile.knownToLicensingOn ? (
                <>
                  first concern known to licensing on <b>{day(profile.knownToLicensingOn)}</b>
                </>
              ) : (
                'no concern was ever shared with licensing'
              )}
            </span>
          </p>

          {profile.flags.length > 0 && (
            <section className="lic-callout" data-testid="operator-flags" role="alert">
              <h3>Needs attention</h3>
              <ul className="lic-list plain">
                {profile.flags.map((f) => (
                  <li key={f}>⚠ {f}</li>
                ))}
              </ul>
            </section>
          )}

          {successors && successors.length > 0 && (
            <section className="lic-callout" data-testid="operator-successors">
              <h3>Successor links</h3>
              {successors.map((f) => {
                const isSuccessor = f.operator.id === operatorId;
                const other = isSuccessor ? f.predecessor : f.operator;
                return (
                  <div key={`${f.operator.id}<${f.predecessor.id}`} className="lic-callout-item">
                    <p>
                      {isSuccessor ? 'Looks like a successor of ' : 'May be carried on by '}
                      <button type="button" className="admin-link-button" onClick={() => onOperator(other.id)}>
                        {operatorName(other).main}
                      </button>{' '}
                      ({isSuccessor ? 'whose' : 'this operator’s'} licence was {f.predecessorStatus}
                      {f.predecessorEndedOn ? ` on ${day(f.predecessorEndedOn)}` : ''}) — {f.signals.length} signals:
                    </p>
                    <SignalList signals={f.signals} />
                  </div>
                );
              })}
            </section>
          )}

          <div className="lic-grid">
            <Block title="Drivers" count={profile.drivers.length} empty="No drivers on record." testId="operator-drivers">
              <table className="admin-table lic-table compact">
                <thead>
                  <tr>
                    <th scope="col">Driver</th>
                    <th scope="col">Drove for it</th>
                    <th scope="col">Licence</th>
                    <th scope="col" className="num">Notices</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.drivers.map((d) => (
                    <tr key={`${d.person.id}-${d.from ?? ''}`} data-testid="operator-driver" data-id={d.person.id}>
                      <td>
                        <button type="button" className="admin-link-button" onClick={() => onDriver(d.person.id)} title="Open this driver's record">
                          {d.person.label}
                        </button>
                      </td>
                      <td className="small">{spell(d.from, d.to)}</td>
                      <td>
                        <Status status={d.licenceStatus} />
                        {d.flags.length > 0 && (
                          <span className="sg-fact hot" data-testid="operator-driver-flag" title={d.flags.join('\n')}>
                            ⚠ no valid licence
                          </span>
                        )}
                      </td>
                      <td className={`num${d.notices > 0 ? ' hot' : ''}`}>{d.notices}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Block>

            <Block title="Vehicles" count={profile.vehicles.length} empty="No vehicles on record." testId="operator-vehicles">
              <ul className="lic-list plain">
                {profile.vehicles.map((v) => (
                  <li key={`${v.entity.id}-${v.from ?? ''}`}>
                    <span className="mono strong">{v.entity.label}</span>{' '}
                    <span className="muted">{[str(v.entity.properties.colour), str(v.entity.properties.make), str(v.entity.properties.model)].filter(Boolean).join(' ')}</span>{' '}
                    <span className="small">{spell(v.from, v.to)}</span>
                  </li>
                ))}
              </ul>
            </Block>

            <Block title="Licences" count={profile.licences.length} empty="No licences on record." testId="operator-licences">
              <LicenceList licences={profile.licences} />
            </Block>

            <Block title="Who runs it" count={profile.people.length} empty="Nobody recorded." testId="operator-people">
              <ul className="lic-list plain">
                {profile.people.map((x) => (
                  <li key={`${x.entity.id}-${x.role ?? ''}`}>
                    <button type="button" className="admin-link-button" onClick={() => onDriver(x.entity.id)} title="Open this person's record">
                      {x.entity.label}
                    </button>{' '}
                    <span className="muted">{(x.role ?? 'runs it').replace('_', ' ')}</span> <span className="small">{spell(x.from, x.to)}</span>
                  </li>
                ))}
              </ul>
            </Block>

            <Block title="Base" count={profile.bases.length} empty="No base recorded." testId="operator-bases">
              <ul className="lic-list plain">
                {profile.bases.map((b) => (
                  <li key={`${b.entity.id}-${b.from ?? ''}`}>
                    {b.entity.label} <span className="small">{spell(b.from, b.to)}</span>
                  </li>
                ))}
              </ul>
            </Block>

            <Block title="Phones" count={profile.phones.length} empty="No phones recorded." testId="operator-phones">
              <ul className="lic-list plain">
                {profile.phones.map((ph) => (
                  <li key={ph.entity.id}>
                    <span className="mono">{ph.entity.label}</span> <span className="muted">{ph.role}</span>
                  </li>
                ))}
              </ul>
            </Block>
          </div>
          <Block title="Concerns" count={profile.concerns.length} empty="No concerns on record for this operator." testId="operator-concerns">
            <ul className="lic-list">
              {profile.concerns.map((c) => {
                const p = c.incident.properties;
                return (
                  <li key={c.incident.id} className="lic-concern" data-testid="operator-concern">
                    <div className="lic-row-head">
                      <span className="sg-date">{day(str(p.date))}</span>
                      <span className="sg-kind">{str(p.kind) ?? c.incident.kind}</span>
                      {str(p.type) && <span className="muted small">{str(p.type)}</span>}
                      <Status status={str(p.status)} />
                      {(c.children ?? 0) > 0 && <span className="sg-fact">{c.children === 1 ? '1 child' : `${c.children} children`} concerned</span>}
                    </div>
                    {str(p.summary) && <p className="lic-text">{str(p.summary)}</p>}
                    <p className="muted small">
                      On this operator’s record because: {c.via.join('; ')}
                      {str(p.outcome) ? ` · outcome: ${str(p.outcome)}` : ''}
                      {' · '}
                      {c.knownToLicensingOn ? `known to licensing on ${day(c.knownToLicensingOn)}` : 'never shared with licensing'}
                    </p>
                    {c.meetings.length > 0 && (
                      <p className="small">
                        Raised at: {c.meetings.map((m) => `${m.label}${str(m.properties.date) && !m.label.includes(String(m.properties.date)) ? ` (${day(str(m.properties.date))})` : ''}`).join('; ')}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Block>
        </>
      )}
    </div>
  );
}
