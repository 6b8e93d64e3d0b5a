/**
 * The evidence pack on a named adult (issue 20, item 8): a case that stands without the child's
 * testimony, for a civil injunction or a licence condition. Third-party observations, sightings,
 * vehicles, phone contacts, missing episodes and notices, in time order with grades and sources.
 *
 * What leaves is decided by the guard's viewer for this operation, in which every child is a
 * protected subject whoever asks (access/guard.ts: children as descriptors, free text about them
 * withheld unless released, reports held under conditions by another agency not shown). The pack then
 * leaves out the child's own account (reports whose sourceType is victim) and lists every exclusion
 * with its reason.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Database, PlainNode, PlainRel } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import { idArg } from '../../http/args.js';
import { parseArgs } from '../../http/errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { ReportBook, sourcesOf, type SourceView } from '../indicators/sources.js';
import { EXCLUSION_REASONS, reasonWords, type ExclusionCode } from './exclusions.js';
import { renderEvidencePack } from './pdf.js';

const q = (name: string) => cypherFile(import.meta.url, name);

export const USES = ['civil_injunction', 'licence_condition'] as const;

export interface EvidenceEntry {
  date: string | null;
  category: string;
  text: string;
  sources: SourceView[];
}
export interface EvidenceExclusion {
  date: string | null;
  what: string;
  /** One of EXCLUSION_REASONS, or the code of a reasoned change that excluded the allegation. */
  reasonCode: string;
  reason: string;
}
export interface Evidence {
  person: EntityView;
  entries: EvidenceEntry[];
  exclusions: EvidenceExclusion[];
}

/** A fact before its sources are weighed. `short` names it in an exclusion without its content. */
interface Fact {
  /** The record the fact is (an incident, a notice), for an exclusion recorded against it. */
  recordId?: string;
  date: string | null;
  category: string;
  text: string;
  short: string;
  sources: string[];
}

