/**
 * Measured quality of name search (issue 19, item 6): a labelled set of invented people and of what
 * an analyst types to find them (data/names/quality/), and the precision and recall of `search` on
 * it, per kind of query and per match kind the server reports.
 *
 * Pure logic over search results: the caller passes a function that runs one query (the real
 * `search` over a real Neo4j, in bench/nameQuality.ts and test/integration/nameQuality.test.ts).
 * The definitions are in data/names/quality/README.md; in short, per query:
 *   - a hit is RETURNED unless the query carries a date and the hit says its dates differ;
 *   - precision counts the returned hits among the top 5 (relevant ones / all of them);
 *   - recall counts the labelled relevant people among the returned hits of the top 10;
 *   - a must-not person in the top 10 is a violation when it stands above a relevant person that is
 *     in the top 10, when the query carries a date and the hit is not flagged as differing, or (a
 *     query without a date) when no relevant person is in the top 10 at all.
 * Sums are over hits and people (micro averages), never averages of per-query ratios.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUERY_KINDS = ['exact', 'order', 'parts', 'typo', 'variant', 'sounds', 'nickname', 'initial', 'date', 'false-friend'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Precision is read on the first PRECISION_AT hits, recall on the first RECALL_AT. */
export const PRECISION_AT = 5;
export const RECALL_AT = 10;

/** Where the set lives in the repository. */
export const QUALITY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'names', 'quality');

export interface QualityPerson {
  id: string;
  /** Given names, a middle name included ("Garrick Owen"). */
  name: string;
  surname: string;
  aliases: string[];
  /** YYYY-MM-DD */
  dob: string | null;
  /** An age recorded on a date (ageOn, YYYY-MM-DD) instead of a date of birth. */
  age: number | null;
  ageOn: string | null;
}

export interface QualityQuery {
  text: string;
  kind: QueryKind;
  /** Who an analyst wants found for this text. */
  relevant: string[];
  /** Different people who must not stand above the relevant ones, and must be flagged as differing when the query carries a date. */
  mustNot: string[];
  /** Line in queries.tsv, for messages. */
  line: number;
}

export interface QualitySet {
  people: QualityPerson[];
  queries: QualityQuery[];
}

export type DatesVerdict = 'fits' | 'differs' | null;

/** One search hit as the evaluation needs it: the entity's id, `matched.how` and `matched.dates`. */
export interface QualityHit {
  id: string;
  how: string | null;
  dates: DatesVerdict;
}

export type QualitySearch = (text: string) => Promise<QualityHit[]>;

// ---------------------------------------------------------------------------------------------
// reading the set

/** Rows of a tab-separated file with a header line; blank lines and lines starting with '#' are skipped. */
function readTsv(text: string, what: string): { line: number; row: Record<string, string> }[] {
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const out: { line: number; row: Record<string, string> }[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      return;
    }
    if (cells.length > header.length) throw new Error(`${what} line ${i + 1}: ${cells.length} cells, the header has ${header.length}`);
    out.push({ line: i + 1, row: Object.fromEntries(header.map((h, k) => [h, (cells[k] ?? '').trim()])) });
  });
  return out;
}

const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export function parsePeople(text: string): QualityPerson[] {
  return readTsv(text, 'people.tsv').map(({ line, row }) => {
    const age = row.age ? Number(row.age) : null;
    if (age !== null && !Number.isInteger(age)) throw new Error(`people.tsv line ${line}: age "${row.age}" is not a whole number`);
    return { id: row.id!, name: row.name!, surname: row.surname!, aliases: list(row.aliases ?? ''), dob: row.dob || null, age, ageOn: row.ageOn || null };
  });
}

export function parseQueries(text: string): QualityQuery[] {
  return readTsv(text, 'queries.tsv').map(({ line, row }) => {
    const kind = row.kind as QueryKind;
    if (!QUERY_KINDS.includes(kind)) throw new Error(`queries.tsv line ${line}: unknown kind "${row.kind}"`);
    return { text: row.query!, kind, relevant: list(row.relevant ?? ''), mustNot: list(row.mustNot ?? ''), line };
  });
}

