/**
 * The second line of defence (DESIGN.md §6): free text that a role may see is still scrubbed of
 * the identities it may not, however they are written. Names match in any case, spacing or order,
 * as "First S", "F. Surname" or a first name alone; pseudonyms and ids in any case; phone numbers in
 * any format (libphonenumber finds them, a digits pass catches the rest); addresses and postcodes in
 * any case and spacing. The first line is that such text is never read into the answer
 * (access/viewer.ts); this catches what a careless writer put where it should not be.
 *
 * The text is read once, word by word, and each word (and pair of words) looked up in sets built
 * from the identities, so the cost does not grow with the number of protected people (thousands
 * of children at the scale the benchmarks run).
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';

export interface ProtectedIdentity {
  /** Stored ids (the entity's own, and any merged into it). */
  ids: string[];
  names?: { first?: string | null; last?: string | null }[];
  /** Pseudonyms, aliases and other words that identify on their own. */
  tokens?: string[];
  /** Phone numbers as stored (E.164 or raw): compared by their national significant digits. */
  phones?: string[];
  addresses?: string[];
  /** Dates that identify (a date of birth), as YYYY-MM-DD: found in either order. */
  dates?: string[];
  /** Names of protected places ("Ashdene House"). */
  placeNames?: string[];
  postcodes?: string[];
}

export const WITHHELD = '[withheld]';

/** National significant digits of a UK-style number (07700 900123, +44 7700 900123, 447700900123 → 7700900123). */
export function significantDigits(phone: string): string | null {
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('0044')) d = d.slice(4);
  else if (d.startsWith('44') && d.length >= 12) d = d.slice(2);
  if (d.startsWith('0')) d = d.slice(1);
  return d.length >= 9 && d.length <= 11 ? d : null;
}

/** Street words and their usual abbreviations read as one ("102 Loom St" is "102 Loom Street"). */
const CANONICAL: Record<string, string> = {
  street: 'st', str: 'st', road: 'rd', drive: 'dr', avenue: 'ave', av: 'ave', lane: 'ln', close: 'cl', crescent: 'cres', court: 'ct',
  place: 'pl', terrace: 'ter', gardens: 'gdns', square: 'sq', grove: 'gr', mount: 'mt', walk: 'wlk', way: 'wy',
};
const canonical = (w: string) => CANONICAL[w] ?? w;
const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(canonical);

/** Letters that look like Latin ones (Cyrillic and Greek), read as the Latin letter they imitate. */
const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', τ: 't', ι: 'i', κ: 'k', Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X', Υ: 'Y', Ζ: 'Z',
};
/** Characters that do not show: zero-width spaces and joiners, soft hyphens, byte-order marks. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/;

/**
 * The text as a reader sees it, with where each character came from: compatibility forms folded
 * (fullwidth "ＹＰ１７" → "YP17"), accents dropped ("Orlá" → "Orla"), look-alike letters read as
 * Latin, invisible characters and a hyphen that breaks a word across lines removed, and other
 * dashes read as "-". `from[i]` is the index in `text` of normalised character i.
 */
export function readable(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE.test(ch)) continue;
    // "Ingle-\nby": a word broken across lines.
    if (ch === '-' && /\p{L}/u.test(text[i - 1] ?? '') && /^\s*\n\s*\p{L}/u.test(text.slice(i + 1, i + 8))) {
      while (/\s/.test(text[i + 1] ?? '')) i++;
      continue;
    }
    let folded = (LOOKALIKE[ch] ?? ch).normalize('NFKD').replace(/\p{M}/gu, '');
    if (/[\u2010-\u2015\u2212]/.test(folded)) folded = '-';
    for (const c of folded) {
      out += c;
      from.push(i);
    }
  }
  return { text: out, from };
}

export interface Scrubber {
  (text: string): string;
  /** True when the text holds any protected identity. */
  finds(text: string): boolean;
}

type Span = [start: number, end: number];

