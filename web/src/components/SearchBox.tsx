import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Entity } from '../api/entities';
import { describeError, isAbort } from '../api/errors';
import { searchEntities, type SearchResult } from '../api/search';
import { kindStyle } from '../chart/kinds';
import { KindBadge } from './KindBadge';
import { MatchWhy } from '../search/MatchWhy';
import { contextParts } from './searchResultText';
import './SearchBox.css';

interface Props {
  onPick(entity: Entity): void;
  /** Shift+Enter (or Shift+click): add the result with its neighbours. Without it, Shift+Enter adds the result alone. */
  onPickWithNeighbours?(entity: Entity): void;
  /** Search failures go to the app's error banner, with a retry. */
  onError(err: unknown, retry: () => void): void;
  /** Whether an entity is on the chart already (the row says so: adding it again only selects it). */
  isOnChart?(id: string): boolean;
  /** The box it sits in on the chart (an operation's disposition: "Convicted"), if any. */
  boxOf?(id: string): string | null;
}

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;
/** The list is wider than the box: a full name and the facts that tell people apart must fit. */
const LIST_WIDTH = 520;
const EDGE = 8;

interface Place {
  left: number;
  top: number;
  width: number;
  maxHeight: number;
}

/** Where the list goes: under the box, as wide as LIST_WIDTH allows, kept inside the window. */
function placeUnder(input: HTMLElement): Place {
  const r = input.getBoundingClientRect();
  const width = Math.min(Math.max(LIST_WIDTH, r.width), window.innerWidth - 2 * EDGE);
  const left = Math.max(EDGE, Math.min(r.left, window.innerWidth - width - EDGE));
  const top = r.bottom + 4;
  return { left, top, width, maxHeight: Math.max(160, window.innerHeight - top - 16) };
}

const kindName = (kind: string) => (kindStyle(kind).key === 'other' ? kind : kindStyle(kind).name);

/**
 * Search as you type (debounced). Each result shows the full label, its kind, what matched and the
 * facts that tell it from others of the same name (born, address, phone, vehicle, aliases), in a
 * list that overlays the chart. Arrow keys move, Enter adds to the chart, Shift+Enter adds with
 * neighbours, Escape closes. Each keystroke cancels the previous request so a stale answer never
 * replaces a newer one.
 */
