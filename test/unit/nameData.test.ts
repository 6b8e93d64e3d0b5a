import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The name data files (data/names/): given-name groups with their variants and nicknames, surname
 * groups with their variants. The parser is the test's own, written from the format in
 * data/names/README.md, so that the files are checked against the format and not against the
 * matcher's reading of it.
 */

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/names');

interface Group {
  line: number;
  raw: string;
  id: string;
  variants: string[];
  nicknames: string[];
}

interface Parsed {
  groups: Group[];
  /** Lines that are not a comment, not blank and not three tab-separated columns. */
  badLines: { line: number; raw: string; columns: number }[];
}

function parse(file: string): Parsed {
  const text = readFileSync(resolve(dataDir, file), 'utf8');
  const groups: Group[] = [];
  const badLines: Parsed['badLines'] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '' || content.startsWith('#')) return;
    const columns = content.split('\t');
    if (columns.length !== 3) {
      badLines.push({ line, raw: content, columns: columns.length });
      return;
    }
    const words = (s: string) => s.split(' ').filter((w) => w !== '');
    groups.push({ line, raw: content, id: columns[0], variants: words(columns[1]), nicknames: words(columns[2]) });
  });
  return { groups, badLines };
}

const WORD = /^[a-z]+(?:['-][a-z]+)*$/;

const files = [
  { file: 'given-names.tsv', minGroups: 500, nicknames: true },
  { file: 'surnames.tsv', minGroups: 150, nicknames: false },
] as const;

describe.each(files)('$file', ({ file, minGroups, nicknames }) => {
  const { groups, badLines } = parse(file);

  it('has three tab-separated columns on every group line', () => {
    expect(badLines).toEqual([]);
  });

  it(`has at least ${minGroups} groups`, () => {
    expect(groups.length).toBeGreaterThanOrEqual(minGroups);
  });

  it('has only lowercase a-z words (with an inner hyphen or apostrophe), single-spaced', () => {
    const bad: string[] = [];
    for (const g of groups) {
      const [, variantCol, nickCol] = g.raw.split('\t');
      if (!WORD.test(g.id)) bad.push(`line ${g.line}: id "${g.id}"`);
      for (const w of [...g.variants, ...g.nicknames]) if (!WORD.test(w)) bad.push(`line ${g.line}: "${w}"`);
      for (const col of [variantCol, nickCol]) {
        if (col !== col.trim() || col.includes('  ')) bad.push(`line ${g.line}: stray spaces in "${col}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no duplicate group ids', () => {
    const seen = new Map<string, number>();
    const dups: string[] = [];
    for (const g of groups) {
      if (seen.has(g.id)) dups.push(`${g.id} (lines ${seen.get(g.id)} and ${g.line})`);
      else seen.set(g.id, g.line);
    }
    expect(dups).toEqual([]);
  });

  it('does not repeat the group id among its own variants or nicknames, nor a word within a column', () => {
    const bad: string[] = [];
    for (const g of groups) {
      if (g.variants.includes(g.id) || g.nicknames.includes(g.id)) bad.push(g.id);
      if (new Set(g.variants).size !== g.variants.length) bad.push(`${g.id}: variant twice`);
      if (new Set(g.nicknames).size !== g.nicknames.length) bad.push(`${g.id}: nickname twice`);
    }
    expect(bad).toEqual([]);
  });

  it('has no word that is both a variant and a nickname in the same group', () => {
    const bad = groups
      .map((g) => ({ id: g.id, both: g.variants.filter((v) => g.nicknames.includes(v)) }))
      .filter((x) => x.both.length > 0);
    expect(bad).toEqual([]);
  });

  it('puts each name (group id or variant) in one group only, so variant groups do not overlap', () => {
    const owner = new Map<string, string>();
    const overlaps: string[] = [];
    for (const g of groups) {
      for (const w of [g.id, ...g.variants]) {
        const other = owner.get(w);
        if (other !== undefined && other !== g.id) overlaps.push(`${w}: ${other} and ${g.id}`);
        else owner.set(w, g.id);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('has no empty group', () => {
    expect(groups.filter((g) => g.variants.length === 0 && g.nicknames.length === 0).map((g) => g.id)).toEqual([]);
  });

  if (!nicknames) {
    it('has no nicknames (surnames have none)', () => {
      expect(groups.filter((g) => g.nicknames.length > 0).map((g) => g.id)).toEqual([]);
    });
  }
});

describe('expected equivalences', () => {
  const given = new Map(parse('given-names.tsv').groups.map((g) => [g.id, g]));
  const surnames = new Map(parse('surnames.tsv').groups.map((g) => [g.id, g]));

  it('robert has bob as a nickname', () => {
    expect(given.get('robert')?.nicknames).toEqual(expect.arrayContaining(['bob', 'rob', 'bobby']));
  });

  it('mohammed has muhammad and mohamed as variants and mo as a nickname', () => {
    const g = given.get('mohammed');
    expect(g?.variants).toEqual(expect.arrayContaining(['muhammad', 'mohamed', 'mohammad']));
    expect(g?.nicknames).toContain('mo');
  });

  it('stephen has steven as a variant and steve as a nickname', () => {
    expect(given.get('stephen')?.variants).toContain('steven');
    expect(given.get('stephen')?.nicknames).toContain('steve');
  });

  it('catherine has kathryn and katherine as variants, kate as a nickname', () => {
    expect(given.get('catherine')?.variants).toEqual(expect.arrayContaining(['kathryn', 'katherine']));
    expect(given.get('catherine')?.nicknames).toContain('kate');
  });

  it('william has bill and liam as nicknames', () => {
    expect(given.get('william')?.nicknames).toEqual(expect.arrayContaining(['bill', 'will', 'liam']));
  });

  it('the hussain surname has hussein', () => {
    expect(surnames.get('hussain')?.variants).toEqual(expect.arrayContaining(['hussein', 'husain']));
  });

  it('keeps cross-language forms apart: john is not ivan, jan or juan; joseph is not yusuf', () => {
    const johnGroup = [given.get('john')!.id, ...given.get('john')!.variants];
    for (const other of ['ivan', 'jan', 'juan', 'ion']) expect(johnGroup).not.toContain(other);
    expect(given.get('yusuf')?.variants).not.toContain('joseph');
    expect(given.get('joseph')?.variants).not.toContain('yusuf');
  });

  it('keeps different surnames apart: shah is not shaw, reid is not read', () => {
    const groupOf = (w: string) => [...surnames.values()].find((g) => g.id === w || g.variants.includes(w))?.id;
    const apart = (a: string, b: string) => groupOf(a) === undefined || groupOf(a) !== groupOf(b);
    expect(apart('shah', 'shaw')).toBe(true);
    expect(apart('reid', 'read')).toBe(true);
    expect(apart('hussain', 'hassan')).toBe(true);
  });
});
