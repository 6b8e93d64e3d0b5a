/**
 * How two name words written differently are one name, for the questions about people that are
 * not a search: who a handset nickname is (whoIs) and which persons may be one (duplicates). The
 * words come from the values the caller sees; the same data as search (domain/names/), with two
 * differences from search's per-word match (match.ts), because neither side here is text an
 * analyst is still typing:
 * - no 'prefix': "Moz" is not the start of "Mozart", and "Marlow" / "Marlowe" is a spelling;
 * - a spelling that sounds the same is said to sound alike rather than be a typo ("Mozz" sounds
 *   like "Moz"); 'typo' is kept for a slip that changes the sound, and counts one edit (a swap of
 *   two letters is one) for words of 4 to 6 letters, two from 7: three-letter nicknames one letter
 *   apart ("Taz", "Jaz") are different names;
 * - a sound-alike must also be spelt alike (at most half its letters changed): sound codes keep
 *   mostly consonants, and "Jane" is not "John" however alike they are coded.
 * Strongest first: exact, another spelling, a short form, a sound-alike, a typo, an initial.
 */
import { equivalence, nameGroups } from '../../domain/names/equivalents.js';
import { soundAlike } from '../../domain/names/phonetic.js';
import { isInitial, nameWords } from '../../domain/names/words.js';
import { HOW_WORDS, type MatchHow } from '../../domain/names/match.js';

export type LikeHow = Extract<MatchHow, 'exact' | 'variant' | 'nickname' | 'sounds' | 'typo' | 'initial'>;

export const LIKE_ORDER: LikeHow[] = ['exact', 'variant', 'nickname', 'sounds', 'typo', 'initial'];
export const LIKE_RANK = Object.fromEntries(LIKE_ORDER.map((h, i) => [h, i])) as Record<LikeHow, number>;

export const weakestLike = (hows: LikeHow[]): LikeHow => hows.reduce((w, h) => (LIKE_RANK[h] > LIKE_RANK[w] ? h : w), 'exact' as LikeHow);

/** Edits between two words, a swap of neighbouring letters counting one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Edits a typo may make in a word of this length (0: too short for one). */
export const typoEdits = (length: number) => (length >= 7 ? 2 : length >= 4 ? 1 : 0);

function isTypo(a: string, b: string): boolean {
  const edits = typoEdits(Math.min(a.length, b.length));
  return edits > 0 && !/\d/.test(a + b) && editDistance(a, b) <= edits;
}

/** How two folded name words (nameWords) are one name, or null; symmetric. */
export function likeWords(a: string, b: string): LikeHow | null {
  if (a === b) return 'exact';
  if (isInitial(a) || isInitial(b)) return (isInitial(a) ? b.startsWith(a) : a.startsWith(b)) ? 'initial' : null;
  const eq = equivalence(a, b);
  if (eq === 'variant') return 'variant';
  if (eq === 'nickname') return 'nickname';
  if (soundAlike(a, b) && editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 2))) return 'sounds';
  if (isTypo(a, b)) return 'typo';
  return null;
}

/** The best of `words` for `word` among the kinds allowed, or null. */
export function bestLike(word: string, words: string[], allowed: readonly LikeHow[] = LIKE_ORDER): { word: string; how: LikeHow } | null {
  let best: { word: string; how: LikeHow } | null = null;
  for (const w of words) {
    const how = likeWords(word, w);
    if (how && allowed.includes(how) && (!best || LIKE_RANK[how] < LIKE_RANK[best.how])) best = { word: w, how };
    if (best?.how === 'exact') break;
  }
  return best;
}

/** Each folded word of a text with the word as written ("oneill" → "O'Neill"). */
export function asWritten(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const piece of text.split(/[\s,;-]+/)) for (const w of nameWords(piece)) if (!out.has(w)) out.set(w, piece.replace(/[.,]$/, ''));
  return out;
}

const isShortForm = (w: string) => {
  const g = nameGroups();
  return g.nicknameOf.has(w) && !g.variantOf.has(w);
};

/**
 * One word pair in words, as written: "Steven sounds like Stephen", "Mo short form of Mohammed",
 * "S initial of Stephen". `a` is read first unless the kind has a direction (the short form, the
 * initial is named first).
 */
export function describeLike(a: string, b: string, how: LikeHow, written: (w: string) => string = (w) => w): string {
  let [x, y] = [a, b];
  if (how === 'nickname') {
    if (isShortForm(a) && isShortForm(b)) return `${written(a)} and ${written(b)} short forms of one name`;
    if (isShortForm(b) && !isShortForm(a)) [x, y] = [b, a];
  }
  if (how === 'initial' && isInitial(b)) [x, y] = [b, a];
  if (how === 'exact') return `${written(x)} exact`;
  return `${written(x)} ${HOW_WORDS[how]} ${written(y)}`;
}
