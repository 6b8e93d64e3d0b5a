/**
 * Given names and surnames written differently but the same name, from the data files in
 * data/names/ (their source and licence are in its README): another spelling or transliteration
 * ("Muhammad" for "Mohammed") is a near match; a short form ("Bob" for "Robert", "Mo" for
 * "Mohammed") is weaker evidence. Street nicknames saved in handsets are not here: they stay
 * evidence on HAS_CONTACT (DESIGN.md §4).
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { fileURLToPath } from 'node:url';

export type Equivalence = 'variant' | 'nickname';

export interface NameGroups {
  /** word → the groups it spells (a group id is the group's canonical name). */
  variantOf: Map<string, Set<string>>;
  /** word → the groups it is a short form of. */
  nicknameOf: Map<string, Set<string>>;
}

const DATA = new URL('../../../data/names/', import.meta.url);

/** Reads one group file: `group <TAB> variants <TAB> nicknames`, words space-separated, # comments. */
export function parseGroups(text: string, into: NameGroups = { variantOf: new Map(), nicknameOf: new Map() }): NameGroups {
  const add = (m: Map<string, Set<string>>, word: string, group: string) => {
    let s = m.get(word);
    if (!s) m.set(word, (s = new Set()));
    s.add(group);
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [group, variants = '', nicknames = ''] = line.split('\t').map((c) => c.trim().toLowerCase());
    if (!group) continue;
    add(into.variantOf, group, group);
    for (const v of variants.split(/\s+/).filter(Boolean)) add(into.variantOf, v, group);
    for (const n of nicknames.split(/\s+/).filter(Boolean)) add(into.nicknameOf, n, group);
  }
  return into;
}

const FILES = ['given-names.tsv', 'surnames.tsv'];
const read = (file: string) => fs.readFileSync(fileURLToPath(new URL(file, DATA)), 'utf8');
let loaded: NameGroups | null = null;

/** The groups of both files, read once. */
export function nameGroups(): NameGroups {
  if (loaded) return loaded;
  const groups: NameGroups = { variantOf: new Map(), nicknameOf: new Map() };
  for (const file of FILES) parseGroups(read(file), groups);
  return (loaded = groups);
}

/** A short digest of the name files: stored keys made from other files are recomputed. */
export function nameDataDigest(): string {
  const h = createHash('sha256');
  for (const file of FILES) h.update(read(file));
  return h.digest('hex').slice(0, 12);
}

const EMPTY: ReadonlySet<string> = new Set();
const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((g) => b.has(g));

/**
 * How two different words name the same person, if they do: 'variant' when both spell one name,
 * 'nickname' when one is a short form of the other (or both short forms of one name).
 */
export function equivalence(a: string, b: string, groups = nameGroups()): Equivalence | null {
  const va = groups.variantOf.get(a) ?? EMPTY;
  const vb = groups.variantOf.get(b) ?? EMPTY;
  if (shares(va, vb)) return 'variant';
  const na = groups.nicknameOf.get(a) ?? EMPTY;
  const nb = groups.nicknameOf.get(b) ?? EMPTY;
  if (shares(na, vb) || shares(va, nb) || shares(na, nb)) return 'nickname';
  return null;
}

/** Every group a word belongs to, as a spelling or as a short form: the search keys it carries. */
export function groupsOf(word: string, groups = nameGroups()): string[] {
  return [...new Set([...(groups.variantOf.get(word) ?? []), ...(groups.nicknameOf.get(word) ?? [])])];
}

/** A name the files know as a name in its own right (not only as a short form): "Stephen", "Stephanie". */
export const isFullName = (word: string, groups = nameGroups()) => groups.variantOf.has(word);
/** A word the files know, as a name or a short form. */
export const isKnownName = (word: string, groups = nameGroups()) => groups.variantOf.has(word) || groups.nicknameOf.has(word);

let fullNames: { groups: NameGroups; names: string[]; found: Map<string, string[]> } | null = null;

/**
 * The names a misspelt word is most likely a typo of ("Robret" → Robert), so that its short forms
 * and spellings count too ("Robret" finds a Bobby): known full names within one edit (two for
 * seven letters or more), or one swap of neighbouring letters, of a word the files do not know. Empty for known words and short ones.
 */
export function misspeltNames(word: string, groups = nameGroups()): string[] {
  if (word.length < 4 || isKnownName(word, groups)) return [];
  if (fullNames?.groups !== groups) fullNames = { groups, names: [...groups.variantOf.keys()], found: new Map() };
  // Asked for every recorded word a typed word is compared with: worked out once per word.
  let found = fullNames.found.get(word);
  if (!found) {
    const edits = word.length >= 7 ? 2 : 1;
    found = fullNames.names.filter((n) => Math.abs(n.length - word.length) <= edits && (distance(n, word) <= edits || swapped(n, word)));
    if (fullNames.found.size > 10_000) fullNames.found.clear();
    fullNames.found.set(word, found);
  }
  return found;
}

/** Two letters side by side typed the wrong way round ("Daneil" for "Daniel"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
