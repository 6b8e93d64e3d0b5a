/**
 * Which field of a hit matched what the analyst typed, and how (exactly, as the start of a word,
 * or within a typo or two), worked out from the hit AS THE CALLER SEES IT: a field the viewer left
 * out (a protected or withheld value) can never be named as the match.
 */
import { distance } from 'fastest-levenshtein';
import type { EntityView } from '../../domain/entity.js';
import { readPostcode } from './identifiers.js';

export type MatchHow = 'exact' | 'prefix' | 'typo' | 'partial';
export interface SearchMatch {
  /** name, alias, pseudonym, phone, registration, address, postcode, vehicle, operator, email, licence */
  field: string;
  how: MatchHow;
  /** The visible value that matched (an alias, an address), when it is not the label itself. */
  value: string | null;
}

const RANK: Record<MatchHow, number> = { exact: 0, prefix: 1, typo: 2, partial: 3 };

/**
 * The score a word hit is given: from how it matched what the caller sees, never Lucene's own score,
 * whose term statistics count every indexed record, the hidden ones too (a score would say how many
 * hidden people share a surname).
 */
export const MATCH_SCORE: Record<MatchHow, number> = { exact: 40, prefix: 30, typo: 20, partial: 10 };
const tokens = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

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

/** How one typed word matches one stored word, if it does (the rules of luceneQuery in identifiers.ts). */
function wordMatch(typed: string, stored: string): MatchHow | null {
  if (typed === stored) return 'exact';
  if (stored.startsWith(typed)) return 'prefix';
  if (typed.length >= 3) {
    // Lucene counts a swap of two letters as one edit; Levenshtein as two: allow one more.
    const edits = (typed.length >= 7 ? 2 : 1) + 1;
    if (distance(typed, stored) <= edits) return 'typo';
  }
  return null;
}

/**
 * The best field explaining the typed words; null unless EVERY typed word matches some visible field.
 * The index requires every word (identifiers.ts, luceneQuery), so a hit with a word no visible field
 * explains was found through a value the caller may not see (an alias only a withheld report
 * records): returning it would confirm a guessed hidden name.
 */
export function explainText(text: string, entity: EntityView): SearchMatch | null {
  const postcode = readPostcode(text);
  const typed = postcode ? tokens(postcode) : tokens(text);
  if (!typed.length) return null;
  const fields = fieldsOf(entity);
  const visibleWords = fields.flatMap((f) => tokens(f.value));
  if (!typed.every((w) => visibleWords.some((s) => wordMatch(w, s) !== null))) return null;
  let best: { m: SearchMatch; covered: number } | null = null;
  for (const f of fields) {
    const stored = tokens(f.value);
    let covered = 0;
    let worst: MatchHow = 'exact';
    for (const w of typed) {
      const hows = stored.map((s) => wordMatch(w, s)).filter((h): h is MatchHow => h !== null);
      if (!hows.length) continue;
      covered++;
      const h = hows.sort((a, b) => RANK[a] - RANK[b])[0]!;
      if (RANK[h] > RANK[worst]) worst = h;
    }
    if (!covered) continue;
    const how: MatchHow = covered < typed.length ? 'partial' : worst;
    // The value only when the row would not show it anyway (an alias, a make and model).
    const m = { field: f.field, how, value: entity.label.toLowerCase().includes(f.value.toLowerCase()) ? null : f.value };
    if (!best || covered > best.covered || (covered === best.covered && RANK[how] < RANK[best.m.how])) best = { m, covered };
  }
  return best?.m ?? null;
}
