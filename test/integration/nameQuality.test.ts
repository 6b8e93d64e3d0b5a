/**
 * Measured quality of name search (issue 19, item 6) on the suite's real Neo4j, through the real
 * GraphQL API as an analyst: the labelled set of invented people (data/names/quality/) is loaded
 * with the bulk loader (ids `nq-…`, beside the demo data the suite's database holds), every query
 * is searched, and precision and recall (definitions: data/names/quality/README.md) must reach the
 * issue's thresholds. The table is printed; when a threshold is missed, the failing queries are
 * listed with what came back, so the matcher can be tuned — the set and the thresholds are not.
 * Then direct checks that false friends (sound-alike names, other dates of birth) stay apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../server/db/bulkLoad.js';
import type { Database } from '../../server/db/database.js';
import { evaluate, personRows, readQualitySet, renderReport, shortfalls, validateSet, RECALL_AT, type DatesVerdict, type QualityReport } from '../../server/modules/search/quality.js';
import { gqlOk, testDatabase } from '../support/client.js';

const PREFIX = 'nq-';
const set = readQualitySet();

interface Hit {
  score: number;
  entity: { id: string };
  matched: { how: string; dates: DatesVerdict; datesNote: string | null; words: { at: number; matched: string | null; how: string; field: string | null }[] } | null;
}
const SEARCH = `query ($text: String!, $limit: Int) {
  search(text: $text, kinds: ["Person"], limit: $limit) {
    score entity { id } matched { how dates datesNote words { at matched how field } }
  }
}`;
const hits = async (text: string): Promise<Hit[]> => (await gqlOk<{ search: Hit[] }>(SEARCH, { text, limit: RECALL_AT })).search;

let db: Database;
let report: QualityReport;

beforeAll(async () => {
  expect(validateSet(set)).toEqual([]);
  db = testDatabase();
  await loadDataset(db, { nodes: personRows(set, PREFIX), links: [] });
  await db.write('CALL db.awaitIndexes(120)');
}, 180_000);

afterAll(async () => {
  await db.write('MATCH (p:Person) WHERE p.id STARTS WITH $prefix DETACH DELETE p', { prefix: PREFIX });
  await db.close();
});

describe('name search quality on the labelled set', () => {
  it(
    'reaches precision ≥ 0.9 at recall ≥ 0.9 overall, and recall ≥ 0.8 for every kind of query',
    async () => {
      report = await evaluate(set, async (text) => (await hits(text)).map((h) => ({ id: h.entity.id, how: h.matched?.how ?? null, dates: h.matched?.dates ?? null })), { idPrefix: PREFIX });
      const failed = shortfalls(report);
      // The table always; the queries short of full marks only when a threshold is missed.
      console.log(`\n${renderReport(report, { title: 'Name search quality (integration test)', details: failed.length > 0 })}`);
      expect(failed).toEqual([]);
    },
    300_000,
  );

  it('no false friend stands above the person meant or goes unflagged when a date is typed', () => {
    expect(report, 'the quality run above must have run').toBeDefined();
    expect(report.violations.map((v) => `"${v.query}": ${v.id} at rank ${v.rank}: ${v.reasons.join('; ')}`)).toEqual([]);
  });
});

describe('false friends stay apart', () => {
  const id = (p: string) => PREFIX + p;
  const at = (list: Hit[], p: string) => list.findIndex((h) => h.entity.id === id(p));

  /** Every hit the typed date rules out comes after every hit it does not. */
  const differsLast = (list: Hit[]) => {
    const firstDiffers = list.findIndex((h) => h.matched?.dates === 'differs');
    if (firstDiffers >= 0) expect(list.slice(firstDiffers).every((h) => h.matched?.dates === 'differs'), JSON.stringify(list.map((h) => [h.entity.id, h.score, h.matched?.dates]))).toBe(true);
  };

  it('"Steve Marlow born 1979": Stephen Marlow (1979) and Stefan Marlow (31 in 2010) fit; Steven Marlowe (1991) differs and is ranked below', async () => {
    const list = await hits('Steve Marlow born 1979');
    const [stephen, stefan, steven] = [at(list, 'p001'), at(list, 'p003'), at(list, 'p002')];
    expect(stephen).toBeGreaterThanOrEqual(0);
    expect(stefan).toBeGreaterThanOrEqual(0);
    expect(list[stephen]!.matched!.dates).toBe('fits');
    expect(list[stefan]!.matched!.dates).toBe('fits');
    expect(list[stefan]!.matched!.datesNote).toBeTruthy();
    if (steven >= 0) {
      expect(list[steven]!.matched!.dates).toBe('differs');
      expect(steven).toBeGreaterThan(Math.max(stephen, stefan));
      expect(list[steven]!.score).toBeLessThan(list[stephen]!.score);
    }
    differsLast(list);
  });

  it('"Steven Marlowe 1991": the 1991 Steven first; the 1979 Stephen, spelt exactly as typed elsewhere, differs', async () => {
    const list = await hits('Steven Marlowe 1991');
    expect(list[0]!.entity.id).toBe(id('p002'));
    expect(list[0]!.matched!.dates).toBe('fits');
    for (const p of ['p001', 'p003']) {
      const i = at(list, p);
      if (i >= 0) expect(list[i]!.matched!.dates, p).toBe('differs');
    }
    differsLast(list);
  });

  it('"Mohammed Hussain 20/08/1993": Muhammad Hussein born that day first; Mohammed Hussain (1981) and Mohamed Husain (28 in 2009) differ', async () => {
    const list = await hits('Mohammed Hussain 20/08/1993');
    expect(list[0]!.entity.id).toBe(id('p031'));
    expect(list[0]!.matched!.dates).toBe('fits');
    for (const p of ['p030', 'p032']) {
      const i = at(list, p);
      if (i >= 0) expect(list[i]!.matched!.dates, p).toBe('differs');
    }
    differsLast(list);
  });

  it('"Thomas Brimsworth born 1948": three namesakes, only the 1948 one fits and comes first', async () => {
    const list = await hits('Thomas Brimsworth born 1948');
    expect(list[0]!.entity.id).toBe(id('p130'));
    for (const p of ['p131', 'p132', 'p133']) expect(list[at(list, p)]?.matched?.dates, p).toBe('differs');
    differsLast(list);
  });

  it('without a date nobody is told apart: "Stephen Marlow" finds the three Marlows who may be him, dates not compared', async () => {
    const list = await hits('Stephen Marlow');
    for (const p of ['p001', 'p002', 'p003']) expect(at(list, p), p).toBeGreaterThanOrEqual(0);
    expect(list[0]!.entity.id).toBe(id('p001'));
    expect(list.every((h) => h.matched?.dates == null)).toBe(true);
  });

  it('a sound-alike is said to be one: "Garik Thrimble 1990" finds Garrick Thrimble (1990) word by word, and Garrick Owen Thrimbley (1974) differs', async () => {
    const list = await hits('Garik Thrimble 1990');
    expect(list[0]!.entity.id).toBe(id('p014'));
    // Typed words by their place ("Garik" is the first), never echoed back.
    expect(list[0]!.matched!.words.map((w) => w.at)).toEqual(expect.arrayContaining([0, 1]));
    expect(list[0]!.matched!.words.find((w) => w.at === 0)!.how).not.toBe('exact');
    const i = at(list, 'p010');
    if (i >= 0) expect(list[i]!.matched!.dates).toBe('differs');
    differsLast(list);
  });
});
