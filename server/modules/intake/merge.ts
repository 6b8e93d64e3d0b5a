/**
 * Entity resolution for persons: a review list of possible duplicates with the evidence for each
 * pair, and merge / unmerge that keep every original node, link and source, so an unmerge restores
 * the graph exactly. Nothing is ever merged automatically, and a nickname alone is never evidence
 * (a handset's savedAs never reaches this review: DESIGN.md §4).
 */
import { randomUUID } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { GraphQLError } from 'graphql';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import type { Viewer } from '../../access/viewer.js';
import { recordedDatesAgree } from '../../domain/names/dates.js';
import { nameKeyPairs, namesAlike, onlyNamesLine } from './duplicateNames.js';
import type { LikeHow } from './likeness.js';
import { refreshNameKeys, type Run } from '../../domain/names/store.js';

const q = (name: string) => cypherFile(import.meta.url, name);

export type DuplicateStrength = 'STRONG' | 'WEAK';

export interface DuplicateCandidate {
  a: EntityView;
  b: EntityView;
  evidence: string[];
  /** Independent signals: each evidence line but the 'check before merging' one. */
  score: number;
  /** STRONG: a shared phone, an alias that is the other's name, or alike names with dates that fit. WEAK: alike names alone. */
  strength: DuplicateStrength;
}

const fullName = (e: EntityView) => `${e.properties.name ?? ''} ${e.properties.surname ?? ''}`.trim().toLowerCase();
const isPerson = (e: EntityView) => e.kind === 'Person' || e.kind === 'Officer';
const aliasesOf = (e: EntityView) => (Array.isArray(e.properties.aliases) ? e.properties.aliases : []).filter((x): x is string => typeof x === 'string');

/**
 * Candidates for review, STRONG first, then by number of signals. Pairs come from a shared phone,
 * a shared date of birth, an alias that is another's name (duplicateCandidates.cypher) and names
 * that share a rare sound or name-group key (duplicateNames.ts); each pair is then judged from
 * what the caller sees of both persons (a value only withheld reports support explains nothing):
 * - a shared phone or an alias that is the other's name is a lead on its own (STRONG);
 * - names alike (the same, similar up to two letters, or the same name written differently:
 *   namesAlike) with dates that fit (the same date of birth, a birth year that fits an age
 *   recorded on a date) are a lead (STRONG);
 * - recorded dates that differ part two persons with alike names: the pair is left out unless a
 *   shared phone or an alias ties them (then the difference is said);
 * - a shared birthday alone is not a lead, and alike names alone are WEAK: listed last, saying
 *   so ('names only sound alike, …: check before merging').
 */
export async function duplicateCandidates(db: Database, limit: number, withheld: string[] = []): Promise<DuplicateCandidate[]> {
  const [rows, byNames] = await Promise.all([
    db.read(q('duplicateCandidates.cypher'), { withheld }, { what: 'The duplicate review' }),
    nameKeyPairs(db, withheld),
  ]);
  const pairs = new Map<string, { a: PlainNode; b: PlainNode; phones: string[] }>();
  const add = (a: PlainNode, b: PlainNode, phones: string[]) => {
    const key = `${String(a.props.id)}\u0000${String(b.props.id)}`;
    const p = pairs.get(key);
    if (p) p.phones.push(...phones.filter((e) => !p.phones.includes(e)));
    else pairs.set(key, { a, b, phones: [...phones] });
  };
  // The date and alias signals of the query are judged again from the visible values below.
  for (const r of rows) add(r.a as PlainNode, r.b as PlainNode, (r.evidence as string[]).filter((e) => e.startsWith('both hold phone')));
  for (const p of byNames) add(p.a, p.b, []);

  const out: DuplicateCandidate[] = [];
  // A person is in many pairs: seen through the view once.
  const seen = new Map<string, EntityView>();
  const view = (n: PlainNode) => {
    const id = String(n.props.id);
    let e = seen.get(id);
    if (!e) seen.set(id, (e = toEntity(n)));
    return e;
  };
  for (const { a: na, b: nb, phones } of pairs.values()) {
    const a = view(na);
    const b = view(nb);
    if (!isPerson(a) || !isPerson(b)) continue; // a person only withheld reports support is no one's to pair
    const signals = [...phones];
    const [fa, fb] = [fullName(a), fullName(b)];
    for (const [x, other] of [[a, fb], [b, fa]] as const) {
      for (const alias of aliasesOf(x)) if (other && alias.trim().toLowerCase() === other) signals.push(`alias "${alias}" is the other's name`);
    }
    const strong = signals.length > 0;

    let names: string | null = null;
    let nameHow: LikeHow | 'same' = 'same';
    if (fa && fb && distance(fa, fb) <= 2) {
      names = fa === fb ? 'same name' : `similar names ("${a.label}" / "${b.label}")`;
      nameHow = fa === fb ? 'same' : (namesAlike(a.properties, b.properties)?.how ?? 'typo');
    } else {
      const alike = namesAlike(a.properties, b.properties);
      if (alike) {
        names = `names alike: "${a.label}" / "${b.label}" (${alike.words || 'every word of one in the other'})`;
        nameHow = alike.how;
      }
    }
    // A date of birth reads first ('born 1979-03-01 fits age 31 in 2010').
    const dobFirst = typeof b.properties.dob === 'string' && typeof a.properties.dob !== 'string';
    const dates = dobFirst ? recordedDatesAgree(b.properties, a.properties) : recordedDatesAgree(a.properties, b.properties);
    if (dates?.fit === 'differs' && !strong) continue; // false friends stay apart
    if (names) signals.push(names);
    if (dates?.fit === 'fits') {
      if (!strong && !names) continue; // a shared birthday alone is not a lead
      signals.push(dates.note);
    }
    if (!signals.length) continue;
    const lead = strong || (names !== null && dates?.fit === 'fits');
    const evidence = [...signals];
    if (dates?.fit === 'differs') evidence.push(`dates differ: ${dates.note}`);
    if (!lead) evidence.push(onlyNamesLine(nameHow));
    out.push({ a, b, evidence, score: signals.length, strength: lead ? 'STRONG' : 'WEAK' });
  }
  const rank = (c: DuplicateCandidate) => (c.strength === 'STRONG' ? 0 : 1);
  return out.sort((x, y) => rank(x) - rank(y) || y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id)).slice(0, limit);
}

