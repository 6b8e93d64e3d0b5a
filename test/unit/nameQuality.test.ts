/**
 * The name-search quality metric (server/modules/search/quality.ts) on a fake search function: what
 * precision, recall, the per-`how` counts and false-friend violations count, exactly as
 * data/names/quality/README.md defines them; and the labelled set itself is sound (ids known, dated
 * labels consistent with the typed dates).
 */
import { describe, expect, it } from 'vitest';
import {
  birthRange,
  carriesDate,
  datesVerdict,
  evaluate,
  parsePeople,
  parseQueries,
  personRows,
  readQualitySet,
  renderReport,
  scoreQuery,
  shortfalls,
  typedDateRange,
  validateSet,
  type QualityHit,
  type QualityQuery,
  type QualitySet,
} from '../../server/modules/search/quality.js';

const PEOPLE = [
  'id\tname\tsurname\taliases\tdob\tage\tageOn',
  '# a comment line',
  'a1\tStephen\tMarlow\t\t1979-03-12\t\t',
  'a2\tSteven\tMarlowe\tSteve M;Stevo\t1991-07-04\t\t',
  'a3\tStefan\tMarlow\t\t\t31\t2010-06-01',
  'a4\tStephanie\tMarlow\t\t1985-11-30\t\t',
  'a5\tGraham\tMarlow\t\t\t\t',
].join('\n');
const QUERIES = [
  'query\tkind\trelevant\tmustNot',
  'Stephen Marlow\texact\ta1;a2;a3\t',
  'Steve Marlow born 1979\tfalse-friend\ta1;a3\ta2',
  'Marlow\tparts\ta1;a2;a3;a4;a5\t',
].join('\n');
const set = (): QualitySet => ({ people: parsePeople(PEOPLE), queries: parseQueries(QUERIES) });
const hit = (id: string, how = 'exact', dates: QualityHit['dates'] = null): QualityHit => ({ id, how, dates });
const query = (text: string, relevant: string[], mustNot: string[] = [], kind: QualityQuery['kind'] = 'exact'): QualityQuery => ({ text, kind, relevant, mustNot, line: 1 });

