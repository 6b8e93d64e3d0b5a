/**
 * Handset entries (HAS_CONTACT.savedAs) that a typed nickname may be, however either is written:
 * the same word, another spelling ("Mohamed" for "Mohammed"), a short form ("Mo" for "Mohammed",
 * "Moe" for "Mo"), a sound-alike ("Mozz" for "Moz"), a typo. One lookup on the full-text index
 * `contact_saved_as_keys` over the keys stored with every entry (domain/names/keys.ts,
 * `contactKeys`), then each entry is explained again from its savedAs AS THE CALLER SEES IT
 * (likeness.ts): an entry found through a value the caller may not see is no finding.
 */
import { groupsOf } from '../../domain/names/equivalents.js';
import { soundCodes } from '../../domain/names/phonetic.js';
import { isInitial, nameWords } from '../../domain/names/words.js';
import { asWritten, bestLike, describeLike, typoEdits, weakestLike, type LikeHow } from './likeness.js';

/** What a nickname may match in a handset: no initials ("M" is no nickname of "Mo"). */
const NICKNAME_KINDS: readonly LikeHow[] = ['exact', 'variant', 'nickname', 'sounds', 'typo'];

/** Terms are our own key alphabet only (a tag letter, then letters and digits): nothing typed reaches Lucene's syntax. */
const KEY = /^[a-z][a-z0-9]+$/;

/**
 * The Lucene query over `savedAsKeys` for typed nickname words: every word must match one of its
 * keys. The saved word itself weighs most, then a spelling or a short form of the same name
 * (`g` keys, boosted), then sound codes; a typo is a fuzzy match on the word, for words of 4
 * letters and more. The index's relevance only orders which entries come back first (exact ones
 * first when there are many); the order the caller sees is worked out from what matched.
 */
export function contactQuery(words: string[]): string | null {
  const clauses = words.slice(0, 8).flatMap((word) => {
    const terms = [`w${word}^8`];
    if (!isInitial(word)) {
      const edits = typoEdits(word.length);
      if (edits && !/\d/.test(word)) terms.push(`w${word}~${edits}`);
      for (const g of groupsOf(word)) terms.push(`g${g}^4`);
      const { metaphone, dm } = soundCodes(word);
      for (const m of metaphone) terms.push(`m${m.toLowerCase()}^2`);
      for (const d of dm) terms.push(`d${d}^2`);
    }
    const safe = terms.filter((t) => KEY.test(t.replace(/[~^]\d+$/, '')));
    return safe.length ? [`+(${safe.join(' OR ')})`] : [];
  });
  return clauses.length ? clauses.join(' ') : null;
}

export interface HandsetMatch {
  how: LikeHow;
  /** For the analyst: 'saved as "Mozz 2": Mozz sounds like Moz'. */
  why: string;
}

/**
 * How a handset entry, as the caller sees it, matches the typed nickname; null when some typed
 * word matches none of its words (the entry came back through a value the caller may not see,
 * or through a fuzzy key that is no name match).
 */
export function handsetMatch(typed: string, savedAs: unknown): HandsetMatch | null {
  if (typeof savedAs !== 'string' || !savedAs.trim()) return null;
  const typedWords = [...new Set(nameWords(typed))];
  const savedWords = nameWords(savedAs);
  if (!typedWords.length || !savedWords.length) return null;
  const typedAs = asWritten(typed);
  const savedAsWritten = asWritten(savedAs);
  const parts: { how: LikeHow; text: string }[] = [];
  for (const w of typedWords) {
    const best = bestLike(w, savedWords, NICKNAME_KINDS);
    if (!best) return null;
    const written = (x: string) => (x === w ? typedAs.get(x) : savedAsWritten.get(x)) ?? x;
    parts.push({ how: best.how, text: best.how === 'exact' ? '' : describeLike(best.word, w, best.how, written) });
  }
  const how = weakestLike(parts.map((p) => p.how));
  const said = parts.map((p) => p.text).filter(Boolean);
  return { how, why: `saved as "${savedAs.trim()}"${said.length ? `: ${said.join(' · ')}` : ''}` };
}
