/**
 * Sound-alike codes of one name word: Double Metaphone (English and many European spellings;
 * primary and alternate code) and Daitch-Mokotoff (Slavic, Germanic and Jewish surnames, which
 * English rules misread). Two words "sound alike" when they share a code of either encoder.
 */
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff.js';
import { distance } from 'fastest-levenshtein';

export interface SoundCodes {
  metaphone: string[];
  dm: string[];
}

/** Words shorter than this carry too little sound to compare ("Mo" would sound like "May"). */
export const MIN_SOUND_LENGTH = 3;

const cache = new Map<string, SoundCodes>();

export function soundCodes(word: string): SoundCodes {
  let c = cache.get(word);
  if (c) return c;
  if (word.length < MIN_SOUND_LENGTH || /\d/.test(word)) c = { metaphone: [], dm: [] };
  else {
    const [primary, secondary] = doubleMetaphone(word);
    // A code of one letter says almost nothing about a name ("Hugh" → "H").
    const metaphone = [...new Set([primary, secondary])].filter((m) => m.length >= 2);
    const dm = [...new Set(daitchMokotoff(word))].filter((d) => d !== '000000');
    c = { metaphone, dm };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(word, c);
  return c;
}

/**
 * Whether two words sound alike: a shared code, and spellings not further apart than half the
 * longer word. The guard is needed because Double Metaphone keeps four sounds, so long names
 * that only begin alike share a code ("Quarndon" and "Grindlow" are both KRNT).
 */
export function soundAlike(a: string, b: string): boolean {
  const ca = soundCodes(a);
  const cb = soundCodes(b);
  const shared = ca.metaphone.some((m) => cb.metaphone.includes(m)) || ca.dm.some((d) => cb.dm.includes(d));
  return shared && distance(a, b) <= Math.max(a.length, b.length) / 2;
}