export function readQualitySet(dir = QUALITY_DIR): QualitySet {
  return {
    people: parsePeople(fs.readFileSync(path.join(dir, 'people.tsv'), 'utf8')),
    queries: parseQueries(fs.readFileSync(path.join(dir, 'queries.tsv'), 'utf8')),
  };
}

/** The people as Person nodes for server/db/bulkLoad.ts (`mergeNodeBatch` / `loadDataset`), ids prefixed. */
export function personRows(set: QualitySet, prefix: string): { id: string; labels: string[]; props: Record<string, string | number | string[]> }[] {
  return set.people.map((p) => {
    const props: Record<string, string | number | string[]> = { name: p.name, surname: p.surname };
    if (p.aliases.length) props.aliases = p.aliases;
    if (p.dob) props.dob = p.dob;
    if (p.age !== null) props.age = p.age;
    if (p.ageOn) props.ageOn = p.ageOn;
    return { id: prefix + p.id, labels: ['Person'], props };
  });
}

// ---------------------------------------------------------------------------------------------
// dates, for checking the labels (the evaluation itself uses what the server says)

/** Whether the text carries a date: a year 1800-2099 as a word, alone or in a date. */
export const carriesDate = (text: string) => /(^|[^\d])(1[89]|20)\d{2}([^\d]|$)/.test(text);

/** The day range a typed date stands for: a whole year, or one day (DD/MM/YYYY as written in the UK, or YYYY-MM-DD). */
export function typedDateRange(text: string): [string, string] | null {
  const iso = /(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:\D|$)/.exec(text);
  if (iso) return [`${iso[1]}-${iso[2]}-${iso[3]}`, `${iso[1]}-${iso[2]}-${iso[3]}`];
  const uk = /(?:^|\D)(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\D|$)/.exec(text);
  if (uk) {
    const d = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    return [d, d];
  }
  const year = /(?:^|\D)((?:1[89]|20)\d{2})(?:\D|$)/.exec(text);
  return year ? [`${year[1]}-01-01`, `${year[1]}-12-31`] : null;
}