/** Builds one scrubber for a set of protected identities (once per view of the index). */
export function buildScrubber(identities: ProtectedIdentity[]): Scrubber {
  const single = new Set<string>(); // words that identify alone: first names (4+ letters), pseudonyms
  const pairs = new Set<string>(); // "a b": first last, last first, first initial, initial last
  const ids = new Set<string>();
  const phoneDigits = new Set<string>();
  const sequences: string[][] = []; // address lines and multi-word aliases, as word sequences
  const postcodes = new Set<string>();
  // Pseudonyms and one-word aliases also match written apart ("YP 12", "y p12"): two or three
  // words run together.
  const compact = new Set<string>();
  for (const p of identities) {
    for (const id of p.ids) {
      if (id.length < 3) continue;
      ids.add(id.toLowerCase());
      // "per c17", "per_c17": the id written with other separators.
      const joined = words(id).join('');
      if (joined.length >= 5) compact.add(joined);
    }
    for (const d of p.dates ?? []) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
      if (m) sequences.push([m[1]!, m[2]!, m[3]!], [m[3]!, m[2]!, m[1]!]);
    }
    for (const t of p.tokens ?? []) {
      const w = words(t);
      if (w.length === 1 && w[0]!.length >= 3) {
        single.add(w[0]!);
        compact.add(w[0]!);
      } else if (w.length > 1) sequences.push(w);
    }
    for (const n of p.names ?? []) {
      const first = words(n.first ?? '');
      const last = words(n.last ?? '');
      const f = first[0];
      const l = last[last.length - 1];
      if (f && l) {
        pairs.add(`${f} ${l}`).add(`${l} ${f}`).add(`${f} ${l[0]}`).add(`${f[0]} ${l}`).add(`${l} ${f[0]}`);
        if (first.length + last.length > 2) sequences.push([...first, ...last]);
      }
      if (f && f.length >= 4) single.add(f);
    }
    for (const ph of p.phones ?? []) {
      const d = significantDigits(ph);
      if (d) phoneDigits.add(d);
    }
    for (const a of p.addresses ?? []) {
      const line = words(a.split(',')[0]!);
      if (line.length >= 2) sequences.push(line);
      // The street without the house number ("Cutler Street").
      const street = /^\d/.test(line[0] ?? '') ? line.slice(1) : [];
      if (street.length >= 2) sequences.push(street);
    }
    for (const name of p.placeNames ?? []) {
      const w = words(name);
      if (w.length >= 2) sequences.push(w);
      // Its distinctive first word ("Ashdene" of "Ashdene House") alone too.
      if (w[0] && w[0].length >= 5 && !/^\d/.test(w[0])) single.add(w[0]);
      else if (w.length === 1 && w[0]!.length >= 4) single.add(w[0]!);
    }
    for (const pc of p.postcodes ?? []) {
      const c = pc.replace(/\s+/g, '').toLowerCase();
      if (c.length >= 5) postcodes.add(c);
    }
  }
  const seqByHead = new Map<string, string[][]>();
  for (const s of sequences) seqByHead.set(s[0]!, [...(seqByHead.get(s[0]!) ?? []), s]);

  /** The character spans of the protected identities in `text`. */
  const spans = (text: string): Span[] => {
    const out: Span[] = [];
    // Words with their positions.
    const ws: { w: string; s: number; e: number }[] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) ws.push({ w: canonical(m[0].toLowerCase()), s: m.index!, e: m.index! + m[0].length });
    for (let i = 0; i < ws.length; i++) {
      const a = ws[i]!;
      const b = ws[i + 1];
      if (b && (pairs.has(`${a.w} ${b.w}`) || postcodes.has(a.w + b.w))) {
        out.push([a.s, b.e]);
        i++;
        continue;
      }
      // Two to five words run together ("YP 17", "Y P 1 7", "per c17").
      let joined = a.w;
      let run = 0;
      for (let k = 1; k < 5 && ws[i + k]; k++) {
        joined += ws[i + k]!.w;
        if (compact.has(joined)) run = k;
      }
      if (run) {
        out.push([a.s, ws[i + run]!.e]);
        i += run;
        continue;
      }
      const seqs = seqByHead.get(a.w);
      const seq = seqs?.find((q) => q.every((w, k) => ws[i + k]?.w === w));
      if (seq) {
        out.push([a.s, ws[i + seq.length - 1]!.e]);
        i += seq.length - 1;
        continue;
      }
      if (single.has(a.w) || postcodes.has(a.w)) out.push([a.s, a.e]);
    }
    // Ids ("per-c01", "ph-0001") as runs of word characters, dashes and colons.
    if (ids.size) {
      for (const m of text.matchAll(/[\w-]+(?::[\w-]+)*/g)) {
        const parts = m[0].toLowerCase().split(':');
        if (parts.some((p) => ids.has(p))) out.push([m.index!, m.index! + m[0].length]);
      }
    }
    if (phoneDigits.size) {
      try {
        for (const f of findPhoneNumbersInText(text, 'GB')) {
          const d = significantDigits(f.number.number);
          if (d && phoneDigits.has(d)) out.push([f.startsAt, f.endsAt]);
        }
      } catch {
        // not a number libphonenumber can read; the digits pass below still applies
      }
      // Runs of digits, with the letter O written for a zero ("077OO9OO429").
      for (const m of text.matchAll(/\+?\(?[\dOo][\dOo\s().\-/]{7,}[\dOo]/g)) {
        if ((m[0].match(/\d/g) ?? []).length < 6) continue;
        const d = significantDigits(m[0].replace(/[Oo]/g, '0'));
        if (d && phoneDigits.has(d)) out.push([m.index!, m.index! + m[0].length]);
      }
    }
    return out;
  };

  /** Spans found in the text as a reader sees it, mapped back onto the text as written. */
  const spansAsWritten = (text: string): Span[] => {
    const r = readable(text);
    return spans(r.text).map(([s, e]) => [r.from[s]!, r.from[e - 1]! + 1] as Span);
  };

  const scrub = ((text: string) => {
    if (typeof text !== 'string' || !text) return text;
    const found = spansAsWritten(text).sort((x, y) => x[0] - y[0]);
    if (!found.length) return text;
    let out = '';
    let at = 0;
    for (const [s, e] of found) {
      if (e <= at) continue;
      out += text.slice(at, Math.max(at, s)) + WITHHELD;
      at = e;
    }
    return out + text.slice(at);
  }) as Scrubber;
  scrub.finds = (text: string) => spansAsWritten(text).length > 0;
  return scrub;
}
