import type { LicensingDecision } from '../../api/licensing';
import { str } from '../safeguarding/format';
import { Block, day } from './common';

const DONE: Record<string, string> = { grant: 'Granted', renew: 'Renewed', refuse: 'Refused', suspend: 'Suspended', revoke: 'Revoked', conditions: 'Conditions imposed' };

/**
 * Licensing decisions on the driver's (or operator's) licences, oldest first (issue 20 item 10): what
 * was decided, by whom, against which recommendation, the representations received, and what is
 * flagged (an overridden recommendation, a grant before the checks were complete).
 */
export function DecisionsBlock({ decisions }: { decisions: LicensingDecision[] }) {
  return (
    <Block title="Licensing decisions" count={decisions.length} empty="No licensing decision on record for these licences." testId="driver-decisions">
      <ul className="lic-list">
        {decisions.map((d) => (
          <li key={d.id} className="lic-concern" data-testid="driver-decision" data-id={d.id} data-flagged={d.flags.length > 0}>
            <div className="lic-row-head">
              <span className="sg-date">{day(d.decidedOn)}</span>
              <span className="sg-kind">{DONE[d.decision] ?? d.decision}</span>
              <span className="muted small">
                licence {str(d.licence.properties.number) ?? d.licence.label} · decided by {d.decisionMaker}
              </span>
              {d.legacy && <span className="muted small">(a licence event kept before decisions were recorded)</span>}
            </div>
            {d.flags.length > 0 && (
              <ul className="lic-list plain" data-testid="decision-flags">
                {d.flags.map((f) => (
                  <li key={f} className="warn-text">
                    ⚠ {f}
                  </li>
                ))}
              </ul>
            )}
            {d.reason && <p className="lic-text">{d.reason}</p>}
            {d.conditions && <p className="small">Conditions: {d.conditions}</p>}
            {d.recommendation && (
              <p className="small">
                Recommended: {d.recommendation}
                {d.recommendedBy ? ` (${d.recommendedBy})` : ''}
                {d.overridden ? ' — overridden' : ' — followed'}
              </p>
            )}
            {d.representations.length > 0 && (
              <div className="small">
                Representations received:
                <ul className="lic-list plain">
                  {d.representations.map((r) => (
                    <li key={r.id}>
                      {day(r.receivedOn)} · {r.madeBy} ({r.party}): {r.summary}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {d.history.length > 0 && <p className="small lic-history">History: {d.history.join(' → ')}</p>}
          </li>
        ))}
      </ul>
    </Block>
  );
}
