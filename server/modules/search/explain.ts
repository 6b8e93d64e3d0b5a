/**
 * Which field of a hit matched what the analyst typed, and how (the same word, its start, another
 * spelling, a typo, a short form, a sound-alike, an initial), with a date typed beside a name
 * compared to what is recorded; worked out from the hit AS THE CALLER SEES IT: a field the viewer
 * left out (a protected or withheld value) can never be named as the match.
 */
import type { EntityView } from '../../domain/entity.js';
import { readPostcode } from './identifiers.js';
import { decidingWords, nameWords, recordedForms } from '../../domain/names/words.js';
import { assignWords, RANK, weakest, type MatchHow } from '../../domain/names/match.js';
import { typedDateFit, type DateFit, type TypedDate } from '../../domain/names/dates.js';

export { MATCH_SCORE, DATE_FITS_BONUS, DATE_DIFFERS_PENALTY, type MatchHow } from '../../domain/names/match.js';

/**
 * A typed word is named by its place in what was typed, never echoed back: text sent back would
 * pass the access layer's second line, which blanks a protected name or date of birth wherever it
 * appears, so an echoed word coming back blanked would say that it is one. The app shows the
 * words from its own search box.
 */
export interface WordMatch {
  /** Which typed word: its place (from 0) among the text's words as typed, split at spaces. */
  at: number;
  /** The recorded word it matched, as recorded. */
  matched: string;
  how: MatchHow;
  field: string;
}

