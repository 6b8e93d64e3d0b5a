/**
 * A contested link's assessments side by side (issue 20 item 6): the reports behind it disagree
 * (one grades it A, B or C, another E), and both stand, each with who made it. data-testid:
 * contested-assessments.
 */
import type { Link } from '../../api/entities';
import { dayText } from '../../chart/withheld';
import './restrictions.css';

const GRADE: Record<string, string> = {
  A: 'A — known to be true',
  B: 'B — known personally to the source',
  C: 'C — corroborated',
  D: 'D — cannot be judged',
  E: 'E — suspected false or malicious',
};

export function ContestedAssessments({ link }: { link: Link }) {
  if (!link.contested || !link.assessments?.length) return null;
  return (
    <section className="contested" data-testid="contested-assessments" aria-label="Contested link">
      <p className="contested-head">
        <span className="contested-mark" aria-hidden="true" /> <strong>Contested:</strong> the reports behind this link disagree. Both
        assessments stand; a low grade never hides a link.
      </p>
      <table className="contested-table">
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Report</th>
            <th scope="col">Grade</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          {link.assessments.map((a) => (
            <tr key={a.reportId} className={a.intelGrade === 'E' ? 'contested-low' : 'contested-high'} data-testid="assessment">
              <td>{a.agency ?? 'unknown agency'}</td>
              <td>
                {a.reportId}
                {a.sourceType && <span className="muted small"> · {a.sourceType.replace(/_/g, ' ')}</span>}
              </td>
              <td title={GRADE[a.intelGrade ?? ''] ?? 'no grade'}>
                {a.sourceGrade ?? '?'}
                {a.intelGrade ?? '?'}
                <span className="muted small"> {GRADE[a.intelGrade ?? '']?.slice(4) ?? ''}</span>
              </td>
              <td>{dayText(a.receivedOn) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
