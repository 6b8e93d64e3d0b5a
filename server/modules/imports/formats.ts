/**
 * Cell formats of a column mapping: how a cell of a spreadsheet becomes a stored value (DESIGN.md §4:
 * dates ISO, phone numbers E.164 when parseable else cleaned with `raw`, registrations upper case
 * without spaces). Each reader returns the value or throws a FormatError saying what is wrong, in
 * words the person who made the file understands ("not a date as DD/MM/YYYY: 31/02/2010").
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { readPostcode } from '../search/identifiers.js';

export class FormatError extends Error {}

/** Named formats; anything else containing YYYY or YY is a date pattern (see `datePattern`). */
export const NAMED_FORMATS = ['text', 'int', 'number', 'bool', 'phone', 'reg', 'upper', 'lower', 'email', 'postcode', 'duration', 'list'] as const;
export type NamedFormat = (typeof NAMED_FORMATS)[number];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TOKENS: Record<string, string> = {
  YYYY: '(\\d{4})',
  YY: '(\\d{2})',
  MMM: '([A-Za-z]{3,9})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  DD: '(\\d{2})',
  D: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
};
const TOKEN_RE = /YYYY|YY|MMM|MM|M|DD|D|HH|H|mm|ss/g;

export interface DatePattern {
  pattern: string;
  regex: RegExp;
  fields: string[];
  hasTime: boolean;
  /** The last cell read with this pattern and what it gave. */
  last?: { raw: string; read: ReadDate };
}

/** A date pattern such as `DD/MM/YYYY`, `YYYY-MM-DD HH:mm:ss`, `D MMM YYYY`; null when it is none. */
const patterns = new Map<string, DatePattern | null>();

export function datePattern(pattern: string): DatePattern | null {
  let p = patterns.get(pattern);
  if (p === undefined) {
    p = compilePattern(pattern);
    if (patterns.size < 1000) patterns.set(pattern, p);
  }
  return p;
}

function compilePattern(pattern: string): DatePattern | null {
  if (!/YYYY|YY/.test(pattern) || !/M/.test(pattern) || !/D/.test(pattern)) return null;
  const fields: string[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN_RE)) {
    source += pattern.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    source += TOKENS[m[0]]!;
    fields.push(m[0]);
    last = m.index! + m[0].length;
  }
  source += pattern.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return { pattern, regex: new RegExp(`^${source}$`), fields, hasTime: fields.some((f) => f === 'HH' || f === 'H') };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ReadDate {
  date: string;
  time: string | null;
}

function checkedDate(y: number, mo: number, d: number, h: number | null, mi: number | null, s: number | null, raw: string, pattern: string): ReadDate {
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) throw new FormatError(`not a real date as ${pattern}: "${raw}"`);
  if (h !== null && (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59)) throw new FormatError(`not a real time as ${pattern}: "${raw}"`);
  const date = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  return { date, time: h === null ? null : `${pad2(h)}:${pad2(mi ?? 0)}:${pad2(s ?? 0)}` };
}

/**
 * A cell read with a date pattern. ISO dates (what a spreadsheet's own date cells are read as) are
 * accepted whatever the pattern, so a column of real Excel dates needs no pattern of its own.
 */
export function readDate(raw: string, p: DatePattern): ReadDate {
  // A row reads its date column for several properties (date, time, from): the last one is kept.
  if (p.last && p.last.raw === raw) return p.last.read;
  const read = parseDate(raw, p);
  p.last = { raw, read };
  return read;
}

function parseDate(raw: string, p: DatePattern): ReadDate {
  const v = raw.trim();
  const m = p.regex.exec(v);
  if (m) {
    let y = 0, mo = 0, d = 0;
    let h: number | null = null, mi: number | null = null, s: number | null = null;
    p.fields.forEach((f, i) => {
      const x = m[i + 1]!;
      switch (f) {
        case 'YYYY': y = Number(x); break;
        case 'YY': y = 2000 + Number(x) - (Number(x) > 69 ? 100 : 0); break;
        case 'MMM': {
          mo = MONTHS.indexOf(x.slice(0, 3).toLowerCase()) + 1;
          if (mo === 0) throw new FormatError(`not a month name: "${x}" in "${raw}"`);
          break;
        }
        case 'MM': case 'M': mo = Number(x); break;
        case 'DD': case 'D': d = Number(x); break;
        case 'HH': case 'H': h = Number(x); break;
        case 'mm': mi = Number(x); break;
        case 'ss': s = Number(x); break;
      }
    });
    return checkedDate(y, mo, d, h, mi, s, raw, p.pattern);
  }
  const iso = ISO.exec(v);
  if (iso) {
    return checkedDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ? Number(iso[4]) : null, iso[5] ? Number(iso[5]) : null, iso[6] ? Number(iso[6]) : null, raw, p.pattern);
  }
  throw new FormatError(`not a date as ${p.pattern}: "${raw}"`);
}

