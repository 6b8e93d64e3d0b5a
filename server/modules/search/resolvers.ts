import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { kindsArg } from '../../http/args.js';
import { luceneQuery, readPhone, readRegistration } from './identifiers.js';
import { explainText, MATCH_SCORE, DATE_FITS_BONUS, DATE_DIFFERS_PENALTY, type SearchMatch } from './explain.js';
import { readTypedDate } from '../../domain/names/dates.js';
import { nameKeysQuery } from '../../domain/names/keys.js';
import { decidingWords, nameWords } from '../../domain/names/words.js';
import { searchContexts, type SearchContext } from './context.js';

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
export async function search(db: Database, text: string, kinds: string[] | null, limit: number, hide: Hidden = { hidden: [], withheld: [] }): Promise<SearchHit[]> {
  const wants = (kind: string) => !kinds || kinds.includes(kind);
  const cap = limit * 3;
  const runs: Promise<{ run: Run; rows: Record<string, unknown>[] }>[] = [];
  const tag = (run: Run, p: Promise<Record<string, unknown>[]>) => runs.push(p.then((rows) => ({ run, rows })));
  const phone = readPhone(text);
  if (phone && wants('Phone')) tag('phone', db.read(q('phone.cypher'), { ...phone, cap, ...hide }));
  const reg = readRegistration(text);
  if (reg && wants('Vehicle')) tag('registration', db.read(q('registration.cypher'), { reg, cap, ...hide }));
  const dated = readTypedDate(text);
  const words = dated?.rest ?? text;
  const lucene = luceneQuery(words);
  if (lucene) tag('text', db.read(q('fulltext.cypher'), { lucene, kinds, cap, ...hide }, { what: 'This search' }));
  const keys = !phone && (wants('Person') || wants('Officer')) ? nameKeysQuery(decidingWords(nameWords(words))) : null;
  if (keys) tag('names', db.read(q('names.cypher'), { keys, kinds, cap, ...hide }, { what: 'This search' }));

  // `score` is what the caller is shown; `order` (Lucene's relevance) only breaks ties among hits of
  // the same score, and is never returned.
  const best = new Map<string, { entity: EntityView; score: number; order: number; matched: SearchMatch | null }>();
  for (const { run, rows } of await Promise.all(runs)) {
    for (const r of rows) {
      const entity = toEntity(r.node as PlainNode);
      const raw = Number(r.score);
      // Identifier runs know what matched; a word match is explained from the fields the caller sees.
      // A word hit that no visible field explains matched a value the caller may not see: left out.
      const byWords = run === 'text' || run === 'names';
      const matched: SearchMatch | null = byWords ? explainText(words, entity, dated?.date ?? null) : identifierMatch(run, raw);
      if (!matched) continue;
      const score = byWords ? wordScore(matched) : raw;
      const prev = best.get(entity.id);
      if (!prev || prev.score < score || (prev.score === score && prev.order < raw)) best.set(entity.id, { entity, score, order: raw, matched });
    }
  }
  const hits = [...best.values()].sort((a, b) => b.score - a.score || b.order - a.order || a.entity.label.localeCompare(b.entity.label)).slice(0, limit);
  const contexts = await searchContexts(db, hits.map((h) => h.entity), hide);
  return hits.map(({ order: _order, ...h }) => ({ ...h, context: contexts.get(h.entity.id)! }));
}

function identifierMatch(run: Run, raw: number): SearchMatch {
  const how = raw >= 100 ? 'exact' : 'partial';
  return { field: run, how, value: null, words: [], dates: null, datesNote: null, why: how === 'exact' ? `the whole ${run}` : `part of a ${run}` };
}

function wordScore(m: SearchMatch): number {
  const date = m.dates === 'fits' ? DATE_FITS_BONUS : m.dates === 'differs' ? DATE_DIFFERS_PENALTY : 0;
  return Math.max(1, MATCH_SCORE[m.how] + date);
}

export const searchResolvers = {
  Query: {
    search: (_: unknown, args: unknown, ctx: RequestContext) => {
      const { text, kinds, limit } = parseArgs(searchArgs, args);
      const viewer = ctx.viewer!;
      return search(ctx.db, text, kinds, limit, { hidden: viewer.hiddenIds(), withheld: viewer.withheldReportIds() });
    },
  },
};