const notFound = (msg: string) => new GraphQLError(msg, { extensions: { code: 'BAD_USER_INPUT' } });

/** Protection flags: a merge keeps the strongest of what it joins, an unmerge gives each side its own back. */
const PROTECTION = ['child', 'lookedAfter', 'restricted', 'pseudonym'] as const;

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : typeof v === 'string' && v.trim() ? [v] : []);
const folded = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The aliases a survivor has while others are merged into it: its own (as before its first merge),
 * then each joined person's name and aliases, so that it is found, and shown to match, by every
 * name it was recorded under (its name keys are recomputed from them). The survivor's aliases are
 * one property with one set of sources, so only names that no conditional report alone gives join
 * it: a name only a withheld report supports stays on the absorbed record, never shown.
 * Returns null for no aliases.
 */
async function aliasesWithJoined(run: Run, survivor: Record<string, unknown>, own: unknown, joined: Record<string, unknown>[]): Promise<string[] | null> {
  const fields = ['name', 'surname', 'aliases'];
  const support = (p: Record<string, unknown>, f: string): unknown[] => {
    try {
      const map = typeof p.propSources === 'string' ? (JSON.parse(p.propSources) as Record<string, unknown>) : {};
      return Array.isArray(map[f]) ? (map[f] as unknown[]) : [];
    } catch {
      return [];
    }
  };
  const reportIds = [...new Set(joined.flatMap((p) => [...(Array.isArray(p.sources) ? p.sources : []), ...fields.flatMap((f) => support(p, f))]).map(String))];
  const [row] = reportIds.length ? await run(q('conditionalReports.cypher'), { ids: reportIds }) : [];
  const conditional = new Set((row?.ids as string[] | undefined) ?? []);
  // Seen by everyone: no sources (imported, seeded), or at least one report that is not conditional.
  const open = (ids: unknown[]) => !ids.length || ids.some((id) => !conditional.has(String(id)));
  const out = texts(own);
  const have = new Set([folded(`${texts(survivor.name).join(' ')} ${texts(survivor.surname).join(' ')}`), ...out.map(folded)]);
  const add = (name: string) => {
    if (!name.trim() || have.has(folded(name))) return;
    have.add(folded(name));
    out.push(name.trim().replace(/\s+/g, ' '));
  };
  for (const p of joined) {
    if (!open(Array.isArray(p.sources) ? p.sources : [])) continue;
    const shown = (f: string) => open(support(p, f));
    add([...(shown('name') ? texts(p.name) : []), ...(shown('surname') ? texts(p.surname) : [])].join(' '));
    if (shown('aliases')) texts(p.aliases).forEach(add);
  }
  // Nothing joined: its own, exactly as they were.
  if (out.length === texts(own).length) return (own ?? null) as string[] | null;
  return out;
}

/** Sets or removes a person's aliases (null: none). */
async function setAliases(run: Run, id: string, aliases: string[] | null) {
  await run(q('setAliases.cypher'), { id, aliases });
}