const shiftYears = (iso: string, years: number) => `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The days a person may have been born on: the date of birth, or what an age on a date allows. */
export function birthRange(p: Pick<QualityPerson, 'dob' | 'age' | 'ageOn'>): [string, string] | null {
  if (p.dob) return [p.dob, p.dob];
  if (p.age !== null && p.ageOn) return [nextDay(shiftYears(p.ageOn, -(p.age + 1))), shiftYears(p.ageOn, -p.age)];
  return null;
}

/** Whether a typed date fits what is recorded of a person: null when the text has no date or the person no dates. */
export function datesVerdict(text: string, p: Pick<QualityPerson, 'dob' | 'age' | 'ageOn'>): DatesVerdict {
  const typed = typedDateRange(text);
  const born = birthRange(p);
  if (!typed || !born) return null;
  return typed[0] <= born[1] && born[0] <= typed[1] ? 'fits' : 'differs';
}

/** What is wrong with the set: unknown ids, overlaps, and labels that contradict the typed dates. Empty when sound. */
export function validateSet(set: QualitySet): string[] {
  const problems: string[] = [];
  const byId = new Map<string, QualityPerson>();
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  for (const p of set.people) {
    if (!/^[a-z0-9]+$/i.test(p.id)) problems.push(`person "${p.id}": ids are letters and digits`);
    if (byId.has(p.id)) problems.push(`person ${p.id} appears twice`);
    byId.set(p.id, p);
    if (!p.name || !p.surname) problems.push(`person ${p.id}: no name or surname`);
    if (p.dob && !isDate(p.dob)) problems.push(`person ${p.id}: dob "${p.dob}" is not YYYY-MM-DD`);
    if (p.ageOn && !isDate(p.ageOn)) problems.push(`person ${p.id}: ageOn "${p.ageOn}" is not YYYY-MM-DD`);
    if ((p.age === null) !== (p.ageOn === null)) problems.push(`person ${p.id}: an age needs the date it was recorded on, and the other way round`);
    if (p.dob && p.age !== null) problems.push(`person ${p.id}: both a dob and an age`);
  }
  const texts = new Set<string>();
  for (const q of set.queries) {
    const at = `queries.tsv line ${q.line} "${q.text}"`;
    if (texts.has(q.text.toLowerCase())) problems.push(`${at}: the same text twice`);
    texts.add(q.text.toLowerCase());
    if (!q.relevant.length) problems.push(`${at}: no relevant id`);
    if (q.relevant.length > RECALL_AT) problems.push(`${at}: more relevant ids than the ${RECALL_AT} hits recall is read on`);
    for (const id of [...q.relevant, ...q.mustNot]) if (!byId.has(id)) problems.push(`${at}: unknown id ${id}`);
    for (const id of q.mustNot) if (q.relevant.includes(id)) problems.push(`${at}: ${id} is both relevant and must-not`);
    if (new Set(q.relevant).size !== q.relevant.length) problems.push(`${at}: a relevant id twice`);
    const dated = carriesDate(q.text);
    if ((q.kind === 'date' || q.kind === 'false-friend') && !dated) problems.push(`${at}: a ${q.kind} query without a date`);
    if (q.kind === 'false-friend' && !q.mustNot.length) problems.push(`${at}: a false-friend query names no must-not person`);
    if (!dated) continue;
    for (const id of q.relevant) {
      const p = byId.get(id);
      if (p && datesVerdict(q.text, p) === 'differs') problems.push(`${at}: relevant ${id} was born outside the typed date`);
    }
    for (const id of q.mustNot) {
      const p = byId.get(id);
      if (p && datesVerdict(q.text, p) !== 'differs') problems.push(`${at}: must-not ${id} is not told apart by the typed date`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// evaluation

export interface RankedHit extends QualityHit {
  /** 1-based rank in what search returned. */
  rank: number;
  /** The set's id (prefix removed), or null for someone outside the set (the demo's people). */
  setId: string | null;
  relevant: boolean;
  mustNot: boolean;
  /** Counted as returned: not flagged as differing when the query carries a date. */
  returned: boolean;
}

export interface Violation {
  query: string;
  kind: QueryKind;
  id: string;
  rank: number;
  reasons: string[];
}

export interface QueryResult {
  query: QualityQuery;
  dated: boolean;
  /** The first RECALL_AT hits. */
  hits: RankedHit[];
  top5Returned: number;
  top5Relevant: number;
  found: string[];
  missed: string[];
  violations: Violation[];
}

export interface Tally {
  queries: number;
  /** Returned hits in the top 5, and how many of them are relevant. */
  top5Returned: number;
  top5Relevant: number;
  /** Relevant people labelled, and how many were returned in the top 10. */
  labelled: number;
  found: number;
  violations: number;
  /** Queries with at least one must-not id (the ones violations can happen on). */
  withMustNot: number;
  precision: number | null;
  recall: number | null;
}

export interface HowTally {
  /** Hits in the top 10 of every query reporting this `matched.how`. */
  hits: number;
  relevant: number;
  /** Of them, flagged `dates: differs`. */
  differs: number;
}

export interface QualityReport {
  overall: Tally;
  perKind: Record<string, Tally>;
  perHow: Record<string, HowTally>;
  results: QueryResult[];
  violations: Violation[];
  /** id → "Given Surname", for printing. */
  names: Record<string, string>;
}

/** Ranks one query's hits against its labels. */
export function scoreQuery(q: QualityQuery, hits: QualityHit[], idPrefix = ''): QueryResult {
  const dated = carriesDate(q.text);
  const ranked: RankedHit[] = hits.slice(0, RECALL_AT).map((h, i) => {
    const setId = !idPrefix ? h.id : h.id.startsWith(idPrefix) ? h.id.slice(idPrefix.length) : null;
    return {
      ...h,
      rank: i + 1,
      setId,
      relevant: setId !== null && q.relevant.includes(setId),
      mustNot: setId !== null && q.mustNot.includes(setId),
      returned: !(dated && h.dates === 'differs'),
    };
  });
  const top5 = ranked.slice(0, PRECISION_AT).filter((h) => h.returned);
  const foundSet = new Set(ranked.filter((h) => h.returned && h.relevant).map((h) => h.setId!));
  const found = q.relevant.filter((id) => foundSet.has(id));
  const missed = q.relevant.filter((id) => !foundSet.has(id));
  const rankOf = new Map(ranked.filter((h) => h.setId !== null).map((h) => [h.setId!, h.rank]));
  const violations: Violation[] = [];
  for (const id of q.mustNot) {
    const rank = rankOf.get(id);
    if (rank === undefined) continue;
    const reasons: string[] = [];
    const below = q.relevant.filter((r) => rankOf.has(r) && rankOf.get(r)! > rank);
    if (below.length) reasons.push(`above relevant ${below.map((r) => `${r} (rank ${rankOf.get(r)})`).join(', ')}`);
    const hit = ranked[rank - 1]!;
    if (dated && hit.dates !== 'differs') reasons.push(`dates ${hit.dates ?? 'not compared'}, not "differs"`);
    if (!dated && !q.relevant.some((r) => rankOf.has(r))) reasons.push(`returned while no relevant person is in the top ${RECALL_AT}`);
    if (reasons.length) violations.push({ query: q.text, kind: q.kind, id, rank, reasons });
  }
  return { query: q, dated, hits: ranked, top5Returned: top5.length, top5Relevant: top5.filter((h) => h.relevant).length, found, missed, violations };
}

function tally(results: QueryResult[]): Tally {
  const t = { queries: results.length, top5Returned: 0, top5Relevant: 0, labelled: 0, found: 0, violations: 0, withMustNot: 0 };
  for (const r of results) {
    t.top5Returned += r.top5Returned;
    t.top5Relevant += r.top5Relevant;
    t.labelled += r.query.relevant.length;
    t.found += r.found.length;
    t.violations += r.violations.length;
    if (r.query.mustNot.length) t.withMustNot++;
  }
  return { ...t, precision: t.top5Returned ? t.top5Relevant / t.top5Returned : null, recall: t.labelled ? t.found / t.labelled : null };
}

/** Aggregates per-query results into the report (separate from running, so it can be unit-tested). */
export function summarise(set: QualitySet, results: QueryResult[]): QualityReport {
  const perKind: Record<string, Tally> = {};
  for (const kind of QUERY_KINDS) {
    const of = results.filter((r) => r.query.kind === kind);
    if (of.length) perKind[kind] = tally(of);
  }
  const perHow: Record<string, HowTally> = {};
  for (const r of results)
    for (const h of r.hits) {
      const t = (perHow[h.how ?? '(none)'] ??= { hits: 0, relevant: 0, differs: 0 });
      t.hits++;
      if (h.relevant) t.relevant++;
      if (h.dates === 'differs') t.differs++;
    }
  const names = Object.fromEntries(set.people.map((p) => [p.id, `${p.name} ${p.surname}`]));
  return { overall: tally(results), perKind, perHow, results, violations: results.flatMap((r) => r.violations), names };
}

/**
 * Runs every query of the set through `search` (one at a time) and scores it. `idPrefix` is what
 * the set's ids were loaded with ("nq-"); hits without it are people outside the set, never relevant.
 */
export async function evaluate(set: QualitySet, search: QualitySearch, opts: { idPrefix?: string } = {}): Promise<QualityReport> {
  const results: QueryResult[] = [];
  for (const q of set.queries) results.push(scoreQuery(q, await search(q.text), opts.idPrefix ?? ''));
  return summarise(set, results);
}

export interface Thresholds {
  precision: number;
  recall: number;
  kindRecall: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { precision: 0.9, recall: 0.9, kindRecall: 0.8 };

/** What falls short of the thresholds, in words; empty when all are met. */
export function shortfalls(report: QualityReport, t: Thresholds = DEFAULT_THRESHOLDS): string[] {
  const out: string[] = [];
  const o = report.overall;
  if ((o.precision ?? 0) < t.precision) out.push(`overall precision ${fmt(o.precision)} < ${t.precision}`);
  if ((o.recall ?? 0) < t.recall) out.push(`overall recall ${fmt(o.recall)} < ${t.recall}`);
  for (const [kind, k] of Object.entries(report.perKind)) if ((k.recall ?? 0) < t.kindRecall) out.push(`${kind} recall ${fmt(k.recall)} < ${t.kindRecall}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// rendering

