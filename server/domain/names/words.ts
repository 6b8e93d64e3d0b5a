/**
 * Names as words a matcher can compare: any script read as Latin letters (any-ascii: "Мухаммад"
 * → "mukhammad"), lower case, accents gone, apostrophes joined ("O'Neill" → "oneill"), and split
 * at anything else ("Kershaw-Hill" is two words, as the full-text index's analyser splits it).
 */
import anyAscii from 'any-ascii';

export function nameWords(text: string | null | undefined): string[] {
  if (!text) return [];
  return anyAscii(text)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A single letter, with or without its full stop ("G", "g."): an initial. */
export const isInitial = (word: string) => /^[a-z]$/.test(word);

/**
 * Particles of Arabic, Dutch, German, French and Italian surnames ("Al-Harazi", "El Harazi", "van
 * der Berg", "di Marco"): written or left out at will, so they never decide a match.
 */
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'der', 'den', 'de', 'di', 'da', 'du', 'del', 'della', 'le', 'la']);

/** Prefixes written joined or apart ("O Neill" for O'Neill, "Mc Donagh", "Mac Brannock"): joined to the next word. */
const JOINED = new Set(['o', 'mc', 'mac', 'fitz']);

/**
 * The typed words that decide a name match: "O Neill", "Mc Donagh" joined as written on the record
 * ("oneill", "mcdonagh"), and particles left out while any other word remains.
 */
export function decidingWords(words: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (JOINED.has(words[i]!) && next && next.length >= 3) {
      joined.push(words[i]! + next);
      i++;
    } else joined.push(words[i]!);
  }
  const rest = joined.filter((w) => !PARTICLES.has(w));
  return rest.length ? rest : joined;
}

const ARTICLES = /^(al|el|ul)(?=[a-z]{4,}$)/;

/**
 * A recorded name's words with the other ways the same name is written: an article joined to the
 * name or apart ("Al Harazi", "Al-Harazi" and "Alharazi"), and the name without it. Searching
 * compares typed words with all of these (keys.ts, search/explain.ts).
 */
export function recordedForms(words: string[]): string[] {
  const out = [...words];
  for (const [i, w] of words.entries()) {
    const next = words[i + 1];
    if ((PARTICLES.has(w) || JOINED.has(w)) && next) out.push(w + next);
    const bare = w.replace(ARTICLES, '');
    if (bare !== w) out.push(bare);
  }
  return [...new Set(out)];
}