export interface SearchMatch {
  /** name, alias, pseudonym, phone, registration, address, postcode, vehicle, operator, email, licence */
  field: string;
  how: MatchHow;
  /** The visible value that matched (an alias, an address), when it is not the label itself. */
  value: string | null;
  words: WordMatch[];
  dates: DateFit | null;
  datesNote: string | null;
  /** One line for the analyst. */
  why: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
/** Fields holding names: they match by spelling, short form, sound and initial too. */
const NAME_FIELDS = new Set(['name', 'alias']);

/** The searchable fields of a hit, by the name an analyst knows them by (the full-text index's fields). */
function fieldsOf(e: EntityView): { field: string; value: string }[] {
  const p = e.properties;
  const out: { field: string; value: string }[] = [];
  const add = (field: string, v: unknown) => {
    if (Array.isArray(v)) v.forEach((x) => add(field, x));
    else if (str(v)) out.push({ field, value: String(v) });
  };
  add('name', [p.name, p.surname].filter(str).join(' '));
  add('alias', p.aliases);
  add('pseudonym', p.pseudonym);
  add('phone', p.phoneNo);
  add('phone', p.raw);
  add('registration', p.reg);
  add('vehicle', [p.make, p.model].filter(str).join(' '));
  add('address', p.address);
  add('postcode', p.postcode ?? p.code);
  add('operator', p.tradingName);
  add('email', p.email_address);
  add('licence', p.number);
  return out;
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Each folded word of a text with the word as written ("o'neill" → "O'Neill"). */
function asWritten(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const piece of text.split(/[\s,;-]+/)) for (const w of nameWords(piece)) if (!out.has(w)) out.set(w, piece.replace(/[.,]$/, ''));
  return out;
}

/** Each folded word of what was typed with the place of the space-separated piece it is in. */
export function typedPlaces(typed: string): Map<string, number> {
  const out = new Map<string, number>();
  typed
    .trim()
    .split(/\s+/)
    .forEach((piece, i) => {
      for (const w of nameWords(piece)) if (!out.has(w)) out.set(w, i);
    });
  return out;
}

/** What was typed, read once per search: the words that decide and where each was typed. */
export interface TypedWords {
  typed: string[];
  places: Map<string, number>;
}

/** Reads the typed words of `text` (a postcode as one phrase), placed in `typedText` (what the analyst typed, date and all). */
export function readTypedWords(text: string, typedText: string = text): TypedWords {
  const postcode = readPostcode(text);
  return { typed: [...new Set(decidingWords(nameWords(postcode ?? text)))], places: typedPlaces(typedText) };
}

/** One hit explained from typed text (explainTyped, reading the words first). */
export function explainText(text: string, entity: EntityView, date: TypedDate | null = null, typedText: string = text): SearchMatch | null {
  return explainTyped(readTypedWords(text, typedText), entity, date);
}

/**
 * The best explanation of the typed words (read once per search: readTypedWords); null unless EVERY typed word matches some visible field.
 * The indexes require every word (identifiers.ts, names/keys.ts), so a hit with a word no visible
 * field explains was found through a value the caller may not see (an alias only a withheld
 * report records): returning it would confirm a guessed hidden name.
 */
export function explainTyped({ typed, places }: TypedWords, entity: EntityView, date: TypedDate | null = null): SearchMatch | null {
  if (!typed.length) return null;
  const fields = fieldsOf(entity).map((f) => ({ ...f, words: NAME_FIELDS.has(f.field) ? recordedForms(nameWords(f.value)) : nameWords(f.value), written: asWritten(f.value), isName: NAME_FIELDS.has(f.field) }));

  // Each typed word's match in each field (one recorded word each), then its best over all fields.
  const perField = fields.map((f) => assignWords(typed, f.words, f.isName));
  const words: WordMatch[] = [];
  let unmatched = 0;
  const hasName = fields.some((f) => f.isName);
  for (const [i, w] of typed.entries()) {
    let best: WordMatch | null = null;
    for (const [j, f] of fields.entries()) {
      const m = perField[j]![i];
      if (m && (!best || RANK[m.how] < RANK[best.how])) best = { at: places.get(w) ?? i, matched: f.written.get(m.word) ?? capitalised(m.word), how: m.how, field: f.field };
    }
    // A middle name the record does not have ("Garrick Owen Grindlow" for "Garrick Grindlow") may
    // stay unmatched; the first and last words may not (names/keys.ts requires them too).
    const middle = typed.length >= 3 && i > 0 && i < typed.length - 1;
    if (!best && middle && hasName) unmatched++;
    else if (!best) return null;
    else words.push(best);
  }

  // The field that explains most words, most strongly; a name and its aliases count as one field.
  let best: { field: string; value: string; covered: number; how: MatchHow } | null = null;
  for (const [j, f] of fields.entries()) {
    const ms = perField[j]!.filter((m): m is NonNullable<typeof m> => m !== null);
    if (!ms.length) continue;
    const how = ms.length < typed.length ? 'partial' : weakest(ms.map((m) => m.how));
    if (!best || ms.length > best.covered || (ms.length === best.covered && RANK[how] < RANK[best.how])) best = { field: f.field, value: f.value, covered: ms.length, how };
  }
  if (!best) return null;
  let how = best.how;
  // "Gaz Grindlow": a nickname recorded as an alias, the surname in the name: still a name match.
  if (how === 'partial' && words.every((w) => NAME_FIELDS.has(w.field))) how = weakest(words.map((w) => w.how));
  if (unmatched) how = 'partial';

  const fit = date ? typedDateFit(date, entity.properties) : null;
  const value = entity.label.toLowerCase().includes(best.value.toLowerCase()) ? null : best.value;
  return { field: best.field, how, value, words, dates: fit?.fit ?? null, datesNote: fit?.note ?? null, why: whyLine(words, fit?.note ?? null, fit?.fit ?? null, unmatched) };
}

/** "Garrick sounds like · Grindlow exact · a middle name not recorded · born 1979 fits age 31 in 2010": recorded words only. */
export function whyLine(words: WordMatch[], datesNote: string | null, fit: DateFit | null, unmatched = 0): string {
  const parts = words.map((w) => `${w.matched} ${w.how === 'exact' ? 'exact' : HOW_SAID[w.how]}`);
  if (unmatched) parts.push(unmatched > 1 ? `${unmatched} middle names not recorded` : 'a middle name not recorded');
  if (datesNote) parts.push(fit === 'differs' ? `date differs: ${datesNote}` : `date ${datesNote}`);
  return parts.join(' · ');
}

/** A kind said after the recorded word it matched: "Garrick (sounds like)". */
const HOW_SAID: Record<MatchHow, string> = {
  exact: 'exact',
  prefix: '(start typed)',
  variant: '(another spelling)',
  sounds: '(sounds like)',
  typo: '(close spelling)',
  nickname: '(short form)',
  initial: '(initial)',
  partial: '(in part)',
};
