import type { SearchMatch } from '../api/search';
import { matchText } from '../components/searchResultText';
import { matchReason } from './matchReason';
import './MatchWhy.css';

/**
 * Why a search hit matched, under its name: "matched [name · sounds like] Garik sounds like Garrick ·
 * Grindlw typo of Grindlow ✓ born 1979 fits". The tag is bright for an exact name and muted, dashed,
 * for weak evidence (sounds like, nickname, initial, some words); a date that differs from the one
 * typed is a warning line of its own, recorded date first, so that the wrong man is not added.
 */
export function MatchWhy({ matched, query }: { matched: SearchMatch | null | undefined; /** The text these results answer: the server names typed words by place only. */ query: string }) {
  const reason = matchReason(matched, query);
  const how = matched ? matchText(matched) : null;
  if (!reason || !how) return null;
  return (
    <>
      <span className={`mw-line mw-${reason.strength}`} data-testid="search-result-why" data-strength={reason.strength} title={reason.line}>
        <span className="mw-matched">matched </span>
        <span className="mw-tag">{how}</span>
        {reason.wordParts.length > 0 && (
          <>
            {' '}
            <span className="mw-words">
              {reason.wordParts.map((part, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <span className="mw-part">{part}</span>
                </span>
              ))}
            </span>
          </>
        )}
        {reason.dateFits && (
          <>
            {' '}
            <span className="mw-date-fits" data-testid="search-result-date-fits">
              <span aria-hidden="true">✓ </span>
              {reason.dateFits}
            </span>
          </>
        )}
      </span>
      {reason.dateDiffers && (
        <span className="mw-date-differs" data-testid="search-result-date-differs" role="note">
          <span className="mw-warn" aria-hidden="true">
            ⚠
          </span>{' '}
          {reason.dateDiffers}
          <span className="mw-differs-hint"> — check before adding</span>
        </span>
      )}
    </>
  );
}
