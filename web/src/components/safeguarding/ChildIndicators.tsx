import { useEffect, useState } from 'react';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { fetchChildIndicators, type ChildIndicator, type ChildIndicators as Indicators, type ChildIndicatorsArgs } from '../../api/indicators';
import { formatDate } from './format';
import './ChildIndicators.css';

const STATUS_WORDS: Record<string, string> = { present: 'Shown', none_recorded: 'None recorded', not_known: 'Not known' };

function Indicator({ ind }: { ind: ChildIndicator }) {
  return (
    <li className={`ci-ind ci-${ind.status}`} data-testid="ci-indicator" data-key={ind.key} data-status={ind.status}>
      <details open={ind.status === 'present'}>
        <summary>
          <span className="ci-status">{STATUS_WORDS[ind.status] ?? ind.status}</span>
          <span>
            <span className="ci-title">{ind.title}</span> <span className="ci-summary">· {ind.summary}</span>
          </span>
        </summary>
        {ind.items.length > 0 && (
          <ul className="ci-items">
            {ind.items.map((item, i) => (
              <li key={i} data-testid="ci-item" data-held={item.held ? 'true' : undefined}>
                {item.date && <span className="ci-date">{formatDate(item.date)}</span>}
                <span className={item.held ? 'ci-held' : undefined}>{item.held ? `${item.text} — its content is not shared with your agency` : item.text}</span>
                <span className="ci-sources" data-testid="ci-sources">
                  {item.sources.length ? `Sources: ${item.sources.map((s) => s.label).join('; ')}` : 'No report recorded behind this'}
                </span>
              </li>
            ))}
          </ul>
        )}
        {ind.notKnown.map((line) => (
          <p key={line} className="ci-not-known" data-testid="ci-not-known">
            Not known: {line}
          </p>
        ))}
      </details>
    </li>
  );
}

/**
 * The child's indicators in the strategy-meeting panel: each warning sign with the facts and reports
 * behind it, and what is not known said in words, so that no record is not read as "no concern".
 */
export function ChildIndicators({ childId, purpose, asOf, openReason }: ChildIndicatorsArgs) {
  const [state, setState] = useState<{ loading: true } | { loading: false; data: Indicators } | { loading: false; error: string }>({ loading: true });
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ loading: true });
    fetchChildIndicators({ childId, purpose, asOf, openReason }, ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ loading: false, data }),
      (err: unknown) => {
        if (isAbort(err) || isUnauthenticated(err)) return;
        setState({ loading: false, error: describeError(err).message });
      },
    );
    return () => ctrl.abort();
  }, [childId, purpose, asOf, openReason, retry]);

  const present = 'data' in state ? state.data.indicators.filter((i) => i.status === 'present').length : 0;
  return (
    <section className="ci-panel" aria-label="Indicators" data-testid="ci-panel">
      <h3>Indicators{'data' in state ? ` (${present} of ${state.data.indicators.length} shown)` : ''}</h3>
      {state.loading ? (
        <p className="muted">Reading the indicators…</p>
      ) : 'error' in state ? (
        <p className="error-text" role="alert">
          The indicators could not be read: {state.error}{' '}
          <button type="button" onClick={() => setRetry((n) => n + 1)}>
            Try again
          </button>
        </p>
      ) : (
        <ul className="ci-list">
          {state.data.indicators.map((ind) => (
            <Indicator key={ind.key} ind={ind} />
          ))}
        </ul>
      )}
    </section>
  );
}
