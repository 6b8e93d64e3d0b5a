/**
 * Why a search result matched, in words an analyst reads at a glance: "Garik sounds like Garrick ·
 * Grindlw typo of Grindlow · born 1979 fits". Built from the server's per-word matches (`words`) and
 * date comparison (`dates`, `datesNote`), falling back to its `why` line, then to the field and how.
 * Also how much weight the match deserves (a nickname or a sound-alike is weaker evidence than an
 * exact name) and, when the recorded date differs from the one typed, the warning to show. Pure,
 * so that it is tested without a browser.
 */
import type { SearchMatch, WordMatch } from '../api/search';

/** strong: exact or the start of a word; near: another spelling, a typo; weak: sounds like, nickname, initial, some words. */
export type MatchStrength = 'strong' | 'near' | 'weak';

export interface MatchReason {
  /** The kind of the weakest word match in a word or two: "sounds like", "nickname", "exact". */
  tag: string;
  strength: MatchStrength;
  /** The words that did not match exactly, each with what it matched: "Garik sounds like Garrick · Grindlw typo of Grindlow"; null when there is nothing to say beyond the tag. */
  words: string | null;
  /** The same, one entry a word (for a row that wraps between words, never inside one). */
  wordParts: string[];
  /** The typed date that fits what is recorded: "date typed fits age 31 in 2010"; null otherwise. */
  dateFits: string | null;
  /** The recorded date differs from the one typed: "recorded born 11 Feb 1985 — not the date typed"; null otherwise. */
  dateDiffers: string | null;
  /** The whole reason on one line (tag, words, dates), for a tooltip or a screen reader. */
  line: string;
}

const HOW_TAG: Record<string, string> = {
  exact: 'exact',
  prefix: 'start of word',
  variant: 'another spelling',
  typo: 'close spelling',
  nickname: 'nickname',
  sounds: 'sounds like',
  initial: 'initial',
  partial: 'some words',
};

const STRENGTH: Record<string, MatchStrength> = {
  exact: 'strong',
  prefix: 'strong',
  variant: 'near',
  typo: 'near',
  nickname: 'weak',
  sounds: 'weak',
  initial: 'weak',
  partial: 'weak',
};

/** A match kind ("sounds") in a word or two ("sounds like"); unknown kinds as given. */
export function howTag(how: string): string {
  return HOW_TAG[how] ?? how;
}

/** How much weight a match kind deserves; an unknown kind counts as near, neither trusted nor dismissed. */
export function strengthOf(how: string): MatchStrength {
  return STRENGTH[how] ?? 'near';
}

const FIELD_NOTE: Record<string, string> = { alias: 'alias', pseudonym: 'pseudonym', operator: 'trading name' };

/** The word the analyst typed at a place, from the text they searched for (the server sends only the place). */
export function typedWord(query: string, at: number): string {
  return (query.trim().split(/\s+/)[at] ?? '').replace(/[.,;]+$/, '');
}

/** One typed word and what it matched: "Garik sounds like Garrick", "Bob nickname for Robert", "initial G → Garrick". */
export function wordText(w: WordMatch, typedText: string): string {
  const typed = typedText.trim();
  if (!typed && w.how !== 'exact') return `${howTag(w.how)} ${w.matched.trim()}`;
  const matched = w.matched.trim();
  let text: string;
  switch (w.how) {
    case 'exact':
      text = matched;
      break;
    case 'prefix':
      text = `${typed}… → ${matched}`;
      break;
    case 'variant':
      text = `${typed} another spelling of ${matched}`;
      break;
    case 'typo':
      text = `${typed} typo of ${matched}`;
      break;
    case 'nickname':
      // Either way round: "Bob" typed for a recorded Robert, or "Robert" typed for a recorded Bob.
      text = typed.length <= matched.length ? `${typed} nickname for ${matched}` : `${typed} recorded as nickname ${matched}`;
      break;
    case 'sounds':
      text = `${typed} sounds like ${matched}`;
      break;
    case 'initial':
      text = `initial ${typed.replace(/\.$/, '')} → ${matched}`;
      break;
    case 'partial':
      text = `${typed} part of ${matched}`;
      break;
    default:
      text = `${typed} → ${matched} (${w.how})`;
  }
  const field = FIELD_NOTE[w.field];
  return field ? `${text} (${field})` : text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ISO dates inside a phrase as people write them: "born 1985-02-11" → "born 11 Feb 1985"; "1985-02" → "Feb 1985". */
export function humanDates(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (all, y: string, m: string, d: string) => (MONTHS[Number(m) - 1] ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}` : all))
    .replace(/\b(\d{4})-(\d{2})\b/g, (all, y: string, m: string) => (MONTHS[Number(m) - 1] ? `${MONTHS[Number(m) - 1]} ${y}` : all));
}

/**
 * The warning for a date that differs, recorded first (it is the fact): "recorded born 1985-02-11"
 * → "recorded born 11 Feb 1985 — not the date typed". A note in another shape is kept, in words.
 */
export function differsText(note: string | null | undefined): string {
  const n = note?.trim();
  if (!n) return 'the recorded date differs from the one typed';
  if (/^recorded\s/i.test(n)) return `${humanDates(n.replace(/[.\s]+$/, ''))} — not the date typed`;
  return `dates differ: ${humanDates(n)}`;
}

/** A date that fits, as the server says it ("fits age 31 in 2010"): "date typed fits age 31 in 2010". */
export function fitsText(note: string | null | undefined): string {
  const n = note?.trim();
  return n ? `date typed ${humanDates(n)}` : 'date fits';
}

/**
 * Why a hit matched, from its `matched`. Words that matched exactly are left out when others did
 * not (the analyst typed them; the inexact ones are what to weigh). With no word detail the server's
 * `why` line is used (less what the date parts say, which are shown apart), then the old field and how.
 */
export function matchReason(m: SearchMatch | null | undefined, query = ''): MatchReason | null {
  if (!m) return null;
  const how = m.how;
  const tag = howTag(how);
  const strength = strengthOf(how);
  const words = Array.isArray(m.words) ? m.words : [];

  // The server's line in parts, without its date part (shown on its own) and without a bare repeat of the tag.
  const whyParts = (m.why ?? '')
    .split('·')
    .map((s) => s.trim())
    .filter((s) => s && !(m.datesNote && s.includes(m.datesNote.trim())) && !/\b(fits|differs?)\b/.test(s) && s.toLowerCase() !== tag && s.toLowerCase() !== how);

  let wordParts: string[];
  if (words.length > 0) {
    const inexact = words.filter((w) => w.how !== 'exact').map((w) => wordText(w, typedWord(query, w.at)));
    // What the line says beyond the words ("a middle name not recorded").
    const named = new Set(words.map((w) => w.matched.toLowerCase()));
    const beyond = whyParts.filter((part) => !part.split(/\s+/).some((x) => named.has(x.toLowerCase())));
    wordParts = [...inexact, ...beyond.map(humanDates)];
  } else {
    wordParts = whyParts.map(humanDates);
  }
  const wordsText = wordParts.length > 0 ? wordParts.join(' · ') : null;

  const dates = m.dates ?? null;
  const dateFits = dates === 'fits' ? fitsText(m.datesNote) : null;
  const dateDiffers = dates === 'differs' ? differsText(m.datesNote) : null;

  const line = [tag, wordsText, dateFits, dateDiffers && `⚠ ${dateDiffers}`].filter(Boolean).join(' · ');
  return { tag, strength, words: wordsText, wordParts, dateFits, dateDiffers, line };
}