/** The persons merged into a survivor, in the order they were merged. */
async function joinedInto(run: Run, survivor: string): Promise<{ survivor: Record<string, unknown>; joined: Record<string, unknown>[] }> {
  const [row] = await run(
    q('joinedInto.cypher'),
    { survivor },
  );
  const s = (row?.s as Record<string, unknown>) ?? {};
  const order = texts(s.mergedFrom);
  const joined = ((row?.joined as Record<string, unknown>[]) ?? []).sort((a, b) => order.indexOf(String(a.id)) - order.indexOf(String(b.id)));
  return { survivor: s, joined };
}

/** Merges persons into the first of `ids`, recording the reason; returns the survivor. */
export async function mergePersons(db: Database, ids: string[], reason: string, by: string, viewer: Viewer | null = null): Promise<EntityView> {
  const [survivor, ...absorbed] = ids;
  return db.writeTransaction(async (run) => {
    const found = (await run(q('personsById.cypher'), { ids }))
      .map((r) => r.p as PlainNode)
      .filter((p) => !viewer || viewer.canRead(p))
      .map((p) => ({ id: String(p.props.id) }));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw notFound(`no person with id ${missing.join(', ')} (already merged, or not a person)`);
    const mergeId = `merge-${randomUUID()}`;
    // The survivor's own flags are kept aside (once, at its first merge) for unmerge; it then takes
    // the strongest protection of everyone joined: one protected record makes the person protected.
    // Its own aliases are kept aside with them, as the joined persons' names become its aliases.
    const [own] = await run(q('survivorProtection.cypher'), { survivor });
    const kept = own?.held ? (JSON.parse(String(own.held)) as Record<string, unknown>) : Object.fromEntries(PROTECTION.map((k) => [k, own?.[k] ?? null]));
    // A survivor merged before aliases were kept aside still has only its own: they are kept now.
    if (!('aliases' in kept)) kept.aliases = own?.aliases ?? null;
    await run(q('keepProtection.cypher'), { survivor, before: JSON.stringify(kept) });
    for (const id of absorbed) await run(q('mergePersons.cypher'), { survivor, absorbed: id, mergeId });
    const joined = await joinedInto(run, survivor);
    await setAliases(run, survivor, await aliasesWithJoined(run, joined.survivor, kept.aliases, joined.joined));
    await refreshNameKeys(run, [survivor]);
    await run(
      q('mergeProtection.cypher'),
      { survivor },
    );
    await run(
      q('recordMerge.cypher'),
      { mergeId, survivor, absorbed, reason, by },
    );
    const [{ p }] = await run(q('person.cypher'), { id: survivor });
    return toEntity(p as PlainNode);
  }, { what: 'This merge' });
}

/**
 * Undoes a merge. `id` may be an absorbed person (only that one comes back) or the survivor
 * (everyone merged into it comes back). Returns the restored persons.
 */
export async function unmergePerson(db: Database, id: string, reason: string, by: string, viewer: Viewer | null = null): Promise<EntityView[]> {
  if (viewer?.mayNotUse(id)) throw notFound(`${id} is not part of a merge`);
  return db.writeTransaction(async (run) => {
    const rows = await run(
      q('absorbedBy.cypher'),
      { id },
    );
    const absorbed = (rows[0]?.absorbed as string[]) ?? [];
    if (!absorbed.length) throw notFound(`${id} is not part of a merge`);
    const restored: EntityView[] = [];
    let survivorId: string | null = null;
    for (const a of [...absorbed].reverse()) {
      const [{ absorbed: node, survivor }] = await run(q('unmergePerson.cypher'), { absorbed: a });
      survivorId = survivor as string;
      restored.push(toEntity(node as PlainNode));
    }
    // The survivor's protection: its own, and that of whoever is still merged into it.
    if (survivorId) {
      const [row] = await run(q('protectionBeforeMerge.cypher'), { id: survivorId });
      const before = JSON.parse(String(row?.before ?? '{}')) as Record<string, boolean | string | string[] | null>;
      // Its aliases: its own and the names of whoever is still merged into it (exactly its own when no one is).
      if ('aliases' in before) {
        const still = await joinedInto(run, survivorId);
        await setAliases(run, survivorId, still.joined.length ? await aliasesWithJoined(run, still.survivor, before.aliases, still.joined) : ((before.aliases ?? null) as string[] | null));
      }
      await run(
        q('restoreProtection.cypher'),
        { id: survivorId, child: before.child ?? null, lookedAfter: before.lookedAfter ?? null, restricted: before.restricted ?? null, pseudonym: before.pseudonym ?? null },
      );
    }
    // Both sides' names changed: their keys with them.
    await refreshNameKeys(run, [...(survivorId ? [survivorId] : []), ...absorbed]);
    await run(q('recordUnmerge.cypher'), {
      id: `unmerge-${randomUUID()}`,
      absorbed,
      reason,
      by,
    });
    return restored;
  }, { what: 'This unmerge' });
}