const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const words = (v: unknown) => String(v ?? '').replace(/_/g, ' ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const cap = (t: string) => (t ? t[0]!.toUpperCase() + t.slice(1) : t);

/** Children in the pack as "child A (looked-after girl, 14)": a letter per pack, never who. */
class ChildLetters {
  private readonly letters = new Map<string, string>();
  name(node: PlainNode): string {
    const e = toEntity(node); // a descriptor under an opaque id: the pack's viewer protects every child
    let letter = this.letters.get(e.id);
    if (!letter) this.letters.set(e.id, (letter = String.fromCharCode(65 + (this.letters.size % 26)) + (this.letters.size >= 26 ? String(Math.floor(this.letters.size / 26)) : '')));
    return `child ${letter} (${e.label})`;
  }
  list(nodes: PlainNode[]): string {
    return nodes.map((n) => this.name(n)).join(', ');
  }
}

export async function gatherEvidence(db: Database, person: PlainNode): Promise<Evidence> {
  const personId = String(person.props.id);
  const params = { personId, withheld: currentViewer()?.withheldReportIds() ?? [] };
  // A pack is made rarely and reads much: more time than an interactive query before it is stopped.
  const what = { what: 'The evidence pack', timeoutMs: 90_000 };
  const [incidents, vehicles, phones, notices] = await Promise.all(['incidents', 'vehicles', 'phones', 'notices'].map((n) => db.read(q(`${n}.cypher`), params, what)));
  const kids = new ChildLetters();
  // A protected address (a child's placement) could say who the child is: never printed, whoever asks.
  const label = (n: PlainNode | null | undefined) => {
    if (!n) return '';
    const e = toEntity(n);
    return e.kind === 'Location' && (e.properties.restricted === true || n.props.restricted === true) ? 'a protected address' : e.label;
  };
  const facts: Fact[] = [];

  for (const r of incidents!) {
    const i = r.i as PlainNode;
    const e = toEntity(i);
    const p = i.props;
    const kind = s(p.kind) ?? 'incident';
    const category = kind === 'missing' ? 'missing episode' : kind === 'sighting' ? 'sighting' : 'observation';
    const links = r.links as { how: string; via: PlainRel; thing: PlainNode | null }[];
    const children = r.children as PlainNode[];
    const others = (r.others as PlainNode[]).map(label);
    const vehicleRegs = (r.vehicles as PlainNode[]).map(label);
    const how = links.map((l) =>
      l.how === 'named' ? 'named in it' : l.how === 'vehicle' ? `their vehicle ${label(l.thing)} involved` : l.how === 'phone' ? `their phone ${label(l.thing)} involved` : `the child was found at their address (${label(l.thing)})`,
    );
    const summary = s(e.properties.summary); // present only where the viewer lets it be read
    const parts = [
      `${cap(words(s(p.type) ?? kind))}${r.at ? ` at ${label(r.at as PlainNode)}` : ''}`,
      children.length ? `about ${kids.list(children)}` : null,
      how.length ? `${[...new Set(how)].join('; ')}` : null,
      others.length ? `also named: ${others.join(', ')}` : null,
      vehicleRegs.length ? `vehicles: ${vehicleRegs.join(', ')}` : null,
      s(e.properties.outcome) ? `outcome: ${s(e.properties.outcome)}` : null,
      summary ? `"${summary}"` : null,
    ].filter(Boolean);
    facts.push({
      recordId: String(p.id),
      date: s(p.date),
      category,
      text: parts.join('; '),
      short: `${cap(words(kind))}, ${s(p.date) ?? 'undated'}${children.length ? `, about ${kids.list(children)}` : ''}`,
      sources: sourcesOf(i, ...links.map((l) => l.via)),
    });
  }

  // A child seen getting into the vehicle is usually the same report as a sighting above: said once.
  const incidentSources = new Set(facts.flatMap((f) => f.sources.map((id) => `${f.date}|${id}`)));
  for (const r of vehicles!) {
    const v = r.v as PlainNode;
    const uses = r.uses as PlainRel[];
    const operators = (r.operators as PlainNode[]).map(label);
    const desc = [s(v.props.colour), s(v.props.make), s(v.props.model)].filter(Boolean).join(' ');
    const roles = [...new Set(uses.map((u) => words(s(u.props.role) ?? 'user')))];
    const from = uses.map((u) => s(u.props.from)).filter((d): d is string => !!d).sort()[0] ?? null;
    const to = uses.some((u) => !s(u.props.to)) ? null : (uses.map((u) => s(u.props.to)).filter((d): d is string => !!d).sort().at(-1) ?? null);
    facts.push({
      date: from,
      category: 'vehicle',
      text: `${cap(roles.join(' and '))} of ${label(v)}${desc ? ` (${desc})` : ''}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}${operators.length ? `; licensed to ${operators.join(', ')}` : ''}`,
      short: `Vehicle ${label(v)}`,
      sources: sourcesOf(...uses),
    });
    for (const seen of r.seenIn as { ch: PlainNode; s: PlainRel }[]) {
      const date = s(seen.s.props.from);
      const srcs = sourcesOf(seen.s);
      if (srcs.length && srcs.every((id) => incidentSources.has(`${date}|${id}`))) continue;
      facts.push({ date, category: 'sighting', text: `${cap(kids.name(seen.ch))} seen in ${label(v)}, their vehicle`, short: `Sighting in ${label(v)}${date ? `, ${date}` : ''}`, sources: srcs });
    }
  }

  for (const r of phones!) {
    const ph = r.ph as PlainNode;
    const number = label(ph);
    facts.push({ date: s((r.hp as PlainRel).props.from), category: 'phone contact', text: `Uses the number ${number}`, short: `Phone ${number}`, sources: sourcesOf(r.hp as PlainRel) });
    for (const h of r.inHandsets as { ch: PlainNode; h: PlainRel }[]) {
      facts.push({ date: s(h.h.props.from), category: 'phone contact', text: `Their number ${number} is saved in the phone of ${kids.name(h.ch)}`, short: `Handset entry of ${number}`, sources: sourcesOf(h.h) });
    }
    for (const k of r.contacted as { ch: PlainNode; k: PlainRel }[]) {
      const kp = k.k.props;
      const span = [...new Set([s(kp.firstOn), s(kp.lastOn)].filter(Boolean))].join(' to ');
      facts.push({ date: s(kp.firstOn), category: 'phone contact', text: `${plural(Number(kp.calls ?? 1), 'call')} between ${number} and the phone of ${kids.name(k.ch)}${span ? ` (${span})` : ''}`, short: `Calls with ${number}`, sources: sourcesOf(k.k) });
    }
    const calls = r.calls as { ch: PlainNode; call: PlainNode }[];
    for (const c of calls) {
      facts.push({ date: s(c.call.props.call_date), category: 'phone contact', text: `Call between ${number} and the phone of ${kids.name(c.ch)}${s(c.call.props.call_date) ? ` on ${s(c.call.props.call_date)}` : ''}`, short: `Call record of ${number}`, sources: sourcesOf(c.call) });
    }
  }

  for (const r of notices!) {
    const n = r.n as PlainNode;
    const children = r.children as PlainNode[];
    const at = (r.servedAt as PlainNode[]).map(label);
    facts.push({
      recordId: String(n.props.id),
      date: s(n.props.servedOn),
      category: 'notice',
      text: `${cap(words(s(n.props.kind) ?? 'notice'))} notice served on them${s(n.props.servedOn) ? ` on ${s(n.props.servedOn)}` : ''}${children.length ? `, protecting ${kids.list(children)}` : ''}${at.length ? `; served at ${at.join(', ')}` : ''}`,
      short: `Notice, ${s(n.props.servedOn) ?? 'undated'}`,
      sources: sourcesOf(n, r.so as PlainRel),
    });
  }

  // Weigh the sources: the child's own account and reports withheld from the caller are not relied on.
  const allIds = [...new Set(facts.flatMap((f) => f.sources))];
  const book = new ReportBook(db);
  const [[typeRow], excludedRows] = await Promise.all([db.read(q('reportTypes.cypher'), { ids: allIds }, what), db.read(q('excludedAllegations.cypher'), { personId }, what), book.load(allIds)]);
  const victim = new Set((typeRow?.victim as string[]) ?? []);
  const discounted = new Set((typeRow?.discounted as string[]) ?? []);
  // Allegations a user excluded from packs on this person, with a reason code and a reviewer.
  const excludedBy = new Map(excludedRows.map((r) => [String(r.subjectId), { code: String(r.reasonCode), reviewer: s(r.reviewer), at: s(r.at) }]));
  const byChange = (id: string) => {
    const c = excludedBy.get(id)!;
    return `${reasonWords(c.code)} (excluded${c.at ? ` ${c.at.slice(0, 10)}` : ''}${c.reviewer ? `, reviewed by ${c.reviewer}` : ''})`;
  };
  const viewer = currentViewer();
  const withheld = (id: string) => !!viewer?.reportWithheld(id);
  const entries: EvidenceEntry[] = [];
  const exclusions: EvidenceExclusion[] = [];
  const exclude = (date: string | null, what: string, code: ExclusionCode) => exclusions.push({ date, what, reasonCode: code, reason: EXCLUSION_REASONS[code] });
  for (const f of facts) {
    if (f.recordId && excludedBy.has(f.recordId)) {
      exclusions.push({ date: f.date, what: f.short, reasonCode: excludedBy.get(f.recordId)!.code, reason: byChange(f.recordId) });
      continue;
    }
    const held = f.sources.filter(withheld);
    const childAccount = f.sources.filter((id) => !withheld(id) && victim.has(id));
    const setAside = f.sources.filter((id) => !withheld(id) && !victim.has(id) && (discounted.has(id) || excludedBy.has(id)));
    const kept = f.sources.filter((id) => !withheld(id) && !victim.has(id) && !setAside.includes(id));
    for (const v of book.of(setAside)) {
      const what = `${v.label}, behind: ${f.short}`;
      if (excludedBy.has(v.reportId)) exclusions.push({ date: f.date, what, reasonCode: excludedBy.get(v.reportId)!.code, reason: byChange(v.reportId) });
      else exclude(f.date, what, 'report_discounted');
    }
    if (!kept.length) {
      // Nothing the pack may rely on: say what it was, but for a held fact only who holds it.
      if (childAccount.length) exclude(f.date, `${f.short} (${book.of(childAccount).map((v) => v.label).join('; ')})`, 'relies_on_child_testimony');
      else if (held.length) exclude(null, book.heldText(held), 'held_by_another_agency');
      else if (!setAside.length) exclude(f.date, f.short, 'no_source'); // (set-aside reports are listed above)
      continue;
    }
    // A fact with no date of its own (a handset entry) is placed by when it was first reported.
    const reported = book.of(kept).map((v) => v.receivedOn).filter((d): d is string => !!d).sort()[0] ?? null;
    entries.push({ date: f.date ?? reported, category: f.category, text: f.date || !reported ? f.text : `${f.text} (first reported ${reported})`, sources: book.of(kept) });
    for (const v of book.of(childAccount)) exclude(f.date, `${v.label}, behind: ${f.short} (the entry stands on its other sources)`, 'relies_on_child_testimony');
    if (held.length) exclude(null, `${book.heldText(held)}, behind an entry that stands on its other sources`, 'held_by_another_agency');
  }
  const byDate = (a: { date: string | null }, b: { date: string | null }) => (a.date ?? '9999').localeCompare(b.date ?? '9999');
  entries.sort(byDate);
  // One report held from the caller may stand behind several facts: listed once.
  const once = [...new Map(exclusions.map((x) => [`${x.reasonCode}|${x.date}|${x.what}`, x])).values()].sort(byDate);
  return { person: toEntity(person), entries, exclusions: once };
}

const ARGS = z.object({
  personId: idArg,
  purpose: z.string().trim().min(3, 'state the purpose of this pack (e.g. the application it is for)').max(500),
  use: z.enum(USES, { error: 'use must be civil_injunction or licence_condition' }).nullish(),
});

export const evidenceResolvers: Resolvers = {
  Mutation: {
    evidencePack: async (_, args, ctx) => {
      const a = parseArgs(ARGS, args);
      const [found] = await ctx.db.read(q('person.cypher'), { personId: a.personId });
      const viewer = currentViewer();
      // A child, an unknown id and a record the caller may not read answer alike: a pack is only ever about an adult.
      if (!found || (viewer && !viewer.canRead(found.p as PlainNode))) {
        throw new GraphQLError('No adult with that id: an evidence pack is about a named adult.', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const use = a.use ?? (ctx.user?.role === 'licensing' ? 'licence_condition' : 'civil_injunction');
      const evidence = await gatherEvidence(ctx.db, found.p as PlainNode);
      const generatedAt = new Date().toISOString();
      const pdf = await renderEvidencePack(evidence, { purpose: a.purpose, use, generatedBy: ctx.user!.username, generatedAt });
      const safeId = a.personId.replace(/[^A-Za-z0-9_-]/g, '');
      return { filename: `evidence-pack-${safeId}-${generatedAt.slice(0, 10)}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64'), bytes: pdf.length, use, ...evidence };
    },
  },
};
