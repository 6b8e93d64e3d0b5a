import { useEffect, useRef, useState } from 'react';
import { describeError, isAbort, searchEntities, type Entity, type SearchHit } from '../api';
import { kindStyle } from '../chart/kinds';
import { KindBadge } from './KindBadge';

interface Props {
  onPick(entity: Entity): void;
  /** Search failures go to the app's error banner, with a retry. */
  onError(err: unknown, retry: () => void): void;
}

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;

/** The server scores exact identifier matches 100 and partial ones 50, above any text-match score. */
function scoreText(score: number): string {
  if (score >= 100) return 'exact';
  if (score >= 50) return 'partial';
  return score.toFixed(2);
}

/**
 * Search as you type (debounced), arrow keys to move, Enter to add the highlighted result to the
 * chart, Escape to close. Each keystroke cancels the previous request so a stale answer never
 * replaces a newer one.
 */
export function SearchBox({ onPick, onError }: Props) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [answeredFor, setAnsweredFor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // The failure is also in the app's error banner, but the open list covers that, so say it here too.
  const [failed, setFailed] = useState<{ message: string; code?: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
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

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit.entity);
    setOpen(false);
  };

  const showList = open && q.length >= MIN_CHARS;
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
            if (showList && current) pick(hits[active]);
          } else if (e.key === 'Escape') {
            if (showList) setOpen(false);
            else setText('');
          }
        }}
      />
      {busy && <span className="search-busy" role="status" aria-label="Searching" />}
      {showList && (
        <ul className="search-results" id="search-results" role="listbox" ref={list}>
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
          {hits.map((h, i) => (
            <li
              key={h.entity.id}
              id={`search-hit-${i}`}
              data-testid="search-result"
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              // mousedown, not click: the input keeps focus and its blur does not close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <KindBadge kind={h.entity.kind} />
              <span className="hit-label">{h.entity.label}</span>
              <span className="hit-kind">{kindStyle(h.entity.kind).key === 'other' ? h.entity.kind : kindStyle(h.entity.kind).name}</span>
              <span className="hit-score" title={`Relevance ${h.score}`}>
                {scoreText(h.score)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
