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
