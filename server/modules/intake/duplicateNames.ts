/**
 * Persons whose names may be one person's name written differently ("Stephen Marlowe" and
 * "Steven Marlow", "Mo Khan" and "Mohammed Khan", "S. Marlowe"): found through the name keys
 * stored on every person (domain/names/keys.ts), compared word by word from the names the caller
 * sees (likeness.ts). Used by the duplicate review (merge.ts), where alike names alone are never a
 * lead: they need dates that fit or another signal.
 *
 * The bound, so that it stays fast on a million persons: blocking on shared sound and name-group
 * keys (m, d, g: the surname's sound keys are among them, so a pair whose surnames sound alike
 * shares one). Two scans of the persons' keys, no pair built over the graph:
 * 1. count the persons behind each key (duplicateNameKeys.cypher); keys carried by more than
 *    GROUP_CAP persons say nothing that tells people apart ("Smith", "John") and are skipped;
 * 2. keep the rarest keys first while their pairs fit PAIR_BUDGET, collect only their persons and
 *    pair them within each key (duplicateNames.cypher).
 * At most PAIR_BUDGET pairs are compared, however large the graph, and memory follows the budget.
 * What it misses by design: alike names whose every shared key is common (two "John Smith"s are
 * only compared through another signal: a shared phone, a date of birth, an alias).
 */
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { nameWords } from '../../domain/names/words.js';
import { asWritten, bestLike, describeLike, weakestLike, type LikeHow } from './likeness.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** Persons sharing a key beyond this are not compared through it. */
export const GROUP_CAP = 50;
/** Pairs compared at most, rarest keys first. */
export const PAIR_BUDGET = 50_000;
/** Keys read back from the count (the rarest; each kept one gives at least one pair). */
const KEY_CAP = PAIR_BUDGET;

/** Given names may match by any kind; a surname only as itself, another spelling, a sound-alike or a typo. */
const SURNAME_KINDS: readonly LikeHow[] = ['exact', 'variant', 'sounds', 'typo'];

export interface NamedPerson {
  name?: unknown;
  surname?: unknown;
}

export interface NamesAlike {
  /** The weakest word match: how far the names are one. */
  how: LikeHow;
  /** 'Steven sounds like Stephen · Marlow typo of Marlowe' (words that differ only). */
  words: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Whether two persons' names are the same person's name written differently: every word of the
 * shorter full name matches a word of the other (given names by exact, another spelling, a short
 * form, a sound-alike, a typo or an initial; surnames by exact, another spelling, a sound-alike or
 * a typo). Both need a given name and a surname: a surname alone is no name.
 */
export function namesAlike(a: NamedPerson, b: NamedPerson): NamesAlike | null {
  const [ga, sa, gb, sb] = [a.name, a.surname, b.name, b.surname].map((v) => nameWords(text(v)));
  if (!ga!.length || !sa!.length || !gb!.length || !sb!.length) return null;
  const written = new Map([...asWritten(`${text(b.name)} ${text(b.surname)}`), ...asWritten(`${text(a.name)} ${text(a.surname)}`)]);
  const w = (x: string) => written.get(x) ?? x;
  const hows: LikeHow[] = [];
  const said: string[] = [];
  const cover = (from: string[], into: string[], allowed?: readonly LikeHow[]) => {
    for (const word of from) {
      const best = bestLike(word, into, allowed);
      if (!best) return false;
      hows.push(best.how);
      if (best.how !== 'exact') said.push(describeLike(word, best.word, best.how, w));
    }
    return true;
  };
  // The shorter side's words are matched into the other's ("Mo Khan" into "Mohammed Ali Khan").
  const [surShort, surLong] = sa!.length <= sb!.length ? [sa!, sb!] : [sb!, sa!];
  const [givShort, givLong] = ga!.length <= gb!.length ? [ga!, gb!] : [gb!, ga!];
  if (!cover(surShort, surLong, SURNAME_KINDS) || !cover(givShort, givLong)) return null;
  return { how: weakestLike(hows), words: [...new Set(said)].join(' · ') };
}

/** "names only sound alike", by the weakest kind: for a pair nothing else ties. */
export function onlyNamesLine(how: LikeHow | 'same'): string {
  const what: Record<LikeHow | 'same', string> = {
    same: 'names only the same',
    exact: 'names only the same',
    variant: 'names only alike as spellings of one name',
    nickname: 'names only alike through a short form',
    sounds: 'names only sound alike',
    typo: 'names only alike up to a typo',
    initial: 'names only alike up to an initial',
  };
  return `${what[how]}, no dates or other record to compare: check before merging`;
}

/**
 * Pairs of persons (stored nodes, ordered by id) sharing a rare sound or name-group key: the
 * candidates whose names the review then compares. `withheld`: reports the caller may not see
 * (a person only they support is left out).
 */
export async function nameKeyPairs(db: Database, withheld: string[]): Promise<{ a: PlainNode; b: PlainNode }[]> {
  const counted = await db.read(q('duplicateNameKeys.cypher'), { withheld, groupCap: GROUP_CAP, keyCap: KEY_CAP }, { what: 'The duplicate review' });
  const keys: Record<string, true> = {};
  let pairs = 0;
  for (const r of counted) {
    const n = Number(r.n);
    const more = (n * (n - 1)) / 2;
    if (pairs + more > PAIR_BUDGET) break;
    pairs += more;
    keys[String(r.key)] = true;
  }
  if (!pairs) return [];
  const rows = await db.read(q('duplicateNames.cypher'), { withheld, keys, pairCap: PAIR_BUDGET }, { what: 'The duplicate review' });
  return rows.map((r) => ({ a: r.a as PlainNode, b: r.b as PlainNode }));
}
