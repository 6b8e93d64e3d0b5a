import type { Entity } from '../../api/entities';
import type { Json } from '../../api/json';
import type { ChildSummary } from '../../api/safeguarding';
import { shownId } from '../../chart/withheld';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Today as YYYY-MM-DD in the user's own time zone (not UTC: a meeting at 00:30 is still today). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * '2009-11-20' → '20 Nov 2009': unambiguous when read out in a meeting. Parsed by hand so no time
 * zone can shift the day. Anything else is shown as it came; null when there is no date at all.
 */
export function formatDate(value: Json | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : value;
}

export const str = (v: Json | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const num = (v: Json | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The picker's line for a child: 'YP01 — Amy Calloway, 14, looked-after'. */
export function childOption(c: ChildSummary): string {
  let s = c.pseudonym ? `${c.pseudonym} — ${c.label}` : c.label;
  if (typeof c.age === 'number') s += `, ${c.age}`;
  if (c.lookedAfter) s += ', looked-after';
  return s;
}

/** What a chart or list shows for an entity: a child other than the focal one only by its descriptor. */
export function displayLabel(e: Entity): string {
  return str(e.properties?.descriptor) ?? (e.label || shownId(e.id) || 'withheld');
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Linked persons: the evidence behind a score.

export interface LinkDetail {
  /** Every route found from the person to the child ('party to missing 2009-11-20', …). */
  routes: string[];
  /** The independent kinds among those routes ('incident', 'notice', …): the score counts these. */
  routeKinds: string[];
  otherChildren: number | null;
  notices: number | null;
}

export function readDetail(detail: Json | null | undefined): LinkDetail {
  const d = detail && typeof detail === 'object' && !Array.isArray(detail) ? detail : {};
  const strings = (v: Json | undefined) => (Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string' && r !== '') : []);
  return { routes: strings(d.routes), routeKinds: strings(d.routeKinds), otherChildren: num(d.otherChildren), notices: num(d.notices) };
}

// ---------------------------------------------------------------------------------------------
// Chronology: one line per dated record, with the facts a strategy meeting asks about.

export interface Fact {
  text: string;
  /** Something not done that should have been: drawn so it cannot be missed. */
  alert?: boolean;
}

export interface ChronologyRow {
  id: string;
  /** As displayed ('20 Nov 2009'); null when the record has no date. */
  date: string | null;
  /** The raw date, for the tooltip. */
  iso: string | null;
  /** 'Missing episode', 'Concern', 'Notice', 'Placement', … */
  kind: string;
  /** A key for styling the kind tag. */
  tone: 'missing' | 'incident' | 'crime' | 'notice' | 'meeting' | 'placement' | 'other';
  text: string;
  facts: Fact[];
}

const INCIDENT_KINDS: Record<string, string> = {
  missing: 'Missing episode',
  concern: 'Concern',
  crime: 'Crime',
  sighting: 'Sighting',
  threat: 'Threat',
  complaint: 'Complaint',
};

const NOTICE_KINDS: Record<string, string> = {
  child_abduction: 'Child abduction warning notice',
};

const humanise = (s: string): string => {
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
};

const has = (e: Entity, label: string): boolean => e.kind === label || (e.labels ?? []).includes(label);

/** What the chart around the child adds to a record: on whom a notice was served. */
export interface ChronologyContext {
  servedOn?: ReadonlyMap<string, string>;
}

export function chronologyRow(e: Entity, ctx: ChronologyContext = {}): ChronologyRow {
  const p = e.properties ?? {};
  const label = displayLabel(e);
  const row = (date: Json | undefined, kind: string, tone: ChronologyRow['tone'], text: string, facts: Fact[] = []): ChronologyRow => ({
    id: e.id,
    // The server's chronologyDate is the date that placed the record; the kind's own date otherwise.
    date: formatDate(p.chronologyDate ?? date),
    iso: str(p.chronologyDate ?? date),
    kind,
    tone,
    text,
    facts,
  });

  if (has(e, 'Incident') || has(e, 'Crime')) {
    const ik = str(p.kind) ?? (has(e, 'Crime') ? 'crime' : 'incident');
    const facts: Fact[] = [];
    const end = formatDate(p.endDate);
    if (ik === 'missing') {
      const found = str(p.foundAt);
      if (found) facts.push({ text: `found at ${found}` });
      facts.push(end ? { text: `ended ${end}` } : { text: 'no end date recorded', alert: true });
      const ri = formatDate(p.returnInterviewOn);
      facts.push(ri ? { text: `return interview: done ${ri}` } : { text: 'return interview: not done', alert: true });
    } else if (end && end !== formatDate(p.date)) {
      facts.push({ text: `until ${end}` });
    }
    const type = str(p.type);
    if (type && type.toLowerCase() !== ik) facts.push({ text: type });
    const outcome = str(p.outcome) ?? str(p.last_outcome);
    if (outcome) facts.push({ text: `outcome: ${outcome}` });
    const status = str(p.status);
    if (status) facts.push({ text: `status: ${status.replace(/_/g, ' ')}` });
    const tone = ik === 'missing' ? 'missing' : ik === 'crime' ? 'crime' : 'incident';
    return row(p.date, INCIDENT_KINDS[ik] ?? humanise(ik), tone, str(p.summary) ?? str(p.note) ?? label, facts);
  }

  if (has(e, 'Notice')) {
    const nk = str(p.kind) ?? str(p.noticeKind);
    const told = formatDate(p.licensingNotifiedOn);
    const facts: Fact[] = [told ? { text: `licensing told: ${told}` } : { text: 'licensing told: never', alert: true }];
    const kind = nk ? (NOTICE_KINDS[nk] ?? `${humanise(nk)} notice`) : 'Notice';
    const on = ctx.servedOn?.get(e.id);
    return row(p.servedOn, kind, 'notice', on ? `${kind} served on ${on}` : `${kind} served`, facts);
  }

  if (has(e, 'Meeting')) {
    const title = str(p.title) ?? label;
    const mk = str(p.kind) ?? str(p.meetingKind);
    return row(p.date, mk === 'strategy' ? 'Strategy meeting' : 'Meeting', 'meeting', title);
  }

  if (p.placementFrom !== undefined && p.placementFrom !== null) {
    const facts: Fact[] = [];
    const until = formatDate(p.placementTo) ?? formatDate(p.placementUntil);
    if (until) facts.push({ text: `until ${until}` });
    if (p.restricted === true) facts.push({ text: 'protected address: do not read out' });
    const role = str(p.placementRole);
    const kind = !role || role === 'placement' ? 'Placement' : `Address (${role.replace(/_/g, ' ')})`;
    return row(p.placementFrom, kind, 'placement', label, facts);
  }

  return row(p.date ?? p.servedOn ?? p.receivedOn, humanise(e.kind), 'other', str(p.summary) ?? str(p.title) ?? label);
}
