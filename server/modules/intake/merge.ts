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
export async function duplicateCandidates(db: Database, limit: number): Promise<DuplicateCandidate[]> {
  const rows = await db.read(q('duplicateCandidates.cypher'), {}, { what: 'The duplicate review' });
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

/** Merges persons into the first of `ids`, recording the reason; returns the survivor. */
export async function mergePersons(db: Database, ids: string[], reason: string, by: string): Promise<EntityView> {
  const [survivor, ...absorbed] = ids;
  return db.writeTransaction(async (run) => {
    const found = await run('MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id', { ids });
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw notFound(`no person with id ${missing.join(', ')} (already merged, or not a person)`);
    const mergeId = `merge-${randomUUID()}`;
    for (const id of absorbed) await run(q('mergePersons.cypher'), { survivor, absorbed: id, mergeId });
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
export async function unmergePerson(db: Database, id: string, reason: string, by: string): Promise<EntityView[]> {
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
    for (const a of [...absorbed].reverse()) {
      const [{ absorbed: node }] = await run(q('unmergePerson.cypher'), { absorbed: a });
      restored.push(toEntity(node as PlainNode));
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
