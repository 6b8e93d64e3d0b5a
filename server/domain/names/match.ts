/**
 * How one typed word matches one recorded word, from the strongest evidence to the weakest:
 * the same word, its start, another spelling of the same name, a word that sounds alike (a name
 * misspelt by ear: "Stefan" for "Stephen" is that, not a slip of the keyboard), a typo, a short
 * form (Bob for Robert), an initial. Name words get every kind; other words (streets, makes,
 * postcodes) only the same word, its start and a typo.
 */
import { distance } from 'fastest-levenshtein';
import { equivalence, isFullName, isKnownName, misspeltNames } from './equivalents.js';
import { soundAlike } from './phonetic.js';
import { isInitial } from './words.js';

export type MatchHow = 'exact' | 'prefix' | 'variant' | 'typo' | 'nickname' | 'sounds' | 'initial' | 'partial';

/** Strongest first. */
export const MATCH_ORDER: MatchHow[] = ['exact', 'prefix', 'variant', 'sounds', 'typo', 'nickname', 'initial', 'partial'];
export const RANK = Object.fromEntries(MATCH_ORDER.map((h, i) => [h, i])) as Record<MatchHow, number>;

/**
 * The score a hit is shown: from how it matched what the caller sees, never the index's own
 * relevance (whose term statistics count hidden records too).
 */
export const MATCH_SCORE: Record<MatchHow, number> = { exact: 40, prefix: 30, variant: 28, sounds: 24, typo: 22, nickname: 20, initial: 14, partial: 10 };
/** A typed date of birth that fits what is recorded lifts a hit; one that differs sinks it below any that fits. */
export const DATE_FITS_BONUS = 5;
export const DATE_DIFFERS_PENALTY = -20;

/** How the analyst reads each kind next to the word that matched. */
export const HOW_WORDS: Record<MatchHow, string> = {
  exact: 'exact',
  prefix: 'start of',
  variant: 'another spelling of',
  typo: 'typo of',
  nickname: 'short form of',
  sounds: 'sounds like',
  initial: 'initial of',
  partial: 'part of',
};

const within = (typed: string, stored: string) => {
  if (typed.length < 3) return false;
  // Lucene counts a swap of two letters as one edit, Levenshtein as two: one more is allowed.
  const edits = (typed.length >= 7 ? 2 : 1) + 1;
  return distance(typed, stored) <= edits;
};

/** How a typed word matches a recorded one (both already folded by nameWords), or null. */
export function wordMatch(typed: string, stored: string, isName: boolean): MatchHow | null {
  if (typed === stored) return 'exact';
  if (isName) {
    if (isInitial(typed)) return stored.startsWith(typed) ? 'initial' : null;
    if (isInitial(stored)) return typed.startsWith(stored) ? 'initial' : null;
  }
  const eq = isName ? equivalence(typed, stored) : null;
  // Two names the files know apart (Stephen and Stephanie, Daniel and Danielle, Patrick and
  // Patricia) are different names, however alike they sound or are spelt.
  if (isName && !eq && isFullName(typed) && isKnownName(stored)) return null;
  if (stored.startsWith(typed)) return 'prefix';
  if (eq === 'variant') return 'variant';
  // A short form before a typo or a sound: "Ezekiel" for a recorded Zeke is his name, not a slip.
  if (eq === 'nickname') return 'nickname';
  if (isName && soundAlike(typed, stored)) return 'sounds';
  if (within(typed, stored)) return 'typo';
  // A typo of a known name whose short form or other spelling is recorded ("Robret" for a Bobby).
  if (isName) {
    const through = misspeltNames(typed).map((n) => (n === stored ? 'variant' : equivalence(n, stored)));
    if (through.includes('variant')) return 'typo';
    if (through.includes('nickname')) return 'nickname';
  }
  return null;
}

export const weakest = (hows: MatchHow[]): MatchHow => hows.reduce((w, h) => (RANK[h] > RANK[w] ? h : w), 'exact' as MatchHow);

/**
 * Each typed word's match among a field's words, one recorded word per typed word, strongest
 * pairs first: in "G. Grindlow" the surname takes "Grindlow", so "G" must be the initial of
 * another name, not of Grindlow itself.
 */
export function assignWords(typed: string[], stored: string[], isName: boolean): ({ word: string; how: MatchHow } | null)[] {
  const pairs: { t: number; s: number; how: MatchHow }[] = [];
  for (const [t, tw] of typed.entries()) {
    for (const [s, sw] of stored.entries()) {
      const how = wordMatch(tw, sw, isName);
      if (how) pairs.push({ t, s, how });
    }
  }
  pairs.sort((a, b) => RANK[a.how] - RANK[b.how]);
  const out: ({ word: string; how: MatchHow } | null)[] = typed.map(() => null);
  const used = new Set<number>();
  for (const p of pairs) {
    if (out[p.t] || used.has(p.s)) continue;
    out[p.t] = { word: stored[p.s]!, how: p.how };
    used.add(p.s);
  }
  return out;
}
