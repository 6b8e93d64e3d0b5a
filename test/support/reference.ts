/**
 * Reference answers for the analysis tests, computed straight from the source data (the POLE CSV
 * files and the demo generator's output) with deliberately plain implementations: breadth-first
 * search, Brandes' betweenness, power-iteration PageRank, triangle counting and the derived-link
 * rules of DESIGN.md §4 read literally. Nothing here uses the server's code or the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Dataset } from '../../seeds/dataset.js';
import { RESTRICTION_DEMO } from '../../seeds/demo/restrictions.js';

export interface RefNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface RefLink {
  type: string;
  start: string;
  end: string;
  props: Record<string, unknown>;
}

export class RefGraph {
  nodes = new Map<string, RefNode>();
  links: RefLink[] = [];

  addDataset(d: Dataset) {
    for (const n of d.nodes) this.nodes.set(n.id, { id: n.id, labels: n.labels, props: n.props });
    for (const l of d.links) this.links.push({ type: l.type, start: l.start, end: l.end, props: l.props });
  }

  /** The POLE CSV files as DESIGN.md §4 reads them: ids namespaced `pole:`, crimes also incidents, ISO dates. */
  addPoleCsv(dir: string) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      const rows = parse(fs.readFileSync(path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
      for (const row of rows) {
        if (file.includes('.nodes.')) {
          const labels = row[':LABEL']!.split(';');
          if (labels.includes('Crime')) labels.push('Incident');
          const props: Record<string, unknown> = {};
          if (row.date) {
            const [d, m, y] = row.date.split('/').map(Number);
            props.date = new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10);
          }
          this.nodes.set(`pole:${row[':ID']}`, { id: `pole:${row[':ID']}`, labels, props });
        } else {
          this.links.push({ type: row[':TYPE']!, start: `pole:${row[':START_ID']}`, end: `pole:${row[':END_ID']}`, props: {} });
        }
      }
    }
  }

  has(id: string, label: string) {
    return this.nodes.get(id)?.labels.includes(label) ?? false;
  }
  /** The date that places a record in time (DESIGN.md §4 asOf rules); empty when undated. */
  datedOn(id: string): string {
    const p = this.nodes.get(id)!.props;
    return String(p.date ?? p.servedOn ?? p.receivedOn ?? p.grantedOn ?? p.from ?? '');
  }
  /** Links and nodes in view as of a date: nothing dated after it. */
  linksAsOf(asOf: string): RefLink[] {
    return this.links.filter((l) => String(l.props.from ?? '') <= asOf && this.datedOn(l.start) <= asOf && this.datedOn(l.end) <= asOf);
  }
  isChild(id: string) {
    return this.nodes.get(id)?.props.child === true;
  }
  /**
   * The graph as a user sees it when the reports in `withheld` are withheld (DESIGN.md §6): links
   * only they support, and links touching records only they support, are not in it; nor links
   * touching an entity in `heldEntities` (one a restriction keeps from the user: its flag only).
   */
  seenWithout(withheld: Set<string>, heldEntities: Set<string> = new Set()): RefGraph {
    const held = (p: Record<string, unknown> | undefined) => {
      const s = p?.sources as string[] | undefined;
      return !!s?.length && s.every((x) => withheld.has(x));
    };
    const heldEnd = (id: string) => heldEntities.has(id) || held(this.nodes.get(id)?.props);
    const view = new RefGraph();
    view.nodes = this.nodes;
    view.links = this.links.filter((l) => !held(l.props) && !heldEnd(l.start) && !heldEnd(l.end));
    return view;
  }
  /**
   * The graph as a user sees it (DESIGN.md §6, issue 20 item 4): without what other agencies
   * withhold from the user's agency, nor what restrictions the user may not open keep from them.
   */
  seenBy(user: RefUser, restrictions: readonly RefRestriction[]): RefGraph {
    const closed = restrictedFrom(this, restrictions, user);
    return this.seenWithout(heldFrom(this, user, restrictions), closed.entities);
  }
}

/** Undirected simple graph as adjacency sets. */
export type Adjacency = Map<string, Set<string>>;

export function undirected(links: Iterable<{ start: string; end: string }>): Adjacency {
  const adj: Adjacency = new Map();
  const add = (a: string, b: string) => {
    if (!adj.has(a)) adj.set(a, new Set());
    adj.get(a)!.add(b);
  };
  for (const l of links) {
    if (l.start === l.end) continue;
    add(l.start, l.end);
    add(l.end, l.start);
  }
  return adj;
}

