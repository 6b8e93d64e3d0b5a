/**
 * Child indicators for a strategy meeting (issue 20, item 7): warning signs gathered from across
 * services — several phones, contact with adults' phones, rides in vehicles of interest, missing
 * episodes and their repeats, places of concern, school absence and health flags — each with the
 * reports behind it, and what is not known said out loud rather than shown as nothing.
 *
 * The same rules as the strategy-meeting view (childConnections): need-to-know per child, a stated
 * purpose, as of a date; the guard's viewer shows every other child only as a descriptor, and a fact
 * only withheld reports support as "held by <owner>, <date>", without its content.
 */
import { GraphQLError } from 'graphql';
import type { Database, PlainNode, PlainRel } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import { parseArgs } from '../../http/errors.js';
import { childArgs } from '../safeguarding/resolvers.js';
import { assignedChildren } from '../safeguarding/assignments.js';
import type { RequestContext } from '../../http/context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { ReportBook, sourcesOf, type SourceView } from './sources.js';

const q = (name: string) => cypherFile(import.meta.url, name);

type Status = 'present' | 'none_recorded' | 'not_known';
interface Item {
  date: string | null;
  text: string;
  entity: EntityView | null;
  held: boolean;
  sources: SourceView[];
}
interface Indicator {
  key: string;
  title: string;
  status: Status;
  summary: string;
  count: number;
  items: Item[];
  notKnown: string[];
}

