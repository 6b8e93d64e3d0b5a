/**
 * The purpose of the work in hand ("Operation Central review", "licence renewal of driver X"). The
 * server audits every read with it, sent as the `x-purpose` header (api.ts). It is asked once per
 * working session, kept in sessionStorage (this tab, until sign-out) and changed from the header.
 * The few last purposes are offered again (localStorage, per user).
 *
 * The pure pieces come first (unit-tested in test/web/purpose.test.ts); storage follows.
 */

/** Shorter is not a purpose anyone can audit ('x'); the server keeps the first 500 characters. */
export const PURPOSE_MIN = 3;
export const PURPOSE_MAX = 500;
/** How many earlier purposes the dialog offers. */
export const RECENT_MAX = 5;

/** Roles that are asked for a purpose after sign-in. Safeguarding states one per meeting view; admin reads no case data. */
export function asksPurpose(role: string): boolean {
  const r = role.toLowerCase();
  return r === 'analyst' || r === 'licensing';
}

/** Typographic punctuation a keyboard or a paste brings in, as the plain characters a header may carry. */
const PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
};

/**
 * The purpose as it is kept and sent: one line, spaces collapsed, at most 500 characters, and only
 * characters an HTTP header can carry (fetch refuses anything past U+00FF): curly quotes and dashes
 * become plain ones, anything else outside Latin-1 becomes '?'. What the dialog shows back is this,
 * so the user sees exactly what the audit log will hold.
 */
export function cleanPurpose(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const plain = PLAIN[ch];
    if (plain !== undefined) out += plain;
    else {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += ' ';
      else out += code > 0xff ? '?' : ch;
    }
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, PURPOSE_MAX).trim();
}

/** Why this purpose cannot be used yet; null when it can. */
export function purposeProblem(text: string): string | null {
  const p = cleanPurpose(text);
  if (!p) return 'Say what this work is for: it is recorded with everything you open.';
  if (p.length < PURPOSE_MIN) return `The purpose needs at least ${PURPOSE_MIN} characters.`;
  return null;
}

/** The recent list with `purpose` first: no repeats (ignoring case), at most `max`. */
export function withRecent(recent: readonly string[], purpose: string, max = RECENT_MAX): string[] {
  const p = cleanPurpose(purpose);
  if (!p) return recent.slice(0, max);
  const key = p.toLowerCase();
  return [p, ...recent.filter((r) => r.toLowerCase() !== key)].slice(0, max);
}

// ---------------------------------------------------------------------------------------------
// Storage. Both stores can throw (privacy modes, sandboxed frames): then the purpose lives in
// memory for this page only, and nothing is offered as recent.

const SESSION_KEY = 'purpose';
const recentKey = (username: string) => `purposes:${username}`;

interface Held {
  username: string;
  purpose: string;
}

let memory: Held | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

function readHeld(): Held | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    if (raw === null) return memory;
    const v = JSON.parse(raw) as Partial<Held>;
    return typeof v.username === 'string' && typeof v.purpose === 'string' ? { username: v.username, purpose: v.purpose } : null;
  } catch {
    return memory;
  }
}

/** The purpose of this working session when it is `username`'s (a new person in the tab is asked again). */
export function purposeFor(username: string): string | null {
  const h = readHeld();
  return h && h.username === username && h.purpose ? h.purpose : null;
}

/** What goes in the `x-purpose` header now: this tab's purpose, whoever set it (the server knows who is asking). */
export function currentPurpose(): string | null {
  return readHeld()?.purpose || null;
}

/** Sets the working session's purpose, and remembers it among the user's recent ones. */
export function setPurpose(username: string, text: string): string {
  const purpose = cleanPurpose(text);
  memory = { username, purpose };
  try {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(memory));
    memory = null;
  } catch {
    // Kept in memory.
  }
  try {
    window.localStorage.setItem(recentKey(username), JSON.stringify(withRecent(recentPurposes(username), purpose)));
  } catch {
    // No recent list then.
  }
  changed();
  return purpose;
}

/** Ends the working session's purpose (sign-out): the next sign-in is asked again. */
export function clearPurpose(): void {
  memory = null;
  try {
    window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing was stored.
  }
  changed();
}

export function recentPurposes(username: string): string[] {
  try {
    const v = JSON.parse(window.localStorage.getItem(recentKey(username)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

/** For useSyncExternalStore: called whenever the purpose is set or cleared in this page. */
export function subscribePurpose(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
