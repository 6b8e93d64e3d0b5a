import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../api/errors';
import { gradeText, reportInfo, type ReportInfo } from '../chart/grades';
import { fetchProvenance } from '../api/graph';

export interface ReportsState {
  byId: Map<string, ReportInfo>;
  loading: boolean;
  error: string | null;
}

/** The reports behind the given ids and those mentioning `entityId`, fetched when they change. */
export function useReports(reportIds: string[], entityId: string | null, enabled: boolean): ReportsState {
  const key = `${entityId ?? ''}|${reportIds.join(',')}`;
  const [state, setState] = useState<ReportsState>({ byId: new Map(), loading: false, error: null });
  useEffect(() => {
    if (!enabled || (!reportIds.length && !entityId)) {
      setState({ byId: new Map(), loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    fetchProvenance({ reportIds: reportIds.slice(0, 2000), ...(entityId ? { entityId } : {}) }, ctrl.signal).then(
      (list) => setState({ byId: new Map(list.map((e) => [e.id, reportInfo(e)])), loading: false, error: null }),
      (err: unknown) => {
        if (!isAbort(err)) setState({ byId: new Map(), loading: false, error: describeError(err).message });
      },
    );
    return () => ctrl.abort();
    // `key` stands for the ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);
  return state;
}

const GRADE_WORDS: Record<string, string> = {
  '1': 'reliable source',
  '2': 'untested source',
  '3': 'not reliable source',
  A: 'known true',
  B: 'known to source',
  C: 'corroborated',
  D: 'cannot be judged',
  E: 'suspected false',
};

/** Reports as an analyst reads them: reference, 3x5x2 grading, date received, source type, owner. */
export function ReportList({ reports, emptyText }: { reports: ReportInfo[]; emptyText: string }) {
  if (!reports.length) return <p className="muted small">{emptyText}</p>;
  return (
    <ul className="reports" data-testid="report-list">
      {reports.map((r) => (
        <li key={r.id} className={r.withheld ? 'report withheld' : 'report'} data-testid="report" data-grade={gradeText(r)}>
          <div className="report-head">
            <span className={`grade grade-${r.intelGrade ?? 'x'}`} title={r.withheld ? 'Handled under conditions by another agency' : `${GRADE_WORDS[String(r.sourceGrade)] ?? ''}, ${GRADE_WORDS[r.intelGrade ?? ''] ?? ''}, handling ${r.handling}`}>
              {gradeText(r)}
            </span>
            <span className="report-ref">{r.label}</span>
            {r.receivedOn && <span className="muted small">received {r.receivedOn}</span>}
          </div>
          {!r.withheld && (
            <div className="muted small">
              {r.sourceType ?? 'unknown source'}
              {r.ownerAgency && <> · held by {r.ownerAgency}</>}
            </div>
          )}
          {r.summary && <div className="report-summary">{r.summary}</div>}
        </li>
      ))}
    </ul>
  );
}

/** Reports in `ids` order (oldest first when unknown), from a fetched map. */
export function pick(byId: Map<string, ReportInfo>, ids: string[]): ReportInfo[] {
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is ReportInfo => !!r)
    .sort((a, b) => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? ''));
}
