import { useEffect, useRef } from 'react';
import './PathRoutes.css';
import { DEFAULT_PATH_CHOICE, LINK_GROUPS, evidentialTypes, linkWords, toggleTypes, type PathChoice } from '../chart/pathScope';

/**
 * Which links paths and connecting networks follow: the chart's filters (default), or link types
 * ticked in groups. data-testids: path-scope-filters, path-scope-chosen, path-scope-text,
 * path-group (data-group), path-type (data-type).
 */
export function PathScopeChoice({ choice, onChange, filtersText }: { choice: PathChoice; onChange(c: PathChoice): void; filtersText: string }) {
  const chosen = choice.mode === 'chosen' ? choice.linkTypes : null;
  return (
    <fieldset className="path-scope">
      <legend>Links to follow</legend>
      <label className="check">
        <input type="radio" name="path-scope" data-testid="path-scope-filters" checked={!chosen} onChange={() => onChange(DEFAULT_PATH_CHOICE)} />
        <span>
          Use chart filters <span className="muted small" data-testid="path-scope-text">— {filtersText}</span>
        </span>
      </label>
      <label className="check">
        <input type="radio" name="path-scope" data-testid="path-scope-chosen" checked={!!chosen} onChange={() => onChange({ mode: 'chosen', linkTypes: evidentialTypes() })} />
        <span>Choose link types</span>
      </label>
      {chosen && (
        <div className="path-groups">
          {LINK_GROUPS.map((g) => (
            <GroupChoice key={g.name} name={g.name} types={g.types} chosen={chosen} onChange={(linkTypes) => onChange({ mode: 'chosen', linkTypes })} />
          ))}
          {!chosen.length && <p className="muted small">Tick at least one kind of link.</p>}
        </div>
      )}
    </fieldset>
  );
}

function GroupChoice({ name, types, chosen, onChange }: { name: string; types: readonly string[]; chosen: string[]; onChange(types: string[]): void }) {
  const on = types.filter((t) => chosen.includes(t)).length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = on > 0 && on < types.length;
  }, [on, types.length]);
  return (
    <div className="path-group" data-testid="path-group" data-group={name}>
      <label className="check path-group-name">
        <input ref={box} type="checkbox" checked={on === types.length} onChange={(e) => onChange(toggleTypes(chosen, types, e.target.checked))} />
        {name}
      </label>
      <div className="path-types">
        {types.map((t) => (
          <label key={t} className="check small" title={t}>
            <input type="checkbox" data-testid="path-type" data-type={t} checked={chosen.includes(t)} onChange={(e) => onChange(toggleTypes(chosen, [t], e.target.checked))} />
            {linkWords(t)}
          </label>
        ))}
      </div>
    </div>
  );
}

/**
 * "3 routes" after a path search, stepped through one at a time (‹ ›) or all marked at once.
 * data-testids: path-routes, route-count, route-prev, route-next, route-all, route-item (data-index).
 */
export function RouteStepper({ routes, index, onIndex }: { routes: string[]; index: number | null; onIndex(i: number | null): void }) {
  const n = routes.length;
  const step = (d: number) => onIndex(index === null ? (d > 0 ? 0 : n - 1) : (index + d + n) % n);
  return (
    <div className="path-routes" data-testid="path-routes">
      <div className="route-bar">
        <strong data-testid="route-count">{n === 1 ? '1 route' : `${n} routes`}</strong>
        {n > 1 && (
          <>
            <span className="muted small">{index === null ? 'all marked' : `route ${index + 1} of ${n}`}</span>
            <span className="route-buttons">
              <button data-testid="route-prev" onClick={() => step(-1)} aria-label="Previous route">
                ‹
              </button>
              <button data-testid="route-next" onClick={() => step(1)} aria-label="Next route">
                ›
              </button>
              <button data-testid="route-all" disabled={index === null} onClick={() => onIndex(null)}>
                All
              </button>
            </span>
          </>
        )}
      </div>
      <ol className="route-list">
        {routes.map((r, i) => (
          <li key={i} data-testid="route-item" data-index={i} className={index === i ? 'current' : ''} onClick={() => onIndex(index === i ? null : i)}>
            {r}
          </li>
        ))}
      </ol>
    </div>
  );
}
