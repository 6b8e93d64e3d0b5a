/**
 * Writes one batch of mapped rows in one transaction (a run stopped half-way leaves whole batches;
 * running it again adds what is missing): new entities, matched ones (gaining only what they
 * lacked), the links, and for call records the aggregate CONTACTED link of each pair of phones,
 * counted from the calls this batch created — so the counts are right however often a file is
 * imported. Every entity and link written carries the import's report in `sources` (entities also
 * a MENTIONS link from it) and `datedOn` (domain/asOf.ts).
 */
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { datedOnCypher, linkDatedOnCypher, withDatedOn } from '../../domain/asOf.js';
import { isLabel, isLinkType } from '../../domain/vocabulary.js';
import { namesIn } from '../../domain/names/keys.js';
import { contactKeyProps, nameKeyProps, type Run } from '../../domain/names/store.js';
import type { Matcher, Resolved } from './matching.js';
import type { RejectedRow, RowEntity, RowLink } from './rows.js';
import { withSources } from '../intake/submitReport.js';

/** A vocabulary statement with its identifiers filled in (labels and types checked by the caller). */
export function statement(name: string, fill: { LABEL?: string; TYPE?: string; POINT?: string } = {}): string {
  return cypherFile(import.meta.url, name)
    .replace(/__LABEL__/g, fill.LABEL ?? '__LABEL__')
    .replace(/__TYPE__/g, fill.TYPE ?? '__TYPE__')
    .replace(/__POINT__/g, fill.POINT ?? '')
    .replace(/__DATED_ON\((\w+)\)__/g, (_, v: string) => datedOnCypher(v))
    .replace(/__LINK_DATED_ON\((\w+)\)__/g, (_, v: string) => linkDatedOnCypher(v));
}

const POINT = 'SET n.point = CASE WHEN n.latitude IS NOT NULL AND n.longitude IS NOT NULL THEN point({latitude: n.latitude, longitude: n.longitude}) END';

export interface MappedOk {
  row: number;
  entities: RowEntity[];
  links: RowLink[];
}

export interface BatchCounts {
  createdEntities: number;
  createdLinks: number;
  /** Keys of graph entities matched (not created) in this batch. */
  matchedKeys: string[];
  rejected: RejectedRow[];
}


const lower = (v: unknown) => String(v ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const sameValue = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? lower(a) === lower(b) : JSON.stringify(a) === JSON.stringify(b));

export interface BatchContext {
  db: Database;
  reportId: string;
  matcher: Matcher;
  /** Ids already written by this import (strong keys seen again need no second write). */
  written: Set<string>;
}

interface CallSeen {
  call: string;
  caller: string;
  called: string;
  day: string | null;
  seconds: number;
}

