import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../../api/errors';
import { fetchChildActions, type MeetingAction } from '../../api/meetings';
import { ActionList } from './ActionList';

/**
 * The child's open actions in the strategy-meeting view: every open action about the child (an
 * item of it, or agreed at a meeting that discussed her), overdue first. Mounted by one line in
 * SafeguardingView; updates happen on the Meetings screen.
 */
export function ChildActions({ childId }: { childId: string }) {
  const [actions, setActions] = useState<MeetingAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    setActions(null);
    setError(null);
    fetchChildActions(childId, ctrl.signal).then(
      (list) => setActions([...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn))),
      (e: unknown) => !isAbort(e) && setError(describeError(e).message),
    );
    return () => ctrl.abort();
  }, [childId]);
  const overdue = actions?.filter((a) => a.overdue).length ?? 0;
  return (
    <section className="mtg-child-actions" data-testid="child-actions" aria-label="Open actions">
      <h3>
        Open actions ({actions?.length ?? '…'}){overdue > 0 && <span className="status-pill tone-bad small"> {overdue} overdue</span>}
      </h3>
      {error && <p className="error-text" role="alert">The open actions could not be read: {error}</p>}
      {!actions && !error && <p className="muted small">Reading the open actions…</p>}
      {actions && (
        <ActionList
          actions={actions}
          editable={false}
          showMeeting
          empty="No open action about this child (actions show for children on your list; record them on the Meetings screen)."
        />
      )}
    </section>
  );
}
