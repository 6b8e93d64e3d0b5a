import type { Ranked } from '../../api/entities';
import { displayLabel, plural, readDetail } from './format';

interface Props {
  persons: Ranked[];
  selectedId: string | null;
  /** Select the person on the chart. */
  onSelect(id: string, label: string): void;
}

/** Routes shown before the rest fold away: a man party to twenty incidents would fill the panel. */
const ROUTES_SHOWN = 5;

function Routes({ routes }: { routes: string[] }) {
  const first = routes.slice(0, ROUTES_SHOWN);
  const rest = routes.slice(ROUTES_SHOWN);
  return (
    <>
      <ul className="sg-routes" aria-label="Routes">
        {first.map((route, i) => (
          <li key={i}>{route}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        // Opening the list is not a request to select the person on the chart.
        <details className="sg-more-routes" onClick={(e) => e.stopPropagation()}>
          <summary>{plural(rest.length, 'more route')}</summary>
          <ul className="sg-routes">
            {rest.map((route, i) => (
              <li key={i}>{route}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Persons linked to the child, strongest first; two or more independent routes make a composite flag. */
export function LinkedPersons({ persons, selectedId, onSelect }: Props) {
  if (persons.length === 0) {
    return <p className="muted">No one is linked to this child under the derived-link rules.</p>;
  }
  return (
    <ol className="sg-list sg-persons">
      {persons.map((r) => {
        const id = r.entity.id;
        const label = displayLabel(r.entity);
        const d = readDetail(r.detail);
        const score = Number.isFinite(r.score) ? Math.round(r.score * 100) / 100 : 0;
        const composite = score >= 2;
        const selected = selectedId === id;
        return (
          // The whole item selects (a big target); the button gives keyboard users the same. Its
          // click bubbles up to the item, so only the item handles it.
          <li
            key={id}
            data-testid="sg-linked-person"
            data-id={id}
            className={`sg-item${composite ? ' composite' : ''}${selected ? ' selected' : ''}`}
            onClick={() => onSelect(id, label)}
          >
            <div className="sg-person-head">
              <button type="button" className="sg-item-button" aria-pressed={selected} title="Select on the chart">
                {label}
              </button>
              <span className="sg-score" title="Number of independent routes to the child">
                {plural(score, 'route')}
              </span>
            </div>
            {composite && (
              <div className="sg-flag" data-testid="sg-composite">
                composite: {score} independent routes
                {d.routeKinds.length > 0 && <span className="sg-flag-kinds"> ({d.routeKinds.join(', ')})</span>}
              </div>
            )}
            {d.routes.length > 0 && <Routes routes={d.routes} />}
            {(d.otherChildren !== null || d.notices !== null) && (
              <div className="sg-facts">
                {d.otherChildren !== null &&
                  (d.otherChildren > 0 ? (
                    <span className="sg-fact warn">linked to {plural(d.otherChildren, 'other child', 'other children')}</span>
                  ) : (
                    <span className="sg-fact">no other children linked</span>
                  ))}
                {d.notices !== null && (
                  <span className={`sg-fact${d.notices > 0 ? ' warn' : ''}`}>
                    {d.notices > 0 ? plural(d.notices, 'notice') : 'no notices'}
                  </span>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