/** A fact before its sources are read: the report ids behind it and how to say it. */
interface Fact {
  date: string | null;
  text: string;
  node: PlainNode | null;
  sources: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const words = (v: unknown) => String(v ?? '').replace(/_/g, ' ');
const label = (n: PlainNode | null | undefined) => (n ? toEntity(n).label : '');

/** The facts with their sources read; a fact only withheld reports support says only who holds it. */
function itemsOf(book: ReportBook, facts: Fact[]): Item[] {
  return facts.map((f) => {
    if (book.heldOnly(f.sources)) return { date: null, text: book.heldText(f.sources), entity: null, held: true, sources: book.of(f.sources) };
    const entity = f.node ? toEntity(f.node) : null;
    // The record itself may be held although the link to it is not: say only that it is held.
    if (entity?.kind === 'HeldItem') return { date: null, text: entity.label, entity: null, held: true, sources: book.of(f.sources) };
    return { date: f.date, text: f.text, entity, held: false, sources: book.of(f.sources) };
  });
}

const ARGS = childArgs.omit({ hops: true });

/** "2 abduction notices served here (2008-11-15, 2010-05-09)"; null for none. */
function noticeWords(notices: { servedOn: string | null }[], how: string): string | null {
  if (!notices.length) return null;
  const dates = notices.map((n) => n.servedOn).filter((d): d is string => !!d).sort();
  return `${notices.length === 1 ? 'an abduction notice' : `${notices.length} abduction notices`} ${how}${dates.length ? ` (${dates.join(', ')})` : ''}`;
}

export async function childIndicators(db: Database, childId: string, asOf: string, child: PlainNode): Promise<{ child: EntityView; asOf: string; indicators: Indicator[] }> {
  const params = { childId, asOf, withheld: currentViewer()?.withheldReportIds() ?? [] };
  // Eight queries, each planned on first use: on a loaded machine the first plan alone can take seconds.
  const what = { what: "The child's indicators", timeoutMs: 60_000 };
  const [phones, handset, calls, callRecords, vehicles, missing, places, records] = await Promise.all(
    ['phones', 'handset', 'calls', 'callRecords', 'vehicles', 'missing', 'places', 'records'].map((n) => db.read(q(`${n}.cypher`), params, what)),
  );
  const book = new ReportBook(db);
  const facts: Record<string, Fact[]> = {};
  const notes: Record<string, string[]> = {};

  // Several phones: the child's own numbers (each one the child was known to use).
  facts.several_phones = phones!.map((r) => {
    const h = r.h as PlainRel;
    return { date: s(h.props.from), text: `Uses ${label(r.ph as PlainNode)}${s(h.props.basis) ? ` (${words(h.props.basis)})` : ''}`, node: r.ph as PlainNode, sources: sourcesOf(h, r.ph as PlainNode) };
  });

  // Contact with adults' phones: the child's handset entries of adults' numbers, and calls with them.
  const entries = handset!.filter((r) => r.h);
  const downloaded = entries.length > 0;
  facts.adult_phone_contact = [];
  for (const r of entries) {
    const holders = (r.holders as { p: PlainNode; hp: PlainRel }[]).filter(Boolean);
    if (!holders.length) continue;
    const h = r.h as PlainRel;
    const saved = toEntity(r.ph as PlainNode); // the number as the caller may see it
    const savedAs = s(h.props.savedAs);
    facts.adult_phone_contact.push({
      date: s(h.props.from),
      text: `${saved.label} is in the child's phone${savedAs ? ` as "${savedAs}"` : ''}: the number of ${holders.map((x) => label(x.p)).join(', ')}`,
      node: holders[0]!.p,
      sources: sourcesOf(h, ...holders.map((x) => x.hp)),
    });
  }
  for (const r of calls!) {
    const n = Number(r.calls ?? 0);
    const span = [s(r.firstOn), s(r.lastOn)].filter(Boolean);
    facts.adult_phone_contact.push({
      date: s(r.firstOn),
      text: `${plural(n, 'call')} between the child's phone and ${label(r.other as PlainNode)}, the number of ${label(r.p as PlainNode)}${span.length ? ` (${[...new Set(span)].join(' to ')})` : ''}`,
      node: r.p as PlainNode,
      sources: [...new Set([...(r.sources as string[]), ...sourcesOf(r.hp as PlainRel)])],
    });
  }
  const callsHeld = Number(callRecords![0]?.records ?? 0) > 0;
  notes.adult_phone_contact = [
    ...(downloaded ? [] : ["No handset download held for the child's phone"]),
    ...(callsHeld ? [] : ["No call records held for the child's phones"]),
  ];

  // Rides in vehicles of interest: a vehicle the child was in, or one in an incident about the child,
  // used by someone on a chart as a suspect, served a notice or named in incidents about children.
  facts.vehicle_of_interest = [];
  let otherVehicles = 0;
  for (const r of vehicles!) {
    const users = r.users as { p: PlainNode; role: string | null; suspect: boolean; notices: number; childIncidents: number }[];
    const operators = (r.operators as PlainNode[]).filter(Boolean);
    if (!users.length && !operators.length) {
      otherVehicles++;
      continue;
    }
    const seen = r.seen as { via: PlainRel; inc: PlainNode | null }[];
    const how = seen.map((x) => (x.inc ? `in a ${words(x.inc.props.kind)} on ${s(x.inc.props.date) ?? 'an unknown date'}` : `the child seen in it${s(x.via.props.from) ? ` on ${s(x.via.props.from)}` : ''}`));
    // One line per person, whatever roles they have with the vehicle (keeper and usual driver).
    const byPerson = new Map<string, { p: PlainNode; roles: string[]; marks: string[] }>();
    for (const u of users) {
      const key = String(u.p.props.id);
      const marks = [u.suspect ? 'a suspect on an operation chart' : null, u.notices ? `served ${plural(Number(u.notices), 'abduction notice')}` : null, u.childIncidents ? `named in ${plural(Number(u.childIncidents), 'incident')} about children` : null].filter((m): m is string => !!m);
      const seenBefore = byPerson.get(key);
      if (seenBefore) seenBefore.roles.push(words(u.role ?? 'user'));
      else byPerson.set(key, { p: u.p, roles: [words(u.role ?? 'user')], marks });
    }
    const why = [
      ...[...byPerson.values()].map((u) => `${label(u.p)}, ${[...new Set(u.roles)].join(' and ')} (${u.marks.join('; ')})`),
      ...operators.map((o) => `a licensed vehicle of ${label(o)}`),
    ];
    const dates = seen.map((x) => (x.inc ? s(x.inc.props.date) : s(x.via.props.from))).filter((d): d is string => !!d).sort();
    facts.vehicle_of_interest.push({
      date: dates[0] ?? null,
      text: `${label(r.v as PlainNode)}: ${how.join('; ')}. Of interest: ${why.join('; ')}`,
      node: r.v as PlainNode,
      sources: sourcesOf(...seen.map((x) => x.via), ...seen.map((x) => x.inc)),
    });
  }
  notes.vehicle_of_interest = vehicles!.length ? [] : ['No record of the child in any vehicle'];

  // Missing episodes: each with where the child was found and whether a return interview was done (by asOf).
  let interviews = 0;
  facts.missing_episodes = missing!.map((r) => {
    const i = r.i as PlainNode;
    const p = i.props;
    const ri = s(p.returnInterviewOn);
    const done = !!ri && ri <= asOf;
    if (done) interviews++;
    const found = r.foundAt ? `found at ${label(r.foundAt as PlainNode)}` : 'where found not recorded';
    const end = s(p.endDate) && s(p.endDate) !== s(p.date) ? ` to ${s(p.endDate)}` : '';
    return { date: s(p.date), text: `Missing ${s(p.date) ?? ''}${end}; ${found}; ${done ? `return interview ${ri}` : 'no return interview recorded'}`, node: i, sources: sourcesOf(i, r.vo as PlainRel) };
  });

  // Places of concern: hotspots, where the child was found, premises where notices were served.
  facts.place_of_concern = places!.map((r) => {
    const l = r.l as PlainNode;
    const visits = r.visits as { rec: PlainNode | PlainRel; how: string }[];
    const notices = r.notices as { servedOn: string | null; how: string; sources: string[] }[];
    const found = visits.filter((v) => v.how === 'found').map((v) => s(v.rec.props.date)).filter(Boolean);
    const why = [
      l.props.hotspot === true ? 'a hotspot' : null,
      found.length ? `the child was found here when missing (${found.join(', ')})` : null,
      noticeWords(notices.filter((n) => n.how === 'SERVED_AT'), 'served here'),
      noticeWords(notices.filter((n) => n.how !== 'SERVED_AT'), 'naming this place'),
      visits.some((v) => v.how === 'incident') ? 'an incident about the child happened here' : null,
      visits.some((v) => v.how === 'lives') ? 'the child lives here' : null,
      visits.some((v) => v.how === 'attends') ? 'the child goes here' : null,
    ].filter(Boolean);
    const dates = [...found, ...notices.map((n) => n.servedOn)].filter((d): d is string => !!d).sort();
    return { date: dates[0] ?? null, text: `${label(l)}: ${why.join('; ')}`, node: l, sources: sourcesOf(l, ...visits.map((v) => v.rec)) };
  });

  // School absence and health flags, where a service recorded them.
  const rec = records![0] ?? { schools: [], flags: [] };
  const schools = (rec.schools as { s: PlainNode; a: PlainRel }[]).filter(Boolean);
  const flags = (rec.flags as { i: PlainNode; vo: PlainRel }[]).filter(Boolean);
  const flagFact = (f: { i: PlainNode; vo: PlainRel }): Fact => {
    const p = f.i.props;
    const end = s(p.endDate) && s(p.endDate) !== s(p.date) ? ` to ${s(p.endDate)}` : '';
    const type = s(p.type) ? words(p.type) : words(p.kind);
    return { date: s(p.date), text: `${type[0]!.toUpperCase()}${type.slice(1)}, ${s(p.date) ?? 'undated'}${end}`, node: f.i, sources: sourcesOf(f.i, f.vo) };
  };
  facts.school_absence = flags.filter((f) => f.i.props.kind === 'school_absence').map(flagFact);
  facts.health_flag = flags.filter((f) => f.i.props.kind === 'health_flag').map(flagFact);
  notes.school_absence = schools.length || facts.school_absence.length ? [] : ['No school record held for the child'];
  notes.health_flag = facts.health_flag.length ? [] : ['No health record held for the child (health information is here only when a health service shared it)'];

  await book.load(Object.values(facts).flatMap((fs) => fs.flatMap((f) => f.sources)));
  // A fact only withheld reports support is not filed under its indicator: "1 item held by Police"
  // under "Missing episodes" would tell what the held report is about. Such facts are pooled in one
  // indicator of their own, in date order, whichever indicator they came from.
  const all = Object.fromEntries(Object.entries(facts).map(([k, fs]) => [k, itemsOf(book, fs)])) as Record<string, Item[]>;
  const items = Object.fromEntries(Object.entries(all).map(([k, list]) => [k, list.filter((i) => !i.held)])) as Record<string, Item[]>;
  const heldItems = Object.values(all)
    .flatMap((list) => list.filter((i) => i.held))
    .sort((a, b) => (a.sources[0]?.receivedOn ?? '').localeCompare(b.sources[0]?.receivedOn ?? '') || a.text.localeCompare(b.text));
  const heldBy = [...new Set(heldItems.flatMap((i) => i.sources.filter((v) => v.held).map((v) => v.heldBy ?? 'another agency')))];

  const nPhones = items.several_phones!.length;
  const nMissing = items.missing_episodes!.length;
  const nContacts = items.adult_phone_contact!.length;
  const schoolNames = schools.map((x) => label(x.s)).join(', ');
  const indicators: Indicator[] = [
    {
      key: 'several_phones',
      title: 'Several phones',
      status: nPhones > 1 ? 'present' : nPhones === 1 ? 'none_recorded' : 'not_known',
      summary: nPhones > 1 ? `The child is known to use ${nPhones} phones` : nPhones === 1 ? 'One phone recorded for the child' : 'No phone recorded for the child',
      count: nPhones,
      items: items.several_phones!,
      notKnown: nPhones ? [] : ['No phone recorded for the child'],
    },
    {
      key: 'adult_phone_contact',
      title: "Contact with adults' phones",
      status: nContacts ? 'present' : downloaded || callsHeld ? 'none_recorded' : 'not_known',
      summary: nContacts
        ? `${plural(nContacts, "adult's number", "adults' numbers")} in the child's phone or its calls`
        : downloaded || callsHeld
          ? "No adult's number found in the child's handset or calls"
          : 'Not known: no handset download or call records held',
      count: nContacts,
      items: items.adult_phone_contact!,
      notKnown: notes.adult_phone_contact!,
    },
    {
      key: 'vehicle_of_interest',
      title: 'Rides in vehicles of interest',
      status: items.vehicle_of_interest!.length ? 'present' : vehicles!.length ? 'none_recorded' : 'not_known',
      summary: items.vehicle_of_interest!.length
        ? `${plural(items.vehicle_of_interest!.length, 'vehicle')} of interest${otherVehicles ? `; ${plural(otherVehicles, 'other vehicle')} with no link to a suspect, notice or operator` : ''}`
        : vehicles!.length
          ? `${plural(otherVehicles, 'vehicle')} recorded, none linked to a suspect, notice or operator`
          : 'No record of the child in any vehicle',
      count: items.vehicle_of_interest!.length,
      items: items.vehicle_of_interest!,
      notKnown: notes.vehicle_of_interest!,
    },
    {
      key: 'missing_episodes',
      title: 'Missing episodes',
      status: nMissing ? 'present' : 'none_recorded',
      summary: nMissing
        ? `${plural(nMissing, 'missing episode')}${nMissing > 1 ? `, ${nMissing - 1} repeat${nMissing > 2 ? 's' : ''} after the first` : ''}; return interview for ${interviews} of ${nMissing}`
        : 'No missing episode recorded',
      count: nMissing,
      items: items.missing_episodes!,
      notKnown: nMissing && interviews < nMissing ? [`No return interview recorded for ${nMissing - interviews} of ${plural(nMissing, 'episode')}`] : [],
    },
    {
      key: 'place_of_concern',
      title: 'Places of concern',
      status: items.place_of_concern!.length ? 'present' : 'none_recorded',
      summary: items.place_of_concern!.length ? `${plural(items.place_of_concern!.length, 'place')} of concern` : 'No hotspot, notice premises or place found recorded',
      count: items.place_of_concern!.length,
      items: items.place_of_concern!,
      notKnown: [],
    },
    {
      key: 'school_absence',
      title: 'School absence',
      status: items.school_absence!.length ? 'present' : schools.length ? 'none_recorded' : 'not_known',
      summary: items.school_absence!.length
        ? `${plural(items.school_absence!.length, 'absence record')}${schoolNames ? ` (attends ${schoolNames})` : ''}`
        : schools.length
          ? `Attends ${schoolNames}; no absence recorded`
          : 'Not known: no school record held',
      count: items.school_absence!.length,
      items: items.school_absence!,
      notKnown: notes.school_absence!,
    },
    {
      key: 'health_flag',
      title: 'Health flags',
      status: items.health_flag!.length ? 'present' : 'not_known',
      summary: items.health_flag!.length ? `${plural(items.health_flag!.length, 'health flag')} recorded` : 'Not known: no health record held',
      count: items.health_flag!.length,
      items: items.health_flag!,
      notKnown: notes.health_flag!,
    },
    {
      key: 'held_elsewhere',
      title: 'Held by other agencies',
      status: heldItems.length ? 'present' : 'none_recorded',
      summary: heldItems.length
        ? `${plural(heldItems.length, 'record')} about the child held by ${heldBy.join(', ') || 'another agency'}; any indicator above may be missing them: ask the holder`
        : 'Nothing about the child is held from you',
      count: heldItems.length,
      items: heldItems,
      notKnown: heldItems.length ? ['What the held records are about is not shared with your agency'] : [],
    },
  ];
  return { child: toEntity(child), asOf, indicators };
}

export const indicatorsResolvers: Resolvers = {
  Query: {
    childIndicators: async (_, args, ctx) => {
      const a = parseArgs(ARGS, args);
      const child = await readChild(ctx.db, a.childId);
      await checkNeedToKnow(ctx, a.childId, a.openReason);
      return childIndicators(ctx.db, a.childId, a.asOf, child);
    },
  },
};

/**
 * Need-to-know, as for the strategy-meeting view: a safeguarding user opens the children assigned to
 * them, any other child only with a stated reason (the guard records it as opened-with-reason).
 */
async function checkNeedToKnow(ctx: RequestContext, childId: string, openReason: string | null | undefined): Promise<void> {
  if (ctx.user?.role !== 'safeguarding' || openReason) return;
  if ((await assignedChildren(ctx.db, ctx.user.username)).includes(childId)) return;
  throw new GraphQLError('This child is not assigned to you. To open the indicators anyway, give a reason (openReason): it is recorded and reviewed.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

/** The child by id; "no such id" and "not a child" answer alike (the view is only ever about a child). */
async function readChild(db: Database, childId: string): Promise<PlainNode> {
  const [row] = await db.read(q('child.cypher'), { childId });
  if (!row) throw new GraphQLError('No child with that id.', { extensions: { code: 'BAD_USER_INPUT' } });
  return row.c as PlainNode;
}
