/**
 * What the server withholds, said plainly (DESIGN.md §6). An entity or link that only reports held
 * under conditions by another agency support arrives as a held item (`kind: "HeldItem"`) or a HELD
 * link; free text about a protected person arrives named in `properties.textWithheld`; protected
 * subjects arrive under opaque ids. Nothing here guesses at what was withheld: it says who to ask.
 */
import type { Json } from '../api/json';

export const HELD_KIND = 'HeldItem';
export const HELD_LINK = 'HELD';

/** Ids the server made opaque for a protected subject: fine as chart ids, meaningless to a reader. */
const OPAQUE_ID = /^(child|phone|place|link)-[A-Za-z0-9_-]{16}$/;
export const isOpaqueId = (id: string): boolean => OPAQUE_ID.test(id);

/** The id as a reader may be shown it: null for an opaque one (it would look like it meant something). */
export const shownId = (id: string): string | null => (isOpaqueId(id) ? null : id);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2010-05-01' → '1 May 2010' (by hand: no time zone shifts the day); anything else as it came. */
export function dayText(value: Json | undefined): string | null {
  if (typeof value !== 'string' || !value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : value;
}

/** 'A', 'A or B', 'A, B or C'. */
function either(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** The agencies that hold an item (`heldBy`), without repeats; 'the owning agency' when none is named. */
export function holders(props: Record<string, Json>): string[] {
  const raw = Array.isArray(props.heldBy) ? props.heldBy : typeof props.heldBy === 'string' ? [props.heldBy] : [];
  const names = [...new Set(raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()))];
  return names.length ? names : ['the owning agency'];
}

/** "Held under conditions by <owner> since <date>. Ask <owner> for access." */
export function heldExplanation(props: Record<string, Json>): string {
  const owner = either(holders(props));
  const since = dayText(props.heldSince);
  return `Held under conditions by ${owner}${since ? ` since ${since}` : ''}. Ask ${owner} for access.`;
}

/** A HELD link: what its label says (who holds it, since when) and who to ask. */
export function heldLinkExplanation(props: Record<string, Json>): string {
  const label = typeof props.label === 'string' ? props.label : '';
  // A restriction's flag (issue 20 item 4): "1 item held by <team>, since <date>, review due <date>".
  const restricted = /held by (.+?), since (\d{4}-\d{2}-\d{2}), review due (\d{4}-\d{2}-\d{2})$/.exec(label);
  if (restricted) return `This link leads to a restricted record held by ${restricted[1]} since ${dayText(restricted[2])} (review due ${dayText(restricted[3])}). Select the record to ask ${restricted[1]} for access.`;
  const m = /held by (.+?)(?:, (\d{4}-\d{2}-\d{2}))?$/.exec(label);
  const owner = m?.[1] && m[1] !== 'another agency' ? m[1] : 'the owning agency';
  const since = dayText(m?.[2]);
  return `This link is held under conditions by ${owner}${since ? ` since ${since}` : ''}. Ask ${owner} for access.`;
}

/** The fields whose free text was withheld, as named by the server. */
export function withheldFields(props: Record<string, Json>): string[] {
  const v = props.textWithheld;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** One line per withheld field: "<field>: withheld — it concerns a protected person; …". */
export function withheldTextNotes(props: Record<string, Json>): string[] {
  return withheldFields(props).map((f) => `${f}: withheld — it concerns a protected person; the owning agency can release a version for sharing.`);
}

/** Free-text fields the server may withhold and the owning agency may release (as the server's allow-list). */
export const FREE_TEXT_FIELDS = ['summary', 'description', 'note', 'notes', 'title', 'details', 'text', 'comment', 'outcome', 'reason', 'conditions', 'basis', 'charge'] as const;

/**
 * The record's free-text fields with text the user can read, the usual ones first: what "Write a
 * version for sharing…" offers (a withheld field cannot be rewritten by someone who cannot read it).
 */
export function releasableFields(props: Record<string, Json>): string[] {
  return FREE_TEXT_FIELDS.filter((f) => {
    const v = props[f];
    return typeof v === 'string' && v.trim() !== '';
  });
}
