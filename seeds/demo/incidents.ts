/**
 * The incident writer every incident story uses: an Incident node (concern, missing, sighting,
 * complaint, crime, threat, licence event) with its status history, the report that records it (and
 * now and then a second, separate account), and its links — victims, parties, where it occurred, what
 * was involved (a taxi, a licence, an operator, a phone), and whether it is part of the operation.
 *
 * Every incident is remembered (`incidents`), so the meetings part can raise them at strategy and
 * responsible-authority meetings.
 *
 * Needs: the cast (for names in summaries). Writes nothing itself until a story calls incident().
 */
import type { DatasetLink } from '../dataset.js';
import { addDays, pad } from './builder.js';
import type { Cast, Child } from './cast.js';
import type { Kit, SourceType } from './reports.js';

export interface Involved {
  id: string;
  role?: string;
}

export interface IncidentSpec {
  kind: string;
  date: string;
  endDate?: string;
  summary: string;
  /** The offence, for crimes. */
  type?: string;
  outcome?: string;
  /** For missing episodes: the date of the return interview, or null when none was held. */
  returnInterviewOn?: string | null;
  victims?: string[];
  parties?: string[];
  at?: string;
  involved?: Involved[];
  /** Part of Operation Central. */
  partOf?: boolean;
  sourceType: SourceType;
  owner?: string;
  /** The statuses it went through; by default drawn for its kind. */
  statusPath?: string[];
}

/** What the meetings need to know of an incident written earlier. */
export interface IncidentRecord {
  id: string;
  kind: string;
  date: string;
  victims: string[];
  parties: string[];
  operators: string[];
}

export interface Incidents {
  /** Write an incident; returns its id (inc-0001 …). */
  incident(o: IncidentSpec): string;
  /** Every incident written so far, in order. */
  incidents: IncidentRecord[];
  /** A suspect's name, a child's pseudonym, or the id. */
  who(id: string): string;
  /** Whether an incident is part of the operation: within its span, naming a suspect, and then only sometimes. */
  inOp(date: string, parties: string[]): boolean;
}

/** Where a child lived on a date: the placement once it began, else the family home. */
export const placeAt = (c: Child, date: string): string | undefined =>
  c.placement && c.placement.from <= date ? c.placement.unit : (c.familyHome ?? c.placement?.unit);

export function incidentWriter({ rng, g, report, cite }: Kit, { suspects, children }: Cast): Incidents {
  let incN = 0;
  const incidents: IncidentRecord[] = [];
  function incident(o: IncidentSpec): string {
    const id = `inc-${pad(++incN, 4)}`;
    const path = o.statusPath ?? defaultPath(o.kind, o.date);
    let d = o.date;
    const history: string[] = [];
    for (const [i, st] of path.entries()) {
      if (i > 0) d = addDays(d, rng.int(2, 60));
      history.push(`${d}:${st}`);
    }
    const node = g.node(id, ['Incident'], {
      kind: o.kind,
      date: o.date,
      endDate: o.endDate,
      type: o.type,
      outcome: o.outcome,
      summary: o.summary,
      status: path[path.length - 1],
      history,
      returnInterviewOn: o.kind === 'missing' ? (o.returnInterviewOn ?? null) : undefined,
    });
    const reps = [report({ date: addDays(o.endDate ?? o.date, rng.int(0, 3)), sourceType: o.sourceType, owner: o.owner, summary: o.summary, mentions: [id] })];
    if (rng.chance(0.1)) {
      reps.push(report({ date: addDays(o.date, rng.int(1, 30)), sourceType: rng.pick(['youth_worker', 'public', 'partner', 'school'] as const), summary: `Separate account of the same events: ${o.summary}`, mentions: [id] }));
    }
    const links: DatasetLink[] = [];
    const mentions: string[] = [];
    for (const v of o.victims ?? []) {
      links.push(g.link('VICTIM_OF', v, id));
      mentions.push(v);
    }
    for (const p of new Set(o.parties ?? [])) {
      links.push(g.link('PARTY_TO', p, id));
      mentions.push(p);
    }
    if (o.at) {
      links.push(g.link('OCCURRED_AT', id, o.at)); // sourced on the link; not mentioned, to keep MENTIONS to what a report names
    }
    for (const inv of o.involved ?? []) {
      links.push(g.link('INVOLVED_IN', inv.id, id, { role: inv.role }));
      if (inv.id.startsWith('opr-')) mentions.push(inv.id); // named in the text
    }
    if (o.partOf) links.push(g.link('PART_OF', id, 'op-central'));
    cite(reps, [node, ...links], mentions);
    incidents.push({
      id,
      kind: o.kind,
      date: o.date,
      victims: o.victims ?? [],
      parties: o.parties ?? [],
      operators: (o.involved ?? []).filter((x) => x.id.startsWith('opr-')).map((x) => x.id),
    });
    return id;
  }
  /** The statuses an incident went through when its story does not say: those from March 2011 on may still be open. */
  function defaultPath(kind: string, date: string): string[] {
    const recent = date >= '2011-03-01';
    switch (kind) {
      case 'missing':
        return rng.chance(0.3) ? ['open', 'with_police', 'closed'] : ['open', 'closed'];
      case 'crime':
        return ['with_police', 'closed'];
      case 'sighting':
        return recent && rng.chance(0.5) ? ['open'] : ['open', 'closed'];
      case 'concern':
        return recent ? rng.pick([['open'], ['open', 'with_police']]) : rng.pick([['open', 'closed'], ['open', 'with_police', 'closed'], ['open', 'with_police']]);
      default:
        return recent ? ['open'] : ['open', 'closed'];
    }
  }
  const who = (id: string): string => {
    const s = suspects.find((x) => x.id === id);
    if (s) return `${s.given} ${s.surname}`;
    const c = children.find((x) => x.id === id);
    return c ? c.pseudonym : id;
  };
  const inOp = (date: string, parties: string[]) =>
    date >= '2009-06-01' && date <= '2011-03-31' && parties.some((p) => p.startsWith('per-s')) && rng.chance(0.3);
  return { incident, incidents, who, inOp };
}