const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(2));

function kindRow(label: string, t: Tally): string {
  return `| ${label} | ${t.queries} | ${fmt(t.precision)} | ${fmt(t.recall)} | ${t.top5Relevant} / ${t.top5Returned} | ${t.found} / ${t.labelled} | ${t.withMustNot ? `${t.violations} (${t.withMustNot} queries)` : '–'} |`;
}

/** The report as Markdown (also readable as plain text): per kind, per reported match, then what fell short. */
export function renderReport(report: QualityReport, opts: { title?: string; details?: boolean } = {}): string {
  const lines: string[] = [];
  if (opts.title) lines.push(`# ${opts.title}`, '');
  lines.push(
    `Precision: relevant / returned hits among the top ${PRECISION_AT}; recall: relevant people returned in the top ${RECALL_AT} / labelled.`,
    'A hit flagged `dates: differs` is not counted as returned when the query carries a date.',
    '',
    `| kind | queries | precision@${PRECISION_AT} | recall@${RECALL_AT} | relevant / returned (top ${PRECISION_AT}) | found / labelled | false-friend violations |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const [kind, t] of Object.entries(report.perKind)) lines.push(kindRow(kind, t));
  lines.push(kindRow('**all**', report.overall), '');
  lines.push(`Per reported match (\`matched.how\`), over the top ${RECALL_AT} hits of every query:`, '', '| how | hits | relevant | share relevant | flagged differs |', '|---|---:|---:|---:|---:|');
  for (const [how, t] of Object.entries(report.perHow).sort((a, b) => b[1].hits - a[1].hits)) lines.push(`| ${how} | ${t.hits} | ${t.relevant} | ${fmt(t.hits ? t.relevant / t.hits : null)} | ${t.differs} |`);
  lines.push('');
  const who = (id: string | null, raw: string) => (id === null ? `${raw} (not in the set)` : `${id} ${report.names[id] ?? '?'}`);
  if (report.violations.length) {
    lines.push(`False-friend violations (${report.violations.length}):`, '');
    for (const v of report.violations) lines.push(`- "${v.query}" (${v.kind}): must-not ${who(v.id, v.id)} at rank ${v.rank}: ${v.reasons.join('; ')}`);
    lines.push('');
  } else lines.push('False-friend violations: none.', '');
  if (opts.details !== false) {
    const short = report.results.filter((r) => r.missed.length || r.top5Relevant < r.top5Returned || r.violations.length);
    lines.push(`Queries short of full marks (${short.length} of ${report.results.length}):`, '');
    for (const r of short) {
      const wrong = r.hits.slice(0, PRECISION_AT).filter((h) => h.returned && !h.relevant);
      const parts = [`- "${r.query.text}" (${r.query.kind}, line ${r.query.line}): precision ${r.top5Relevant}/${r.top5Returned}, recall ${r.found.length}/${r.query.relevant.length}`];
      if (r.missed.length) parts.push(`missed ${r.missed.map((id) => who(id, id)).join(', ')}`);
      if (wrong.length) parts.push(`not relevant in the top ${PRECISION_AT}: ${wrong.map((h) => `${who(h.setId, h.id)} [${h.how ?? '?'}]`).join(', ')}`);
      if (r.violations.length) parts.push(`violations on ${r.violations.map((v) => v.id).join(', ')}`);
      lines.push(parts.join('; '));
      lines.push(`  returned: ${r.hits.length ? r.hits.map((h) => `${h.rank}. ${who(h.setId, h.id)} [${h.how ?? '?'}${h.dates ? `, ${h.dates}` : ''}]`).join(' · ') : '(nothing)'}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
