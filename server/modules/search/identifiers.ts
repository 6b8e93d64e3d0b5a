/**
 * Reading what an analyst typed: is it a phone number, a registration, a postcode, or words?
 * Identifiers are normalised and matched exactly (or by suffix / substring); words go to Lucene
 * with typo tolerance. Nothing here builds Cypher: the results travel as query parameters.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface PhoneQuery {
  /** E.164 form when the number parses as a UK (or international) number. */
  e164: string | null;
  /** Significant digits (no trunk 0, no 44 country code): matched as a suffix of stored numbers. */
  suffix: string;
}

/** A phone number in any format ("07700 900123", "+44 7700 900123", "(07700) 900-123", "900123"). */
export function readPhone(text: string): PhoneQuery | null {
  if (!/^[\d\s()+\-./]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4 || digits.length > 15) return null;
  const parsed = parsePhoneNumberFromString(text, 'GB');
  const e164 = parsed && parsed.isPossible() ? parsed.number : null;
  let suffix = digits.replace(/^0+/, '');
  // "+44 7700…" and "0044 7700…" name the same number as "07700…": drop the country code.
  if (suffix.startsWith('44') && suffix.length > 10) suffix = suffix.slice(2);
  if (suffix.length < 4) return null;
  return { e164, suffix };
}

/** Normalises a phone number for storage: E.164 when parseable, else the digits (DESIGN.md §4). */
export function normalisePhone(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw, 'GB');
  if (parsed && parsed.isPossible()) return parsed.number;
  const plus = raw.trim().startsWith('+') ? '+' : '';
  return plus + raw.replace(/\D/g, '');
}

/** A vehicle registration with or without spaces ("ZZ08 ABC" → "ZZ08ABC"); null when it can't be one. */
export function readRegistration(text: string): string | null {
  const reg = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{2,8}$/.test(reg) || !/[A-Z]/.test(reg) || !/\d/.test(reg)) return null;
  return reg;
}

/** A UK postcode typed without its space ("S601AA") gets it back, so that it matches as a phrase. */
export function readPostcode(text: string): string | null {
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/i.exec(text.trim());
  return m ? `${m[1]} ${m[2]}`.toUpperCase() : null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query where every word must match: exactly (boosted), as a prefix, or within one or
 * two typos. User text is escaped, so no Lucene syntax from the search box takes effect.
 */
export function luceneQuery(text: string): string | null {
  const postcode = readPostcode(text);
  if (postcode) return `"${postcode.toLowerCase()}"`;
  const words = text
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ') // "Kershaw-Hill" is two words to the index's analyser too
    .split(/[\s,;.]+/)
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length) return null;
  return words
    .map((w) => {
      if (w.length < 3) return `+${w}`;
      const edits = w.length >= 7 ? 2 : 1;
      return `+(${w}^4 OR ${w}* OR ${w}~${edits})`;
    })
    .join(' ');
}