/** The subgraph a ranking runs on: nodes with one of `kinds`, links of `types` between them. */
export function rankingGraph(g: RefGraph, kinds: string[], types: string[], within?: Set<string>): Adjacency {
  const ok = (id: string) => kinds.some((k) => g.has(id, k)) && (!within || within.has(id));
  return undirected(g.links.filter((l) => types.includes(l.type) && ok(l.start) && ok(l.end)));
}

export function degrees(adj: Adjacency): Map<string, number> {
  return new Map([...adj].map(([n, s]) => [n, s.size]));
}

export function triangleCounts(adj: Adjacency): Map<string, number> {
  const out = new Map<string, number>();
  for (const [n, nb] of adj) {
    const list = [...nb];
    let t = 0;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (adj.get(list[i]!)!.has(list[j]!)) t++;
    out.set(n, t);
  }
  return out;
}

/** Brandes' algorithm over every ordered pair, normalised by (n-1)(n-2). */
export function betweenness(adj: Adjacency): Map<string, number> {
  const nodes = [...adj.keys()];
  const cb = new Map(nodes.map((n) => [n, 0]));
  for (const s of nodes) {
    const stack: string[] = [];
    const pred = new Map<string, string[]>(nodes.map((n) => [n, []]));
    const sigma = new Map(nodes.map((n) => [n, 0]));
    const dist = new Map<string, number>();
    sigma.set(s, 1);
    dist.set(s, 0);
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi]!;
      stack.push(v);
      for (const w of adj.get(v)!) {
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          queue.push(w);
        }
        if (dist.get(w) === dist.get(v)! + 1) {
          sigma.set(w, sigma.get(w)! + sigma.get(v)!);
          pred.get(w)!.push(v);
        }
      }
    }
    const delta = new Map(nodes.map((n) => [n, 0]));
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of pred.get(w)!) delta.set(v, delta.get(v)! + (sigma.get(v)! / sigma.get(w)!) * (1 + delta.get(w)!));
      if (w !== s) cb.set(w, cb.get(w)! + delta.get(w)!);
    }
  }
  const n = nodes.length;
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return new Map([...cb].map(([k, v]) => [k, v * scale]));
}

/** PageRank by power iteration to convergence (damping 0.85; isolated nodes spread evenly). */
export function pageRank(adj: Adjacency, alpha = 0.85): Map<string, number> {
  const nodes = [...adj.keys()];
  const n = nodes.length;
  let x = new Map(nodes.map((v) => [v, 1 / n]));
  for (let it = 0; it < 1000; it++) {
    const next = new Map(nodes.map((v) => [v, (1 - alpha) / n]));
    for (const v of nodes) {
      const out = adj.get(v)!;
      for (const w of out) next.set(w, next.get(w)! + (alpha * x.get(v)!) / out.size);
    }
    let diff = 0;
    for (const v of nodes) diff += Math.abs(next.get(v)! - x.get(v)!);
    x = next;
    if (diff < 1e-13) break;
  }
  return x;
}

/** Distances from `from` by breadth-first search, up to maxHops; `through` says which nodes a path may cross. */
export function bfs(adj: Adjacency, from: string, maxHops: number, through: (id: string) => boolean = () => true): Map<string, number> {
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const w of adj.get(v) ?? []) {
        if (dist.has(w) || !through(w)) continue;
        dist.set(w, d);
        next.push(w);
      }
    frontier = next;
  }
  return dist;
}

/** Number of shortest paths from `from` to `to` counting parallel links separately (a multigraph). */
export function shortestPathCount(links: RefLink[], from: string, to: string, maxHops: number): { length: number | null; count: number } {
  const multi = new Map<string, string[]>();
  const add = (a: string, b: string) => (multi.get(a) ?? multi.set(a, []).get(a)!).push(b);
  for (const l of links) {
    if (l.start === l.end) continue;
    add(l.start, l.end);
    add(l.end, l.start);
  }
  const dist = new Map([[from, 0]]);
  const count = new Map([[from, 1]]);
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length && !dist.has(to); d++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const w of multi.get(v) ?? []) {
        if (!dist.has(w)) {
          dist.set(w, d);
          count.set(w, 0);
          next.push(w);
        }
        if (dist.get(w) === d) count.set(w, count.get(w)! + count.get(v)!);
      }
    frontier = next;
  }
  return dist.has(to) ? { length: dist.get(to)!, count: count.get(to)! } : { length: null, count: 0 };
}