describe('reading the set', () => {
  it('parses people and queries, skipping comments, splitting lists on ;', () => {
    const s = set();
    expect(s.people).toHaveLength(5);
    expect(s.people[1]).toEqual({ id: 'a2', name: 'Steven', surname: 'Marlowe', aliases: ['Steve M', 'Stevo'], dob: '1991-07-04', age: null, ageOn: null });
    expect(s.people[2]).toMatchObject({ dob: null, age: 31, ageOn: '2010-06-01' });
    expect(s.queries[1]).toMatchObject({ text: 'Steve Marlow born 1979', kind: 'false-friend', relevant: ['a1', 'a3'], mustNot: ['a2'], line: 3 });
    expect(validateSet(s)).toEqual([]);
  });

  it('refuses an unknown kind', () => {
    expect(() => parseQueries('query\tkind\trelevant\tmustNot\nX\tguess\ta1\t')).toThrow(/unknown kind "guess"/);
  });

  it('turns people into Person rows with the prefix, leaving out what is not recorded', () => {
    const rows = personRows(set(), 'nq-');
    expect(rows[0]).toEqual({ id: 'nq-a1', labels: ['Person'], props: { name: 'Stephen', surname: 'Marlow', dob: '1979-03-12' } });
    expect(rows[1]!.props.aliases).toEqual(['Steve M', 'Stevo']);
    expect(rows[2]!.props).toEqual({ name: 'Stefan', surname: 'Marlow', age: 31, ageOn: '2010-06-01' });
  });

  it('reads dates typed with a name the ways the set writes them', () => {
    expect(typedDateRange('Steve Marlow born 1979')).toEqual(['1979-01-01', '1979-12-31']);
    expect(typedDateRange('Marlow b. 1979')).toEqual(['1979-01-01', '1979-12-31']);
    expect(typedDateRange('Stephen Marlowe 12/03/1979')).toEqual(['1979-03-12', '1979-03-12']);
    expect(typedDateRange('Stefan Marlow 1979-03-12')).toEqual(['1979-03-12', '1979-03-12']);
    expect(typedDateRange('Stephen Marlow')).toBeNull();
    expect(carriesDate('Brimsworth 1976')).toBe(true);
    expect(carriesDate('Brimsworth')).toBe(false);
    // age 31 on 2010-06-01: born from 1978-06-02 to 1979-06-01
    expect(birthRange({ dob: null, age: 31, ageOn: '2010-06-01' })).toEqual(['1978-06-02', '1979-06-01']);
    expect(datesVerdict('born 1979', { dob: null, age: 31, ageOn: '2010-06-01' })).toBe('fits');
    expect(datesVerdict('born 1978', { dob: null, age: 31, ageOn: '2010-06-01' })).toBe('fits');
    expect(datesVerdict('born 1977', { dob: null, age: 31, ageOn: '2010-06-01' })).toBe('differs');
    expect(datesVerdict('12/03/1979', { dob: '1979-03-13', age: null, ageOn: null })).toBe('differs');
    expect(datesVerdict('born 1979', { dob: null, age: null, ageOn: null })).toBeNull();
  });

  it('finds labels that contradict the set: unknown ids, a must-not the date does not tell apart, a relevant one it excludes', () => {
    const s = set();
    s.queries.push(query('Stephen Marlow 1991', ['a1'], ['a5'], 'false-friend'), query('Graham Marlow', ['zz']), query('Steve Marlow', ['a1'], [], 'false-friend'));
    const problems = validateSet(s);
    expect(problems).toContainEqual(expect.stringContaining('relevant a1 was born outside the typed date'));
    expect(problems).toContainEqual(expect.stringContaining('must-not a5 is not told apart by the typed date'));
    expect(problems).toContainEqual(expect.stringContaining('unknown id zz'));
    expect(problems).toContainEqual(expect.stringContaining('a false-friend query without a date'));
  });

  it('the labelled set in the repository is sound: 150-250 people, 150-300 queries, every kind present', () => {
    const real = readQualitySet();
    expect(validateSet(real)).toEqual([]);
    expect(real.people.length).toBeGreaterThanOrEqual(150);
    expect(real.people.length).toBeLessThanOrEqual(250);
    expect(real.queries.length).toBeGreaterThanOrEqual(150);
    expect(real.queries.length).toBeLessThanOrEqual(300);
    for (const kind of ['exact', 'order', 'parts', 'typo', 'variant', 'sounds', 'nickname', 'initial', 'date', 'false-friend'])
      expect(real.queries.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(15);
  });
});

describe('scoring one query', () => {
  it('precision over the top 5, recall over the top 10', () => {
    const q = query('Stephen Marlow', ['a1', 'a2', 'a3']);
    // a4 in the top 5 (wrong), a3 only at rank 11 (beyond the recall cut), a foreign hit at rank 2
    const hits = [hit('nq-a1'), hit('other-9', 'sounds'), hit('nq-a4', 'sounds'), hit('nq-a2', 'variant'), ...Array.from({ length: 6 }, (_, i) => hit(`other-${i}`, 'partial')), hit('nq-a3', 'sounds')];
    const r = scoreQuery(q, hits, 'nq-');
    expect(r.top5Returned).toBe(5);
    expect(r.top5Relevant).toBe(2);
    expect(r.found).toEqual(['a1', 'a2']);
    expect(r.missed).toEqual(['a3']);
    expect(r.hits).toHaveLength(10);
    expect(r.hits[1]).toMatchObject({ setId: null, relevant: false });
  });

  it('a hit flagged "differs" is not returned when the query carries a date: neither in precision nor in recall', () => {
    const q = query('Steve Marlow born 1979', ['a1', 'a3'], ['a2'], 'false-friend');
    const r = scoreQuery(q, [hit('nq-a1', 'nickname', 'fits'), hit('nq-a3', 'nickname', 'differs'), hit('nq-a2', 'nickname', 'differs')], 'nq-');
    expect(r.top5Returned).toBe(1);
    expect(r.top5Relevant).toBe(1);
    expect(r.found).toEqual(['a1']);
    expect(r.missed).toEqual(['a3']);
    expect(r.violations).toEqual([]);
  });

  it('"differs" is an ordinary hit when the query carries no date', () => {
    const r = scoreQuery(query('Stephen Marlow', ['a1']), [hit('nq-a1', 'exact', 'differs')], 'nq-');
    expect(r.top5Returned).toBe(1);
    expect(r.found).toEqual(['a1']);
  });

  it('a must-not above a relevant hit, or not flagged "differs" on a dated query, is a violation', () => {
    const q = query('Steve Marlow born 1979', ['a1', 'a3'], ['a2'], 'false-friend');
    const above = scoreQuery(q, [hit('nq-a2', 'nickname', 'differs'), hit('nq-a1', 'nickname', 'fits')], 'nq-');
    expect(above.violations).toEqual([{ query: q.text, kind: 'false-friend', id: 'a2', rank: 1, reasons: ['above relevant a1 (rank 2)'] }]);
    const unflagged = scoreQuery(q, [hit('nq-a1', 'nickname', 'fits'), hit('nq-a2', 'nickname', null)], 'nq-');
    expect(unflagged.violations[0]!.reasons).toEqual(['dates not compared, not "differs"']);
    const fine = scoreQuery(q, [hit('nq-a1', 'nickname', 'fits'), hit('nq-a3', 'nickname', 'fits'), hit('nq-a2', 'nickname', 'differs')], 'nq-');
    expect(fine.violations).toEqual([]);
    // a must-not flagged "differs" while the relevant people are missing: a recall miss, not a violation
    expect(scoreQuery(q, [hit('nq-a2', 'nickname', 'differs')], 'nq-').violations).toEqual([]);
    // without a date, a must-not returned in place of every relevant person is a violation
    const undated = query('Steve Marlow', ['a1'], ['a4']);
    expect(scoreQuery(undated, [hit('nq-a4', 'sounds')], 'nq-').violations[0]!.reasons).toEqual(['returned while no relevant person is in the top 10']);
  });
});

describe('the report', () => {
  it('sums hits and people over queries (micro averages), per kind and per reported how', async () => {
    const answers: Record<string, QualityHit[]> = {
      'Stephen Marlow': [hit('nq-a1'), hit('nq-a3', 'variant'), hit('nq-a4', 'sounds')], // precision 2/3, recall 2/3
      'Steve Marlow born 1979': [hit('nq-a1', 'nickname', 'fits'), hit('nq-a3', 'nickname', 'fits'), hit('nq-a2', 'nickname', 'differs')], // 2/2, 2/2
      Marlow: [hit('nq-a1'), hit('nq-a3'), hit('nq-a4'), hit('nq-a5'), hit('nq-a2', 'prefix')], // 5/5, 5/5
    };
    const seen: string[] = [];
    const report = await evaluate(set(), async (text) => (seen.push(text), answers[text] ?? []), { idPrefix: 'nq-' });
    expect(seen).toEqual(['Stephen Marlow', 'Steve Marlow born 1979', 'Marlow']);
    expect(report.overall).toMatchObject({ queries: 3, top5Returned: 10, top5Relevant: 9, labelled: 10, found: 9, violations: 0, withMustNot: 1 });
    expect(report.overall.precision).toBeCloseTo(0.9);
    expect(report.overall.recall).toBeCloseTo(0.9);
    expect(report.perKind.exact).toMatchObject({ queries: 1, precision: 2 / 3, recall: 2 / 3 });
    expect(report.perKind['false-friend']).toMatchObject({ precision: 1, recall: 1 });
    expect(Object.keys(report.perKind)).toEqual(['exact', 'parts', 'false-friend']);
    expect(report.perHow.exact).toEqual({ hits: 5, relevant: 5, differs: 0 });
    expect(report.perHow.sounds).toEqual({ hits: 1, relevant: 0, differs: 0 });
    expect(report.perHow.nickname).toEqual({ hits: 3, relevant: 2, differs: 1 });
    expect(shortfalls(report)).toEqual(['exact recall 0.67 < 0.8']);

    const text = renderReport(report, { title: 'T' });
    expect(text).toContain('| exact | 1 | 0.67 | 0.67 | 2 / 3 | 2 / 3 | – |');
    expect(text).toContain('| **all** | 3 | 0.90 | 0.90 | 9 / 10 | 9 / 10 | 0 (1 queries) |');
    expect(text).toContain('| nickname | 3 | 2 | 0.67 | 1 |');
    expect(text).toContain('"Stephen Marlow" (exact, line 2): precision 2/3, recall 2/3; missed a2 Steven Marlowe; not relevant in the top 5: a4 Stephanie Marlow [sounds]');
    expect(text).toContain('False-friend violations: none.');
  });

  it('a query that finds nothing costs recall, not precision; thresholds say what falls short', async () => {
    const report = await evaluate(set(), async () => []);
    expect(report.overall).toMatchObject({ top5Returned: 0, precision: null, recall: 0 });
    expect(shortfalls(report)).toEqual(expect.arrayContaining(['overall precision – < 0.9', 'overall recall 0.00 < 0.9']));
  });
});
