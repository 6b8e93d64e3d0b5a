import { z } from 'zod';
import { asksFor } from '../../http/selection.js';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { fromProjected } from '../../access/current.js';
import { kindsArg } from '../../http/args.js';
import { luceneQuery, readPhone, readRegistration } from './identifiers.js';
import { explainTyped, readTypedWords, MATCH_SCORE, DATE_FITS_BONUS, DATE_DIFFERS_PENALTY, type SearchMatch } from './explain.js';
import { readTypedDate } from '../../domain/names/dates.js';
import { nameKeysQuery } from '../../domain/names/keys.js';
import { decidingWords, nameWords } from '../../domain/names/words.js';
import { searchContexts, type SearchContext } from './context.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

const searchArgs = z.object({
  text: z.string().trim().min(1, 'type a name, number, registration or address').max(200, 'at most 200 characters'),
  kinds: kindsArg,
  limit: z.number().int().min(1).max(200, 'limit is at most 200').default(20),
});

/** What the caller may not see, filtered inside the queries (access/viewer.ts). */
export interface Hidden {
  hidden: string[];
  withheld: string[];
}

export interface SearchHit {
  entity: EntityView;
  score: number;
  /** Which visible field matched, and how. */
  matched: SearchMatch | null;
  /** What tells this hit apart from others of the same name (context.ts). */
  context: SearchContext;
}

type Run = 'phone' | 'registration' | 'text' | 'names';

/**
 * Runs the identifier matches that the text could be (phone, registration), the full-text match
 * and the name-keys match (sound-alikes, spellings, short forms, initials: domain/names/), and
 * merges them by entity, keeping each entity's best score. Exact identifiers score 100, partial
 * ones 50; words score by how they matched (explain.ts). A date typed with a name ("born 1979")
 * is read out of the text and compared with what each hit records: it ranks, it never hides.
 */
export async function search(db: Database, text: string, kinds: string[] | null, limit: number, hide: Hidden = { hidden: [], withheld: [] }, withContext = true): Promise<SearchHit[]> {
  const wants = (kind: string) => !kinds || kinds.includes(kind);
  const dated = readTypedDate(text);
  const words = dated?.rest ?? text;
  const phone = readPhone(text);
  const reg = readRegistration(text);
  const lucene = luceneQuery(words);
  const keys = !phone && (wants('Person') || wants('Officer')) ? nameKeysQuery(decidingWords(nameWords(words))) : null;

  const typedWords = readTypedWords(words, text);
  // Each hit explained once, from the fields the caller sees: identifier runs know what matched; a
  // word hit that no visible field explains matched a value the caller may not see, and is left out.
  type Explained = { entity: EntityView; score: number; matched: SearchMatch };
  // The two word runs mostly find the same people: each is projected and explained once.
  const byWords = new Map<string, Explained | null>();
  const explain = (run: Run, rows: Record<string, unknown>[]): Explained[] =>
    rows.flatMap((r) => {
      const node = r.node as PlainNode;
      if (run === 'text' || run === 'names') {
        const id = String(node.props.id);
        if (!byWords.has(id)) {
          const entity = toEntity(node);
          const matched = explainTyped(typedWords, entity, dated?.date ?? null);
          byWords.set(id, matched ? { entity, score: wordScore(matched), matched } : null);
        }
        const hit = byWords.get(id);
        return hit ? [hit] : [];
      }
      return [{ entity: toEntity(node), score: Number(r.score), matched: identifierMatch(run, Number(r.score)) }];
    });
  // Each run asks for three times the limit; when the hits the caller may see fall short and the
  // run had more, it asks again for more (up to MAX_CAP): hits dropped because only a hidden value
  // explains them must not shorten the list, or its length would say they exist.
  const ask = async (run: Run, cypher: string, params: Record<string, unknown>): Promise<Explained[]> => {
    for (let cap = limit * 3; ; cap = Math.min(cap * 4, MAX_CAP)) {
      const answer = await db.read(q(cypher), { ...params, cap, ...hide }, { what: 'This search' });
      // The index runs answer one row: how many hits it gave, and those the caller may see.
      const [one] = answer;
      const indexRun = run === 'text' || run === 'names';
      const rows = indexRun ? ((one?.hits as Record<string, unknown>[] | undefined) ?? []) : answer;
      const fetched = indexRun ? Number(one?.fetched ?? 0) : answer.length;
      const hits = explain(run, rows);
      if (fetched < cap || cap >= MAX_CAP || hits.length >= limit) return hits;
    }
  };
  const runs: Promise<Explained[]>[] = [];
  if (phone && wants('Phone')) runs.push(ask('phone', 'phone.cypher', phone as unknown as Record<string, unknown>));
  if (reg && wants('Vehicle')) runs.push(ask('registration', 'registration.cypher', { reg }));
  if (lucene) runs.push(ask('text', 'fulltext.cypher', { lucene, kinds }));
  if (keys) runs.push(ask('names', 'names.cypher', { keys, kinds }));
  const best = new Map<string, Explained>();
  for (const hit of (await Promise.all(runs)).flat()) {
    const prev = best.get(hit.entity.id);
    if (!prev || prev.score < hit.score) best.set(hit.entity.id, hit);
  }

  // Ties go by name, never by the index's relevance: its term statistics count hidden records too,
  // and it may order equal hits differently from one request to the next.
  const hits = [...best.values()]
    .sort((a, b) => b.score - a.score || wordsScore(b.matched) - wordsScore(a.matched) || a.entity.label.localeCompare(b.entity.label) || a.entity.id.localeCompare(b.entity.id))
    .slice(0, limit);
  // The context is one more read: made only when the query asks for it.
  const contexts = withContext ? await searchContexts(db, hits.map((h) => h.entity), hide) : null;
  // The explanation is built only from what was typed and the hit's fields as the caller sees them:
  // the second line must not scrub it, or a typed word blanked as a protected name or date of birth
  // ("no [withheld] recorded") would say that it is one.
  return hits.map((h) => ({ ...h, matched: fromProjected(h.matched), context: contexts?.get(h.entity.id) ?? NOT_ASKED }));
}

/** The context of a hit when the query did not ask for it (never sent: GraphQL leaves it out). */
const NOT_ASKED: SearchContext = fromProjected({ born: null, age: null, aliases: [], addresses: [], phones: [], vehicles: [], people: [], details: [] });

/** The most a run asks the index for, when hidden hits crowd the first answers. */
const MAX_CAP = 2_000;

/** The strength of every typed word together: among hits of one score, more strong words first. */
const wordsScore = (m: SearchMatch) => m.words.reduce((sum, w) => sum + MATCH_SCORE[w.how], 0);

function identifierMatch(run: Run, raw: number): SearchMatch {
  const how = raw >= 100 ? 'exact' : 'partial';
  return { field: run, how, value: null, words: [], dates: null, datesNote: null, why: how === 'exact' ? `the whole ${run}` : `part of a ${run}` };
}

function wordScore(m: SearchMatch): number {
  const date = m.dates === 'fits' ? DATE_FITS_BONUS : m.dates === 'differs' ? DATE_DIFFERS_PENALTY : 0;
  return Math.max(1, MATCH_SCORE[m.how] + date);
}

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, ctx, info) => {
      const { text, kinds, limit } = parseArgs(searchArgs, args);
      const viewer = ctx.viewer!;
      return search(ctx.db, text, kinds, limit, { hidden: viewer.hiddenIds(), withheld: viewer.withheldReportIds() }, asksFor(info, 'context'));
    },
  },
};