/** Maps, resolves and writes one batch; returns what it created and the rows it rejected. */
export async function writeBatch(ctx: BatchContext, rows: MappedOk[]): Promise<BatchCounts> {
  const { matcher, reportId } = ctx;
  await matcher.resolve(rows.flatMap((r) => r.entities));
  const rejected: RejectedRow[] = [];
  const newNodes = new Map<string, { kind: string; props: Record<string, unknown>; key: string }>();
  const matched = new Map<string, { res: Resolved; added: Record<string, unknown>; same: Set<string>; key: string }>();
  const links = new Map<string, { type: string; from: string; to: string; props: Record<string, unknown> }>();
  const calls: CallSeen[] = [];
  const matchedKeys = new Set<string>();

  const resolvedEnd = (ref: string, byKey: Map<string, Resolved>) => (ref.startsWith('$') ? matcher.get(ref) : byKey.get(ref));

  for (const r of rows) {
    const byKey = new Map<string, Resolved>();
    const bad = r.entities.map((e) => [e, matcher.idOf(e)] as const).find(([, res]) => res.error);
    if (bad) {
      rejected.push({ row: r.row, column: null, message: `${bad[0].name}: ${bad[1].error}`, values: [] });
      continue;
    }
    for (const e of r.entities) {
      const res = matcher.idOf(e);
      byKey.set(e.key, res);
      if (res.node) {
        matchedKeys.add(e.key);
        const held = res.node.props;
        const m = matched.get(res.id) ?? matched.set(res.id, { res, added: {}, same: new Set(), key: e.key }).get(res.id)!;
        for (const [k, v] of Object.entries(e.props)) {
          if (held[k] === undefined || held[k] === null) {
            if (!(k in m.added)) m.added[k] = v;
          } else if (sameValue(held[k], v)) m.same.add(k);
          // A value that differs from the one held is not written: nothing held is overwritten.
        }
      } else {
        const n = newNodes.get(res.id);
        if (!n) newNodes.set(res.id, { kind: e.kind, props: { ...e.props }, key: e.key });
        else for (const [k, v] of Object.entries(e.props)) if (!(k in n.props)) n.props[k] = v;
      }
    }
    let callId: string | null = null;
    let caller: string | null = null;
    let called: string | null = null;
    for (const l of r.links) {
      const from = resolvedEnd(l.from, byKey);
      const to = resolvedEnd(l.to, byKey);
      if (!from || !to || from.id === to.id) continue;
      const id = `${l.type}:${from.id}:${to.id}`;
      if (!links.has(id)) links.set(id, { type: l.type, from: from.id, to: to.id, props: l.props });
      if (l.type === 'CALLER' && from.kind === 'PhoneCall') [callId, caller] = [from.id, to.id];
      if (l.type === 'CALLED' && from.kind === 'PhoneCall') [callId, called] = [from.id, to.id];
    }
    if (callId && caller && called && caller !== called) {
      const call = r.entities.find((e) => byKey.get(e.key)?.id === callId)!;
      const day = typeof call.props.call_date === 'string' ? call.props.call_date.slice(0, 10) : typeof call.props.from === 'string' ? call.props.from.slice(0, 10) : null;
      const seconds = typeof call.props.call_duration === 'number' ? call.props.call_duration : 0;
      calls.push({ call: callId, caller, called, day, seconds });
    }
  }

  const counts = await ctx.db.writeTransaction(async (run) => {
    let createdEntities = 0;
    let createdLinks = 0;
    const fresh = new Set<string>();
    // New entities, one statement per label.
    const byKind = new Map<string, { id: string; props: Record<string, unknown>; propSources: string; mid: string }[]>();
    for (const [id, n] of newNodes) {
      if (ctx.written.has(id)) continue;
      if (!isLabel(n.kind)) throw new Error(`label ${n.kind} is not in the vocabulary`);
      const keys = n.kind === 'Person' && namesIn(n.props) ? nameKeyProps(n.props) : {};
      const list = byKind.get(n.kind) ?? byKind.set(n.kind, []).get(n.kind)!;
      list.push({ id, props: { ...n.props, ...keys }, propSources: withSources(null, Object.keys(n.props), reportId), mid: `MENTIONS:${reportId}:${id}` });
    }
    for (const [kind, list] of byKind) {
      const located = list.some((r) => r.props.latitude != null && r.props.longitude != null);
      const out = await run(statement('newNodes.cypher', { LABEL: kind, POINT: located ? POINT : '' }), { rid: reportId, rows: list });
      for (const o of out) if (o.fresh === true) fresh.add(String(o.id));
      createdEntities += out.filter((o) => o.fresh === true).length;
    }
    // Matched entities: only once per import unless the batch adds something to them.
    const matchedRows = [...matched.values()]
      .filter((m) => Object.keys(m.added).length || !ctx.written.has(m.res.id))
      .map((m) => {
        const held = m.res.node!.props;
        const isPerson = m.res.node!.labels.includes('Person');
        return {
          id: m.res.id,
          added: m.added,
          keys: isPerson && namesIn(m.added) ? nameKeyProps({ ...held, ...m.added }) : {},
          propSources: withSources(held.propSources, [...Object.keys(m.added), ...m.same], reportId),
          mid: `MENTIONS:${reportId}:${m.res.id}`,
          key: m.key,
        };
      });
    const updated: PlainNode[] = [];
    if (matchedRows.length) {
      for (const o of await run(statement('matchedNodes.cypher'), { rid: reportId, rows: matchedRows })) updated.push(o.n as PlainNode);
    }
    // Links, one statement per type.
    const byType = new Map<string, { id: string; from: string; to: string; props: Record<string, unknown>; propSources: string }[]>();
    for (const [id, l] of links) {
      if (!isLinkType(l.type)) throw new Error(`link type ${l.type} is not in the vocabulary`);
      const props = withDatedOn(null, l.type === 'HAS_CONTACT' && l.props.savedAs != null ? { ...l.props, ...contactKeyProps(l.props.savedAs) } : l.props);
      const { datedOn: _d, ...stored } = props;
      const list = byType.get(l.type) ?? byType.set(l.type, []).get(l.type)!;
      list.push({ id, from: l.from, to: l.to, props: stored, propSources: withSources(null, Object.keys(l.props), reportId) });
    }
    const fixes: { eid: string; json: string }[] = [];
    for (const [type, all] of byType) {
      // A link to or from an entity this transaction created cannot be there already.
      const fromFresh = all.filter((l) => fresh.has(l.from) || fresh.has(l.to));
      if (fromFresh.length) createdLinks += Number((await run(statement('newLinks.cypher', { TYPE: type }), { rid: reportId, rows: fromFresh }))[0]?.created ?? 0);
      const list = fromFresh.length ? all.filter((l) => !fresh.has(l.from) && !fresh.has(l.to)) : all;
      if (!list.length) continue;
      const out = await run(statement('links.cypher', { TYPE: type }), { rid: reportId, rows: list });
      createdLinks += out.filter((o) => o.created === true).length;
      for (const o of out) {
        const f = o.fix as { eid: string; keys: string[]; before: string[] } | null;
        if (f) fixes.push({ eid: f.eid, json: JSON.stringify(Object.fromEntries(f.keys.map((k) => [k, f.before]))) });
      }
    }
    if (fixes.length) await run(cypherFile(import.meta.url, 'attributeLinkProps.cypher'), { fixes });
    createdLinks += await contacted(run, reportId, calls.filter((c) => fresh.has(c.call)));
    return { createdEntities, createdLinks, updated, matchedRows };
  }, { timeoutMs: 300_000, what: 'Writing imported rows' });

  // Committed: later batches compare with what the matched records hold now, and skip what is written.
  for (const n of counts.updated) {
    const m = counts.matchedRows.find((r) => r.id === String(n.props.id));
    if (m) matcher.update(m.key, n);
  }
  for (const id of newNodes.keys()) ctx.written.add(id);
  for (const m of counts.matchedRows) ctx.written.add(m.id);
  return { createdEntities: counts.createdEntities, createdLinks: counts.createdLinks, matchedKeys: [...matchedKeys], rejected };
}

/** Adds the calls this batch created to the CONTACTED link of each pair; returns how many links it created. */
async function contacted(run: Run, reportId: string, calls: CallSeen[]): Promise<number> {
  if (!calls.length) return 0;
  const pairs = new Map<string, { id: string; a: string; b: string; calls: number; fromSource: number; seconds: number; firstOn: string | null; lastOn: string | null }>();
  for (const c of calls) {
    const [a, b] = c.caller < c.called ? [c.caller, c.called] : [c.called, c.caller];
    const id = `CONTACTED:${a}:${b}`;
    const p = pairs.get(id) ?? pairs.set(id, { id, a, b, calls: 0, fromSource: 0, seconds: 0, firstOn: null, lastOn: null }).get(id)!;
    p.calls++;
    if (c.caller === a) p.fromSource++;
    p.seconds += c.seconds;
    if (c.day && (!p.firstOn || c.day < p.firstOn)) p.firstOn = c.day;
    if (c.day && (!p.lastOn || c.day > p.lastOn)) p.lastOn = c.day;
  }
  const [row] = await run(statement('contacted.cypher'), { rid: reportId, pairs: [...pairs.values()] });
  return Number(row?.created ?? 0);
}
