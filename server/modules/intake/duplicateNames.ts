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
 * 2. keep the rarest keys first while their pairs fit PAIR_BUDGET, collect only their persons' ids
 *    by key (duplicateNames.cypher), pair them here and read the paired persons by id.
 * At most PAIR_BUDGET pairs are compared, however large the graph, and memory follows the budget.
 * What it misses by design: alike names whose every shared key is common (two "John Smith"s are
 * only compared through another signal: a shared phone, a date of birth, an alias).
 * Time is linear in persons (the two scans read every person's keys once): measured on invented
 * synthetic persons (names from data/names, a long tail of surnames), about 2 s at 100,000 persons
 * and 4 s at 200,000 on a shared machine, so some 20 s at 1M: fit for a review list, not for a
 * question asked while typing. Keeping candidate pairs at write time (one person_name_keys lookup
 * per written person) would make the review a read of stored pairs.
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

/** nameWords, remembered: a person is compared in many pairs of one review. */
const folded = new Map<string, string[]>();
function wordsOf(s: string): string[] {
  let w = folded.get(s);
  if (!w) {
    if (folded.size > 100_000) folded.clear();
    folded.set(s, (w = nameWords(s)));
  }
  return w;
}

/**
 * Whether two persons' names are the same person's name written differently: every word of the
 * shorter full name matches a word of the other (given names by exact, another spelling, a short
 * form, a sound-alike, a typo or an initial; surnames by exact, another spelling, a sound-alike or
 * a typo). Both need a given name and a surname: a surname alone is no name.
 */
export function namesAlike(a: NamedPerson, b: NamedPerson): NamesAlike | null {
  const [ga, sa, gb, sb] = [a.name, a.surname, b.name, b.surname].map((v) => wordsOf(text(v)));
  if (!ga!.length || !sa!.length || !gb!.length || !sb!.length) return null;
  const found: { word: string; other: string; how: LikeHow }[] = [];
  const cover = (from: string[], into: string[], allowed?: readonly LikeHow[]) => {
    for (const word of from) {
      const best = bestLike(word, into, allowed);
      if (!best) return false;
      found.push({ word, other: best.word, how: best.how });
    }
    return true;
  };
  // The shorter side's words are matched into the other's ("Mo Khan" into "Mohammed Ali Khan");
  // surnames first: most pairs the blocking gives part there.
  const [surShort, surLong] = sa!.length <= sb!.length ? [sa!, sb!] : [sb!, sa!];
  const [givShort, givLong] = ga!.length <= gb!.length ? [ga!, gb!] : [gb!, ga!];
  if (!cover(surShort, surLong, SURNAME_KINDS) || !cover(givShort, givLong)) return null;
  const written = new Map([...asWritten(`${text(b.name)} ${text(b.surname)}`), ...asWritten(`${text(a.name)} ${text(a.surname)}`)]);
  const w = (x: string) => written.get(x) ?? x;
  const said = found.filter((f) => f.how !== 'exact').map((f) => describeLike(f.word, f.other, f.how, w));
  return { how: weakestLike(found.map((f) => f.how)), words: [...new Set(said)].join(' · ') };
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
  const counted = await db.read(q('duplicateNameKeys.cypher'), { groupCap: GROUP_CAP, keyCap: KEY_CAP }, { what: 'The duplicate review' });
  const keys: Record<string, true> = {};
  let budget = 0;
  for (const r of counted) {
    const n = Number(r.n);
    const more = (n * (n - 1)) / 2;
    if (budget + more > PAIR_BUDGET) break;
    budget += more;
    keys[String(r.key)] = true;
  }
  if (!budget) return [];
  const groups = await db.read(q('duplicateNames.cypher'), { keys }, { what: 'The duplicate review' });
  const pairs = new Set<string>();
  for (const { ids } of groups) {
    const sorted = [...(ids as string[])].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}\u0000${sorted[j]}`);
  }
  if (!pairs.size) return [];
  const ids = [...new Set([...pairs].flatMap((p) => p.split('\u0000')))];
  const persons = new Map<string, PlainNode>();
  for (const r of await db.read(q('duplicatePersons.cypher'), { ids, withheld }, { what: 'The duplicate review' })) {
    const p = r.p as PlainNode;
    persons.set(String(p.props.id), p);
  }
  return [...pairs].flatMap((pair) => {
    const [a, b] = pair.split('\u0000').map((id) => persons.get(id!));
    return a && b ? [{ a, b }] : [];
  });
}
