/**
 * Search keys of a person's names, computed when the person is written (intake, import, merge,
 * restore: see `personNameKeys` callers) and stored as `nameKeys` on the node, where one full-text
 * index (`person_name_keys`, cypher/schema.cypher) finds them: so that a sound-alike, a nickname or
 * an initial is one index lookup, on any Neo4j, with no plugin. Keys are internal (never shown:
 * access/viewer.ts), because they are computed from every name, the withheld ones too; what a hit
 * is shown to have matched is worked out again from the fields the caller may see (match.ts).
 *
 * A key is a one-letter tag and a value, lower case, no spaces:
 *   w<word>   the word itself            (exact, prefix and typo matches)
 *   m<code>   a Double Metaphone code    (sounds like)
 *   d<code>   a Daitch-Mokotoff code     (sounds like, Slavic and Germanic spellings)
 *   g<group>  a name group it belongs to (another spelling, or a short form: data/names/)
 *   i<letter> its initial
 */
import { nameWords, isInitial, recordedForms } from './words.js';
import { soundCodes } from './phonetic.js';
import { groupsOf, misspeltNames, nameDataDigest } from './equivalents.js';

export const NAME_KEY_FIELDS = ['name', 'surname', 'aliases'] as const;

export interface NamedRecord {
  name?: unknown;
  surname?: unknown;
  aliases?: unknown;
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(texts) : typeof v === 'string' ? [v] : []);

function wordKeys(word: string): string[] {
  const keys = [`w${word}`, `i${word[0]}`];
  if (isInitial(word)) return keys;
  const { metaphone, dm } = soundCodes(word);
  for (const m of metaphone) keys.push(`m${m.toLowerCase()}`);
  for (const d of dm) keys.push(`d${d}`);
  for (const g of groupsOf(word)) keys.push(`g${g}`);
  return keys;
}

/** The keys of every word of a person's given names, surname and aliases. */
export function personNameKeys(p: NamedRecord): string[] {
  const words = new Set([...texts(p.name), ...texts(p.surname), ...texts(p.aliases)].flatMap((t) => recordedForms(nameWords(t))));
  return [...new Set([...words].flatMap(wordKeys))].sort();
}

/**
 * The keys of a nickname as saved in a handset (HAS_CONTACT.savedAs: "Moz 2", "Jade x"), stored
 * as `savedAsKeys` on the link, so whoIs finds "Mo" from "Mohammed" and "Mozz" from "Moz".
 */
export function contactKeys(savedAs: unknown): string[] {
  return [...new Set(texts(savedAs).flatMap(nameWords).flatMap(wordKeys))].sort();
}

/**
 * What the stored keys were computed with: the key rules (bump KEY_RULES when wordKeys changes)
 * and the name files. Stored beside the keys (`nameKeysV`), so that a start after either changed
 * recomputes them (names/backfill.ts).
 */
// 2: stored as one space-separated string (names/store.ts).
const KEY_RULES = 2;
let version: string | null = null;
export const nameKeysVersion = (): string => (version ??= `${KEY_RULES}-${nameDataDigest()}`);

/** Whether a set of properties says anything about names (a bulk row that does gets new keys). */
export const namesIn = (props: Record<string, unknown>) => NAME_KEY_FIELDS.some((f) => props[f] !== undefined);

/**
 * The Lucene query for typed name words over `nameKeys`: every word must match one of its keys,
 * but for a middle one.
 * Built from our own key alphabet only (letters and digits), so nothing typed reaches Lucene's
 * syntax. Exact words weigh most, then short forms and spellings, then sounds: the index's own
 * relevance only orders which hits come back first, never the score the caller sees.
 */
export function nameKeysQuery(words: string[]): string | null {
  const typed = words.slice(0, 8);
  // A middle name the record may not have ("Garrick Owen Grindlow" for "Garrick Grindlow") is
  // optional: the first and last typed words are required.
  const required = (i: number) => typed.length < 3 || i === 0 || i === typed.length - 1;
  const clauses = typed.map((word, i) => {
    const must = required(i) ? '+' : '';
    if (isInitial(word)) return `${must}i${word}`;
    const terms = [`w${word}^4`];
    if (word.length >= 2) terms.push(`w${word}*^2`);
    if (word.length >= 3) terms.push(`w${word}~${word.length >= 7 ? 2 : 1}`);
    for (const g of groupsOf(word)) terms.push(`g${g}^2`);
    // A misspelt name finds the short forms and spellings of the name it is a typo of.
    for (const g of new Set(misspeltNames(word).flatMap((n) => groupsOf(n)))) terms.push(`g${g}`);
    const { metaphone, dm } = soundCodes(word);
    for (const m of metaphone) terms.push(`m${m.toLowerCase()}`);
    for (const d of dm) terms.push(`d${d}`);
    return `${must}(${terms.join(' OR ')})`;
  });
  return clauses.length ? clauses.join(' ') : null;
}