/** One link per unordered pair of entities: the hops of routes, where parallel links are one hop. */
export function onePerPair<L extends RefLink>(links: L[]): L[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = l.start < l.end ? `${l.start}\u0000${l.end}` : `${l.end}\u0000${l.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const KNOWS_FAMILY = ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'];

/**
 * Person → child links by the four rules of DESIGN.md §4: child id → route kinds and report ids, per
 * person. A route whose every report is in `withheld` is not the asker's to see (DESIGN.md §6).
 */
export function derivedChildLinks(g: RefGraph, withheld: Set<string> = new Set()): Map<string, Map<string, { kinds: Set<string>; sources: Set<string> }>> {
  const out = new Map<string, Map<string, { kinds: Set<string>; sources: Set<string> }>>();
  const srcs = (...things: { props: Record<string, unknown> }[]) => things.flatMap((t) => (t.props.sources as string[] | undefined) ?? []);
  const note = (person: string, child: string, kind: string, sources: string[]) => {
    if (person === child || g.isChild(person)) return;
    if (sources.length && sources.every((s) => withheld.has(s))) return;
    const byChild = out.get(person) ?? out.set(person, new Map()).get(person)!;
    const entry = byChild.get(child) ?? byChild.set(child, { kinds: new Set(), sources: new Set() }).get(child)!;
    entry.kinds.add(kind);
    sources.forEach((s) => entry.sources.add(s));
  };
  const from = (type: string) => g.links.filter((l) => l.type === type);
  const node = (id: string) => g.nodes.get(id)!;
  // incident: person PARTY_TO and child VICTIM_OF the same incident
  for (const pt of from('PARTY_TO'))
    for (const v of from('VICTIM_OF'))
      if (v.end === pt.end && g.isChild(v.start) && g.has(pt.start, 'Person')) note(pt.start, v.start, 'incident', srcs(node(pt.end), pt, v));
  // notice served on the person protecting the child
  for (const s of from('SERVED_ON'))
    for (const p of from('PROTECTS')) if (p.start === s.start && g.has(s.end, 'Person')) note(s.end, p.end, 'notice', srcs(node(s.start), s));
  // the child's handset holds a phone the person has
  for (const hc of from('HAS_CONTACT'))
    for (const hp of from('HAS_PHONE'))
      if (hp.end === hc.end && g.isChild(hc.start) && g.has(hp.start, 'Person')) note(hp.start, hc.start, 'phone contact', srcs(hc, hp));
  // a direct KNOWS-family or FAMILY_REL link, either direction
  for (const k of g.links.filter((l) => KNOWS_FAMILY.includes(l.type))) {
    if (g.isChild(k.end) && g.has(k.start, 'Person')) note(k.start, k.end, 'direct link', srcs(k));
    if (g.isChild(k.start) && g.has(k.end, 'Person')) note(k.end, k.start, 'direct link', srcs(k));
  }
  return out;
}

/** Reports handled under conditions (C) by another agency and not shared with `agency`. */
export function withheldFrom(g: RefGraph, agency: string): Set<string> {
  const out = new Set<string>();
  for (const n of g.nodes.values()) {
    const p = n.props;
    if (n.labels.includes('Report') && p.handling === 'C' && p.ownerAgency !== agency && !((p.sharedWith as string[] | undefined) ?? []).includes(agency)) out.add(n.id);
  }
  return out;
}

/**
 * A restriction (issue 20 item 4) as the access model reads it: a team within an agency keeps a
 * report, an entity or a whole operation from everyone else.
 */
export interface RefRestriction {
  id: string;
  scope: 'Report' | 'Entity' | 'Operation';
  targetId: string;
  team: string;
  agency: string | null;
}
/** A user as restrictions see them: agency, team (null: in no team) and the restrictions granted on request. */
export interface RefUser {
  agency: string;
  team: string | null;
  granted?: ReadonlySet<string>;
}

/**
 * The demo's restrictions (seeds/demo/restrictions.ts tells the story): the CSE Team (Police)
 * restricts Operation Kestrel as a whole; the Drugs Team (Police) its source's report and the
 * associate that report names. Ids and teams are the seed's.
 */
export function demoRestrictions(): RefRestriction[] {
  const D = RESTRICTION_DEMO;
  return [
    { id: D.operationRestriction, scope: 'Operation', targetId: D.operation, team: D.teams.cse, agency: 'Police' },
    { id: D.sourceRestriction, scope: 'Report', targetId: D.sourceReport, team: D.teams.drugs, agency: 'Police' },
    { id: D.associateRestriction, scope: 'Entity', targetId: D.associate, team: D.teams.drugs, agency: 'Police' },
  ];
}

/** A team or agency name as compared: case and spacing aside. */
const sameName = (a: string | null | undefined) => (a == null || !a.trim() ? null : a.trim().replace(/\s+/g, ' ').toLowerCase());

/**
 * What restrictions keep from a user: every restriction but those of the user's own team (in the
 * same agency) and those granted to the user. A Report restriction covers the report; an Entity
 * restriction the entity; an Operation restriction the operation, every incident PART_OF it, and
 * the reports that MENTION any of them.
 */
export function restrictedFrom(g: RefGraph, restrictions: readonly RefRestriction[], user: RefUser): { reports: Set<string>; entities: Set<string> } {
  const reports = new Set<string>();
  const entities = new Set<string>();
  for (const r of restrictions) {
    const open = user.granted?.has(r.id) || (sameName(user.team) !== null && sameName(user.team) === sameName(r.team) && sameName(user.agency) === sameName(r.agency));
    if (open) continue;
    if (r.scope === 'Report') {
      reports.add(r.targetId);
      continue;
    }
    const covered = new Set([r.targetId]);
    if (r.scope === 'Operation') for (const l of g.links) if (l.type === 'PART_OF' && l.end === r.targetId && g.has(l.start, 'Incident')) covered.add(l.start);
    covered.forEach((id) => entities.add(id));
    if (r.scope === 'Operation') for (const l of g.links) if (l.type === 'MENTIONS' && covered.has(l.end) && g.has(l.start, 'Report')) reports.add(l.start);
  }
  return { reports, entities };
}

/** Every report held from a user: withheld from the user's agency under conditions, or kept by a restriction. */
export function heldFrom(g: RefGraph, user: RefUser, restrictions: readonly RefRestriction[]): Set<string> {
  return new Set([...withheldFrom(g, user.agency), ...restrictedFrom(g, restrictions, user).reports]);
}

/** Persons party to an incident. */
export function partyToIncident(g: RefGraph): Set<string> {
  return new Set(g.links.filter((l) => l.type === 'PARTY_TO' && g.has(l.end, 'Incident')).map((l) => l.start));
}

/** Expected top scores check: every returned score is the reference's, and nothing left out beats the last one returned. */
export function checkTop(returned: { id: string; score: number }[], reference: Map<string, number>, top: number, tolerance = 0) {
  const problems: string[] = [];
  for (const r of returned) {
    const want = reference.get(r.id) ?? 0;
    if (Math.abs(want - r.score) > tolerance) problems.push(`${r.id}: got ${r.score}, reference ${want}`);
  }
  const positive = [...reference.values()].filter((v) => v > 0).length;
  if (returned.length !== Math.min(top, positive)) problems.push(`returned ${returned.length}, reference has ${positive} with a positive score (top ${top})`);
  const floor = Math.min(...returned.map((r) => r.score));
  const ids = new Set(returned.map((r) => r.id));
  for (const [id, v] of reference) if (!ids.has(id) && v > floor + tolerance) problems.push(`${id} (${v}) left out above the last returned (${floor})`);
  return problems;
}

/**
 * Concerns per operator: incidents naming it, its vehicles or its drivers while they worked for it.
 * An incident, RAISED_AT or VICTIM_OF link whose every report is in `withheld` is held from the
 * asker: not counted, and nothing is reached through it (DESIGN.md §6).
 */
export function operatorConcerns(g: RefGraph, withheld: Set<string> = new Set()): Map<string, { concerns: Set<string>; complaints: number; children: Set<string>; meetings: Set<string> }> {
  const held = (t: { props: Record<string, unknown> }) => {
    const s = (t.props.sources as string[] | undefined) ?? [];
    return s.length > 0 && s.every((r) => withheld.has(r));
  };
  const out = new Map<string, { concerns: Set<string>; complaints: number; children: Set<string>; meetings: Set<string> }>();
  const during = (l: RefLink, date: string) => String(l.props.from ?? '') <= date && (l.props.to === undefined || l.props.to === null || date <= String(l.props.to));
  // Links only withheld reports support are neither followed nor counted, as the incidents they reach.
  const incidentsOf = (from: string, type: string) => g.links.filter((l) => l.type === type && l.start === from && g.has(l.end, 'Incident') && !held(l)).map((l) => l.end);
  for (const o of [...g.nodes.values()].filter((n) => n.labels.includes('Operator'))) {
    const found = new Set<string>(incidentsOf(o.id, 'INVOLVED_IN'));
    for (const ob of g.links.filter((l) => l.type === 'OPERATED_BY' && l.end === o.id && !held(l)))
      for (const i of incidentsOf(ob.start, 'INVOLVED_IN')) if (during(ob, g.datedOn(i))) found.add(i);
    for (const df of g.links.filter((l) => l.type === 'DRIVES_FOR' && l.end === o.id && !held(l)))
      for (const i of incidentsOf(df.start, 'PARTY_TO')) if (during(df, g.datedOn(i))) found.add(i);
    const concerns = new Set([...found].filter((i) => g.nodes.get(i)!.props.kind !== 'licence_event' && !held(g.nodes.get(i)!)));
    out.set(o.id, {
      concerns,
      complaints: [...concerns].filter((i) => g.nodes.get(i)!.props.kind === 'complaint').length,
      children: new Set(g.links.filter((l) => l.type === 'VICTIM_OF' && concerns.has(l.end) && g.isChild(l.start) && !held(l)).map((l) => l.start)),
      meetings: new Set(g.links.filter((l) => l.type === 'RAISED_AT' && concerns.has(l.start) && !held(l)).map((l) => l.end)),
    });
  }
  return out;
}

/** Successor signals by kind, for every later-licensed operator and revoked / suspended / surrendered predecessor. */
export function successorSignalKinds(g: RefGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const licence = (o: string) => g.links.filter((l) => l.type === 'HOLDS' && l.start === o && g.nodes.get(l.end)?.props.kind === 'operator').map((l) => g.nodes.get(l.end)!);
  const ends = (type: string, from: string) => new Set(g.links.filter((l) => l.type === type && l.start === from).map((l) => l.end));
  const starts = (type: string, to: string) => new Set(g.links.filter((l) => l.type === type && l.end === to).map((l) => l.start));
  const runners = (o: string) => starts('RUNS', o);
  const family = (p: string) => new Set(g.links.filter((l) => l.type === 'FAMILY_REL' && (l.start === p || l.end === p)).map((l) => (l.start === p ? l.end : l.start)));
  const operators = [...g.nodes.values()].filter((n) => n.labels.includes('Operator')).map((n) => n.id);
  for (const p of operators)
    for (const pl of licence(p).filter((l) => ['revoked', 'suspended', 'surrendered'].includes(String(l.props.status))))
      for (const s of operators) {
        if (s === p || !licence(s).some((sl) => String(sl.props.grantedOn ?? '') >= String(pl.props.grantedOn ?? ''))) continue;
        const kinds = new Set<string>();
        const shared = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));
        if (shared(ends('BASED_AT', p), ends('BASED_AT', s))) kinds.add('same base');
        if (shared(ends('HAS_PHONE', p), ends('HAS_PHONE', s))) kinds.add('same booking line');
        const predecessorPhones = new Set([...ends('HAS_PHONE', p), ...[...runners(p)].flatMap((x) => [...ends('HAS_PHONE', x)])]);
        const applicationPhones = new Set(licence(s).flatMap((l) => [...ends('CONTACT_PHONE', l.id)]));
        if (shared(applicationPhones, predecessorPhones)) kinds.add('application phone');
        if (shared(runners(p), runners(s))) kinds.add('same person ran both');
        if ([...runners(p)].some((x) => [...family(x)].some((y) => runners(s).has(y) && y !== x))) kinds.add('family tie');
        const contacts = new Set(g.links.filter((l) => l.type === 'RUNS' && l.end === s && l.props.role === 'licensing_contact').map((l) => l.start));
        if ([...runners(p)].some((x) => [...family(x)].some((y) => contacts.has(y)))) kinds.add('licensing deals with');
        const moved = (type: string) =>
          g.links.some((a) => a.type === type && a.end === p && g.links.some((b) => b.type === type && b.end === s && b.start === a.start && String(b.props.from ?? '') >= String(a.props.from ?? '')));
        if (moved('DRIVES_FOR')) kinds.add('drivers moved');
        if (moved('OPERATED_BY')) kinds.add('vehicles moved');
        if (kinds.size) out.set(`${s}<${p}`, kinds);
      }
  return out;
}
