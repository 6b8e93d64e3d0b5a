/**
 * Entity resolution for persons: a review list of possible duplicates with the evidence for each
 * pair, and merge / unmerge that keep every original node, link and source, so an unmerge restores
 * the graph exactly. Nothing is ever merged automatically, and a nickname alone is never evidence.
 */
import { randomUUID } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { GraphQLError } from 'graphql';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import type { Viewer } from '../../access/viewer.js';

const q = (name: string) => cypherFile(import.meta.url, name);

export interface DuplicateCandidate {
  a: EntityView;
  b: EntityView;
  evidence: string[];
  score: number;
}

const fullName = (e: EntityView) => `${e.properties.name ?? ''} ${e.properties.surname ?? ''}`.trim().toLowerCase();

/**
 * Candidates for review, strongest first. The same date of birth counts only with similar names
 * (edit distance of at most 2 on the full name): two strangers share birthdays all the time.
 */
export async function duplicateCandidates(db: Database, limit: number, withheld: string[] = []): Promise<DuplicateCandidate[]> {
  const rows = await db.read(q('duplicateCandidates.cypher'), { withheld }, { what: 'The duplicate review' });
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    const a = toEntity(r.a as PlainNode);
    const b = toEntity(r.b as PlainNode);
    const evidence = [...(r.evidence as string[])];
    const [na, nb] = [fullName(a), fullName(b)];
    const similar = na && nb && distance(na, nb) <= 2;
    if (similar) evidence.push(na === nb ? 'same name' : `similar names ("${a.label}" / "${b.label}")`);
    const strong = evidence.filter((e) => !e.startsWith('same date of birth'));
    if (!strong.length) continue; // a shared birthday alone is not a lead
    out.push({ a, b, evidence, score: evidence.length });
  }
  return out.sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id)).slice(0, limit);
}

const notFound = (msg: string) => new GraphQLError(msg, { extensions: { code: 'BAD_USER_INPUT' } });

/** Protection flags: a merge keeps the strongest of what it joins, an unmerge gives each side its own back. */
const PROTECTION = ['child', 'lookedAfter', 'restricted', 'pseudonym'] as const;

/** Merges persons into the first of `ids`, recording the reason; returns the survivor. */
export async function mergePersons(db: Database, ids: string[], reason: string, by: string, viewer: Viewer | null = null): Promise<EntityView> {
  const [survivor, ...absorbed] = ids;
  return db.writeTransaction(async (run) => {
    const found = (await run('MATCH (p:Person) WHERE p.id IN $ids RETURN p', { ids }))
      .map((r) => r.p as PlainNode)
      .filter((p) => !viewer || viewer.canRead(p))
      .map((p) => ({ id: String(p.props.id) }));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw notFound(`no person with id ${missing.join(', ')} (already merged, or not a person)`);
    const mergeId = `merge-${randomUUID()}`;
    // The survivor's own flags are kept aside (once, at its first merge) for unmerge; it then takes
    // the strongest protection of everyone joined: one protected record makes the person protected.
    const [own] = await run('MATCH (s:Person {id: $survivor}) RETURN s.child AS child, s.lookedAfter AS lookedAfter, s.restricted AS restricted, s.pseudonym AS pseudonym', { survivor });
    const before = JSON.stringify(Object.fromEntries(PROTECTION.map((k) => [k, own?.[k] ?? null])));
    await run('MATCH (s:Person {id: $survivor}) SET s.protectionBeforeMerge = coalesce(s.protectionBeforeMerge, $before)', { survivor, before });
    for (const id of absorbed) await run(q('mergePersons.cypher'), { survivor, absorbed: id, mergeId });
    await run(
      `MATCH (s:Person {id: $survivor})
       OPTIONAL MATCH (a:MergedPerson {mergedInto: $survivor})
       WITH s, collect(a) AS joined
       SET s.child = CASE WHEN s.child = true OR any(a IN joined WHERE a.child = true) THEN true ELSE s.child END,
           s.lookedAfter = CASE WHEN s.lookedAfter = true OR any(a IN joined WHERE a.lookedAfter = true) THEN true ELSE s.lookedAfter END,
           s.restricted = CASE WHEN s.restricted = true OR any(a IN joined WHERE a.restricted = true) THEN true ELSE s.restricted END,
           s.pseudonym = coalesce(s.pseudonym, head([a IN joined WHERE a.pseudonym IS NOT NULL | a.pseudonym]))`,
      { survivor },
    );
    await run(
      'CREATE (m:MergeDecision {id: $mergeId, survivor: $survivor, absorbed: $absorbed, reason: $reason, by: $by, at: datetime()})',
      { mergeId, survivor, absorbed, reason, by },
    );
    const [{ p }] = await run('MATCH (p:Person {id: $id}) RETURN p', { id: survivor });
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
      `OPTIONAL MATCH (m:MergedPerson {id: $id})
       OPTIONAL MATCH (s:Person {id: $id})
       RETURN CASE WHEN m IS NOT NULL THEN [m.id] ELSE coalesce(s.mergedFrom, []) END AS absorbed`,
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
      const [row] = await run('MATCH (s:Person {id: $id}) RETURN s.protectionBeforeMerge AS before', { id: survivorId });
      const before = JSON.parse(String(row?.before ?? '{}')) as Record<string, boolean | string | null>;
      await run(
        `MATCH (s:Person {id: $id})
         OPTIONAL MATCH (a:MergedPerson {mergedInto: $id})
         WITH s, collect(a) AS joined
         SET s.child = CASE WHEN $child = true OR any(a IN joined WHERE a.child = true) THEN true ELSE $child END,
             s.lookedAfter = CASE WHEN $lookedAfter = true OR any(a IN joined WHERE a.lookedAfter = true) THEN true ELSE $lookedAfter END,
             s.restricted = CASE WHEN $restricted = true OR any(a IN joined WHERE a.restricted = true) THEN true ELSE $restricted END,
             s.pseudonym = coalesce($pseudonym, head([a IN joined WHERE a.pseudonym IS NOT NULL | a.pseudonym]))
         WITH s, joined
         FOREACH (_ IN CASE WHEN size(joined) = 0 THEN [1] ELSE [] END | REMOVE s.protectionBeforeMerge)`,
        { id: survivorId, child: before.child ?? null, lookedAfter: before.lookedAfter ?? null, restricted: before.restricted ?? null, pseudonym: before.pseudonym ?? null },
      );
    }
    await run('CREATE (:MergeDecision {id: $id, undoes: $absorbed, reason: $reason, by: $by, at: datetime()})', {
      id: `unmerge-${randomUUID()}`,
      absorbed,
      reason,
      by,
    });
    return restored;
  }, { what: 'This unmerge' });
}
