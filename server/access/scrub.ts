/**
 * The second line of defence (DESIGN.md §6): free text that a role may see is still scrubbed of
 * the identities it may not, however they are written. Names match in any case, spacing or order,
 * as "First S", "F. Surname" or a first name alone; pseudonyms and ids in any case; phone numbers in
 * any format (libphonenumber finds them, a digits-only pass catches the rest); addresses and
 * postcodes in any case and spacing. The first line is that such text is never read into the answer
 * (access/viewer.ts); this catches what a careless writer put where it should not be.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';

export interface ProtectedIdentity {
  /** Stored ids (the entity's own, and any merged into it). */
  ids: string[];
  names?: { first?: string | null; last?: string | null }[];
  /** Pseudonyms, aliases and other single tokens that identify on their own. */
  tokens?: string[];
  /** Phone numbers as stored (E.164 or raw): compared by their national significant digits. */
  phones?: string[];
  addresses?: string[];
  postcodes?: string[];
}

export const WITHHELD = '[withheld]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters of a word, each allowing the spaces or punctuation a careless writer put between. */
const word = (w: string) => w.trim().split(/[\s\-]+/).map(escape).join('[\\s\\-]*');
const SEP = "[\\s,.'’_\\-]+";

/** National significant digits of a UK-style number (07700 900123, +44 7700 900123, 447700900123 → 7700900123). */
export function significantDigits(phone: string): string | null {
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('0044')) d = d.slice(4);
  else if (d.startsWith('44') && d.length >= 12) d = d.slice(2);
  if (d.startsWith('0')) d = d.slice(1);
  return d.length >= 9 && d.length <= 11 ? d : null;
}

const normaliseSpace = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export interface Scrubber {
  (text: string): string;
  /** True when the text holds any protected identity (for tests and for the audit). */
  finds(text: string): boolean;
}

/** Builds one scrubber for a set of protected identities (compiled once per view). */
export function buildScrubber(identities: ProtectedIdentity[]): Scrubber {
  const alternatives: string[] = [];
  const phoneDigits = new Set<string>();
  const places: string[] = [];
  for (const p of identities) {
    for (const id of p.ids) if (id.length >= 3) alternatives.push(escape(id));
    for (const t of p.tokens ?? []) if (t && t.trim().length >= 3) alternatives.push(`\\b${word(t)}\\b`);
    for (const n of p.names ?? []) {
      const first = n.first?.trim();
      const last = n.last?.trim();
      if (first && last) {
        alternatives.push(`\\b${word(first)}${SEP}${word(last)}\\b`, `\\b${word(last)}${SEP}${word(first)}\\b`);
        alternatives.push(`\\b${word(first)}${SEP}${escape(last[0]!)}\\b\\.?`, `\\b${escape(first[0]!)}${SEP}${word(last)}\\b`);
      }
      if (first && first.length >= 4) alternatives.push(`\\b${word(first)}\\b`);
      if (last && last.length >= 4 && !first) alternatives.push(`\\b${word(last)}\\b`);
    }
    for (const ph of p.phones ?? []) {
      const d = significantDigits(ph);
      if (d) phoneDigits.add(d);
    }
    for (const a of p.addresses ?? []) {
      const line = a.split(',')[0]!.trim();
      if (line.length >= 5) places.push(line);
      if (a.trim().length >= 5 && a.trim() !== line) places.push(a.trim());
    }
    for (const pc of p.postcodes ?? []) {
      const c = pc.replace(/\s+/g, '');
      if (c.length >= 5) alternatives.push(`\\b${c.slice(0, -3).split('').map(escape).join('\\s*')}\\s*${c.slice(-3).split('').map(escape).join('\\s*')}\\b`);
    }
  }
  for (const pl of places) alternatives.push(pl.split(/[^A-Za-z0-9]+/).filter(Boolean).map(escape).join('[^A-Za-z0-9]+'));
  // Longest first, so "Cody Grindlow" is replaced whole before "Cody" alone.
  alternatives.sort((a, b) => b.length - a.length);
  const pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null;
  // Runs of digits with the separators numbers are written with.
  const digitRuns = /\+?\(?\d[\d\s().\-/]{7,}\d/g;

  const scrubPhones = (text: string): string => {
    if (!phoneDigits.size) return text;
    let out = text;
    try {
      const found = findPhoneNumbersInText(text, 'GB');
      for (const f of found.reverse()) {
        const d = significantDigits(f.number.number);
        if (d && phoneDigits.has(d)) out = out.slice(0, f.startsAt) + WITHHELD + out.slice(f.endsAt);
      }
    } catch {
      // not a number libphonenumber can read; the digits pass below still applies
    }
    return out.replace(digitRuns, (m) => {
      const d = significantDigits(m);
      return d && [...phoneDigits].some((p) => d.endsWith(p) || p.endsWith(d)) ? WITHHELD : m;
    });
  };

  const scrub = ((text: string) => {
    if (typeof text !== 'string' || !text) return text;
    let out = pattern ? text.replace(pattern, WITHHELD) : text;
    out = scrubPhones(out);
    return out;
  }) as Scrubber;
  scrub.finds = (text: string) => scrub(text) !== text || (places.length > 0 && places.some((p) => normaliseSpace(text).includes(normaliseSpace(p))));
  return scrub;
}
