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
  street: 'st', road: 'rd', drive: 'dr', avenue: 'ave', av: 'ave', lane: 'ln', close: 'cl', crescent: 'cres', court: 'ct',
  place: 'pl', terrace: 'ter', gardens: 'gdns', square: 'sq', grove: 'gr', mount: 'mt', walk: 'wlk', way: 'wy',
};
const canonical = (w: string) => CANONICAL[w] ?? w;
const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(canonical);

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
    for (const id of p.ids) if (id.length >= 3) ids.add(id.toLowerCase());
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
        pairs.add(`${f} ${l}`).add(`${l} ${f}`).add(`${f} ${l[0]}`).add(`${f[0]} ${l}`);
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
      const c = ws[i + 2];
      if (b && c && compact.has(a.w + b.w + c.w)) {
        out.push([a.s, c.e]);
        i += 2;
        continue;
      }
      if (b && compact.has(a.w + b.w)) {
        out.push([a.s, b.e]);
        i++;
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
      for (const m of text.matchAll(/\+?\(?\d[\d\s().\-/]{7,}\d/g)) {
        const d = significantDigits(m[0]);
        if (d && phoneDigits.has(d)) out.push([m.index!, m.index! + m[0].length]);
      }
    }
    return out;
  };

  const scrub = ((text: string) => {
    if (typeof text !== 'string' || !text) return text;
    const found = spans(text).sort((x, y) => x[0] - y[0]);
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
  scrub.finds = (text: string) => spans(text).length > 0;
  return scrub;
}
