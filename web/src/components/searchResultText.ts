/**
 * The words of one search result row: what matched (in words, never a score) and the facts that
 * tell it from others of the same name. Pure, so that it is tested without a browser.
 */
import type { SearchContext, SearchMatch } from '../api/search';
import { howTag } from '../search/matchReason';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1979-08-23" → "23 Aug 1979"; anything else as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Whole years from a date of birth to `today`. */
export function ageOn(bornIso: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(bornIso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age--;
  return age;
}

/** A UK number as people write it ("+447700900535" → "07700 900535"); others as stored. */
export function formatPhone(e164: string): string {
  const m = /^\+44(\d{4})(\d{6})$/.exec(e164);
  return m ? `0${m[1]} ${m[2]}` : e164;
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  alias: 'alias',
  pseudonym: 'pseudonym',
  phone: 'phone number',
  registration: 'registration',
  vehicle: 'make and model',
  address: 'address',
  postcode: 'postcode',
  operator: 'trading name',
  email: 'e-mail',
  licence: 'licence number',
};

/** "alias “D. Kershaw-Hill” · start of word": which field matched and how well, in words. */
export function matchText(m: Pick<SearchMatch, 'field' | 'how' | 'value'> | null): string | null {
  if (!m) return null;
  const field = FIELD_WORDS[m.field] ?? m.field;
  const value = m.value ? ` “${m.value}”` : '';
  return `${field}${value} · ${howTag(m.how)}`;
}

export interface ContextPart {
  /** What the fact is, for screen readers and the icon's tooltip. */
  what: string;
  text: string;
}

/**
 * The facts, in the order an analyst reads them: born (or age), current address, phones,
 * vehicles, who is behind it, own details, aliases. Extra entries are counted, not listed.
 */
export function contextParts(c: SearchContext, kind: string, today = new Date()): ContextPart[] {
  const parts: ContextPart[] = [];
  const list = (what: string, items: string[], fmt: (s: string) => string = (s) => s, shown = 1) => {
    if (!items.length) return;
    const more = items.length - shown;
    parts.push({ what, text: items.slice(0, shown).map(fmt).join(', ') + (more > 0 ? ` +${more}` : '') });
  };
  if (c.born) {
    const age = ageOn(c.born, today);
    parts.push({ what: 'born', text: `b. ${formatDate(c.born)}${age !== null ? ` (${age})` : ''}` });
  } else if (c.age !== null) parts.push({ what: 'age', text: `age ${c.age} as recorded` });
  list('address', c.addresses);
  list('phone', c.phones, formatPhone);
  list('vehicle', c.vehicles);
  list(kind === 'Location' ? 'lives here' : 'used by', c.people, (s) => s, 2);
  list('details', c.details, (s) => s, 3);
  list('also known as', c.aliases, (s) => s, 3);
  return parts;
}