export interface ReadPhone {
  phoneNo: string;
  raw: string;
}

/**
 * A phone number in any format, in `region` when it has no country code: E.164 when it parses as a
 * possible number, else its digits (with a leading + when written) as DESIGN.md §4 says; the cell as
 * written is kept as `raw`. A cell that holds no number (too few or too many digits, letters) is an error.
 */
export function readPhone(raw: string, region: string): ReadPhone {
  // Call records name the same few thousand numbers a million times: each is parsed once.
  const key = `${region}\u0000${raw}`;
  const hit = phoneCache.get(key);
  if (hit) {
    if (hit instanceof FormatError) throw hit;
    return hit;
  }
  try {
    const read = parsePhone(raw, region);
    if (phoneCache.size >= PHONE_CACHE) phoneCache.clear();
    phoneCache.set(key, read);
    return read;
  } catch (e) {
    if (e instanceof FormatError) phoneCache.set(key, e);
    throw e;
  }
}

const PHONE_CACHE = 100_000;
const phoneCache = new Map<string, ReadPhone | FormatError>();

function parsePhone(raw: string, region: string): ReadPhone {
  const v = raw.trim();
  const digits = v.replace(/\D/g, '');
  if (/[A-Za-z]{2,}/.test(v.replace(/\b(ext|x)\b/gi, '')) || digits.length < 6 || digits.length > 15) throw new FormatError(`not a phone number: "${raw}"`);
  const parsed = parsePhoneNumberFromString(v, region as CountryCode);
  if (parsed && parsed.isPossible()) return { phoneNo: parsed.number, raw: v };
  return { phoneNo: (v.startsWith('+') ? '+' : '') + digits, raw: v };
}

/** A registration upper case without spaces or dashes ("zz09 qmx" → "ZZ09QMX"). */
export function readReg(raw: string): string {
  const reg = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{2,10}$/.test(reg)) throw new FormatError(`not a registration: "${raw}"`);
  return reg;
}

/** Seconds from "754", "12:34" (minutes:seconds) or "1:02:03" (hours:minutes:seconds). */
export function readDuration(raw: string): number {
  const v = raw.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (!m) throw new FormatError(`not a duration (seconds, mm:ss or hh:mm:ss): "${raw}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

/**
 * A cell through a named format or a date pattern. `part`: for a date with a time, which part to
 * keep (`date`: YYYY-MM-DD, `time`: HH:mm:ss); without it, a pattern with a time gives
 * YYYY-MM-DDTHH:mm:ss and one without gives YYYY-MM-DD.
 */
export function readCell(raw: string, format: string, opts: { region: string; part?: 'date' | 'time' | 'datetime' }): unknown {
  const v = raw.trim();
  switch (format) {
    case 'text':
      return v;
    case 'int': {
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isInteger(n)) throw new FormatError(`not a whole number: "${raw}"`);
      return n;
    }
    case 'number': {
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n) || v === '') throw new FormatError(`not a number: "${raw}"`);
      return n;
    }
    case 'bool': {
      const l = v.toLowerCase();
      if (TRUE.has(l)) return true;
      if (FALSE.has(l)) return false;
      throw new FormatError(`not yes or no: "${raw}"`);
    }
    case 'phone':
      return readPhone(v, opts.region).phoneNo;
    case 'reg':
      return readReg(v);
    case 'upper':
      return v.toUpperCase();
    case 'lower':
      return v.toLowerCase();
    case 'email': {
      const e = v.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new FormatError(`not an e-mail address: "${raw}"`);
      return e;
    }
    case 'postcode':
      return readPostcode(v) ?? v.toUpperCase();
    case 'duration':
      return readDuration(v);
    case 'list':
      return v.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
    default: {
      const p = datePattern(format);
      if (!p) throw new FormatError(`unknown format "${format}"`);
      const d = readDate(v, p);
      const part = opts.part ?? (p.hasTime ? 'datetime' : 'date');
      if (part === 'date') return d.date;
      if (part === 'time') {
        if (!d.time) throw new FormatError(`no time in "${raw}" (${p.pattern})`);
        return d.time;
      }
      return d.time ? `${d.date}T${d.time}` : d.date;
    }
  }
}

/** Whether a format name is known (a named format or a date pattern). */
export const isFormat = (f: string): boolean => (NAMED_FORMATS as readonly string[]).includes(f) || datePattern(f) !== null;
