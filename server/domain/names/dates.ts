/**
 * Dates that place a person in time, typed or recorded: a date of birth, a year of birth, or an
 * age recorded on a known date (`age` with `ageOn`). "Born 1979" fits an age of 31 recorded in
 * 2010; a date of birth that differs tells two people with one name apart.
 */
export interface TypedDate {
  year: number;
  /** The birth years it allows: one year, or two for an age ("aged 47": this year or the one before, less 47). */
  from: number;
  to: number;
  /** YYYY-MM-DD when a whole date was typed. */
  dob: string | null;
  /** How the analyst wrote it, for the explanation. */
  text: string;
}

export interface RecordedDates {
  dob?: unknown;
  age?: unknown;
  ageOn?: unknown;
}

export type DateFit = 'fits' | 'differs';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDate = (v: unknown): string | null => (typeof v === 'string' && ISO.test(v) ? v : null);
const yearOf = (iso: string) => Number(iso.slice(0, 4));
const thisYear = () => new Date().getUTCFullYear();
const validYear = (y: number) => y >= 1900 && y <= thisYear();

function wholeDate(y: number, m: number, d: number): string | null {
  if (!validYear(y) || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}

/**
 * Reads a date of birth out of typed text: "born 1979", "b. 1979", "dob 12/03/1979", "1979-03-12",
 * "12.03.1979" (UK order: day first), "2 March 1979", "March 1979", "1979-03", a bare year, or an
 * age ("aged 47"). Returns the text without it, so the rest is
 * searched as a name; null when the text holds no date, or nothing but one (a bare "1979" is not
 * a name search with a date: it is left to the word search).
 */
export function readTypedDate(text: string): { rest: string; date: TypedDate } | null {
  const patterns: { re: RegExp; read: (m: RegExpExecArray) => { year: number; from?: number; dob: string | null } | null }[] = [
    { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, read: (m) => dated(wholeDate(+m[1]!, +m[2]!, +m[3]!)) },
    { re: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, read: (m) => dated(wholeDate(+m[3]!, +m[2]!, +m[1]!)) },
    // "2 March 1979", "2nd Mar 1979"
    { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'i'), read: (m) => dated(wholeDate(+m[3]!, monthOf(m[2]!), +m[1]!)) },
    // "March 1979", "1979-03", "03/1979": the year is what places the person
    { re: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'i'), read: (m) => yearOnly(+m[2]!) },
    { re: /\b(\d{4})-(\d{1,2})\b/, read: (m) => (+m[2]! >= 1 && +m[2]! <= 12 ? yearOnly(+m[1]!) : null) },
    { re: /\b(\d{1,2})\/(\d{4})\b/, read: (m) => (+m[1]! >= 1 && +m[1]! <= 12 ? yearOnly(+m[2]!) : null) },
    { re: /\b(19\d{2}|20\d{2})\b/, read: (m) => yearOnly(+m[1]!) },
    // "aged 47", "age 47": born this many years ago (give or take the birthday)
    { re: /\bage[d]?\s*:?\s*(\d{1,3})\b/i, read: (m) => (+m[1]! <= 120 ? { year: thisYear() - +m[1]!, from: thisYear() - +m[1]! - 1, dob: null } : null) },
  ];
  for (const { re, read } of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const found = read(m);
    if (!found) continue;
    // The words that announce a date go with it ("born", "b.", "dob", "d.o.b.").
    const before = text.slice(0, m.index).replace(/(?:\b(?:born|dob|d\.o\.b\.?|b\.?)\s*:?\s*)$/i, '');
    const rest = `${before} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
    if (!/[\p{L}]/u.test(rest)) return null;
    return { rest, date: { year: found.year, from: found.from ?? found.year, to: found.year, dob: found.dob, text: m[0] } };
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const yearOnly = (y: number) => (validYear(y) ? { year: y, dob: null } : null);

function dated(iso: string | null): { year: number; dob: string | null } | null {
  return iso ? { year: yearOf(iso), dob: iso } : null;
}

/** The years a person can have been born in, from what is recorded; null when nothing places them. */
export function birthYears(r: RecordedDates): { from: number; to: number; text: string; exact: string | null } | null {
  const dob = isoDate(r.dob);
  if (dob) return { from: yearOf(dob), to: yearOf(dob), text: `born ${dob}`, exact: dob };
  const age = typeof r.age === 'number' ? r.age : Number.NaN;
  const on = isoDate(r.ageOn);
  if (Number.isFinite(age) && on) {
    // Aged 31 on 2010-06-01: born between 1978-06-02 and 1979-06-01.
    const y = yearOf(on) - age;
    return { from: y - 1, to: y, text: `age ${age} in ${yearOf(on)}`, exact: null };
  }
  return null;
}

/** How a typed date fits what is recorded about a person; null when either side says nothing. */
export function typedDateFit(typed: TypedDate, r: RecordedDates): { fit: DateFit; note: string } | null {
  const born = birthYears(r);
  if (!born) return null;
  // The note says what is recorded, never what was typed (see WordMatch in search/explain.ts).
  if (typed.dob && born.exact) return typed.dob === born.exact ? { fit: 'fits', note: `fits ${born.text}` } : { fit: 'differs', note: `recorded ${born.text}` };
  if (typed.from <= born.to && born.from <= typed.to) return { fit: 'fits', note: `fits ${born.text}` };
  return { fit: 'differs', note: `recorded ${born.text}` };
}

/**
 * Whether two persons' recorded dates agree: the same date of birth, a birth year that fits an
 * age, or two ages that fit one another; 'differs' tells two people with alike names apart.
 */
export function recordedDatesAgree(a: RecordedDates, b: RecordedDates): { fit: DateFit; note: string } | null {
  const ya = birthYears(a);
  const yb = birthYears(b);
  if (!ya || !yb) return null;
  if (ya.exact && yb.exact) return ya.exact === yb.exact ? { fit: 'fits', note: `same date of birth ${ya.exact}` } : { fit: 'differs', note: `born ${ya.exact} / ${yb.exact}` };
  const overlap = ya.from <= yb.to && yb.from <= ya.to;
  return overlap ? { fit: 'fits', note: `${ya.text} fits ${yb.text}` } : { fit: 'differs', note: `${ya.text} / ${yb.text}` };
}