export function SearchBox(p: Props) {
  const { onPick, onPickWithNeighbours, onError } = p;
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchResult[]>([]);
  const [answeredFor, setAnsweredFor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // The failure is also in the app's error banner, but the open list covers that, so say it here too.
  const [failed, setFailed] = useState<{ message: string; code?: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [place, setPlace] = useState<Place | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const q = text.trim();

  useEffect(() => {
    if (q.length < MIN_CHARS) {
      setHits([]);
      setAnsweredFor(null);
      setBusy(false);
      setFailed(null);
      return;
    }
    const ctrl = new AbortController();
    setBusy(true);
    const timer = window.setTimeout(() => {
      searchEntities(q, 20, ctrl.signal)
        .then((r) => {
          setHits(r);
          setAnsweredFor(q);
          setActive(0);
          setFailed(null);
          setOpen(true);
        })
        .catch((e: unknown) => {
          if (isAbort(e)) return;
          setFailed(describeError(e));
          setHits([]);
          setAnsweredFor(q);
          onErrorRef.current(e, () => setAttempt((a) => a + 1));
        })
        .finally(() => {
          if (!ctrl.signal.aborted) setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, attempt]);

  // "/" focuses the search box from anywhere, as in most analyst tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'SELECT' && tag !== 'TEXTAREA') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Keep the highlighted result visible when moving with the arrow keys through a long list.
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const showList = open && q.length >= MIN_CHARS;

  // The list is placed in the window (position: fixed), so no narrow box or clipping parent limits it.
  useLayoutEffect(() => {
    if (!showList || !input.current) return;
    const update = () => input.current && setPlace(placeUnder(input.current));
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [showList]);

  const pick = (hit: SearchResult | undefined, withNeighbours: boolean) => {
    if (!hit) return;
    if (withNeighbours && onPickWithNeighbours) onPickWithNeighbours(hit.entity);
    else onPick(hit.entity);
    setOpen(false);
  };

  const current = answeredFor === q;
  return (
    <div className="search">
      <input
        ref={input}
        data-testid="search-input"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `search-hit-${active}` : undefined}
        aria-describedby={showList ? 'search-keys' : undefined}
        placeholder="Search a name, phone number, registration or address   ( / )"
        aria-label="Search the graph"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (showList && current) pick(hits[active], e.shiftKey);
          } else if (e.key === 'Escape') {
            if (showList) setOpen(false);
            else setText('');
          }
        }}
      />
      {busy && <span className="search-busy" role="status" aria-label="Searching" />}
      {showList && place && (
        <div className="sr-panel" style={{ left: place.left, top: place.top, width: place.width, maxHeight: place.maxHeight }} data-testid="search-panel">
          <ul className="sr-list" id="search-results" role="listbox" aria-label="Search results" ref={list}>
            {busy && !current && <li className="search-note">Searching…</li>}
            {failed && current && (
              <li className="search-note error" role="alert">
                The search failed: {failed.message}
                {failed.code && <code className="error-code">{failed.code}</code>}
              </li>
            )}
            {!busy && !failed && current && hits.length === 0 && (
              <li className="search-note">Nothing found for “{q}”. Try part of the name, or the number without spaces.</li>
            )}
            {hits.map((h, i) => {
              const facts = h.context ? contextParts(h.context, h.entity.kind) : [];
              return (
                <li
                  key={h.entity.id}
                  id={`search-hit-${i}`}
                  data-testid="search-result"
                  data-entity-id={h.entity.id}
                  role="option"
                  aria-selected={i === active}
                  className={`sr-row${i === active ? ' active' : ''}${h.matched?.dates === 'differs' ? ' sr-differs' : ''}`}
                  // On a real move only: a list opening under a resting pointer must not move the choice.
                  onMouseMove={() => i !== active && setActive(i)}
                  // mousedown, not click: the input keeps focus and its blur does not close the list first.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(h, e.shiftKey);
                  }}
                >
                  <KindBadge kind={h.entity.kind} />
                  <div className="sr-body">
                    <div className="sr-head">
                      <span className="sr-label" data-testid="search-result-label">
                        {h.entity.label}
                      </span>
                      {p.isOnChart?.(h.entity.id) && (
                        <span className="sr-on-chart" data-testid="search-result-on-chart" title="Already on the chart: choosing it selects it there">
                          on chart{p.boxOf?.(h.entity.id) ? ` · ${p.boxOf(h.entity.id)}` : ''}
                        </span>
                      )}
                      <span className="sr-kind">{kindName(h.entity.kind)}</span>
                    </div>
                    {facts.length > 0 && (
                      <div className="sr-facts">
                        {facts.map((f) => (
                          <span key={f.what} className={`sr-fact sr-${f.what.replace(/\s+/g, '-')}`} title={f.what}>
                            <span className="sr-what">{f.what}</span> {f.text}
                          </span>
                        ))}
                      </div>
                    )}
                    <MatchWhy matched={h.matched} query={answeredFor ?? ''} />
                    {typeof h.entity.properties?.restrictionId === 'string' && (
                      <div className="sr-restricted muted small" data-testid="search-result-restricted">
                        Restricted: only its existence is shown. Choose it to see whom to contact and to request access.
                      </div>
                    )}
                    {h.restrictedNearby?.map((r) => (
                      <div key={r.restrictionId} className="sr-restricted muted small" data-testid="search-result-restricted">
                        Linked to a restricted record: {r.flag.replace(/^1 item /, '')}. Contact {r.contact} before acting; choose it to request access.
                      </div>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="sr-keys" id="search-keys">
            <kbd>↑</kbd>
            <kbd>↓</kbd> choose · <kbd>Enter</kbd> add to chart
            {onPickWithNeighbours && (
              <>
                {' '}
                · <kbd>Shift</kbd>+<kbd>Enter</kbd> add with neighbours
              </>
            )}{' '}
            · <kbd>Esc</kbd> close
          </div>
        </div>
      )}
    </div>
  );
}
