/**
 * Names written differently in whoIs and the duplicate review (issue 19, items 1, 4, 5), on the
 * suite's real Neo4j through the real GraphQL API: invented persons and handset entries written by
 * submitReport as an analyst (Police), some by a report another agency holds under conditions (C),
 * which the analyst may not see.
 * - whoIs: a sound-alike and a short form are found, an exact entry ranks above sound-alikes with
 *   more sources, every entry says how it matched; an entry (or its savedAs) only the withheld
 *   report records finds nobody and is never quoted.
 * - duplicateCandidates: alike names with dates that fit are a lead with both evidences; alike names
 *   with dates that differ are not listed (false friends), unless a shared phone ties them; alike
 *   names alone are WEAK; a person or a date only the withheld report records explains nothing.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from '../support/client.js';

const SUBMIT = `mutation ($input: ReportInput!) {
  submitReport(input: $input) { report { id } entities { ref entity { id kind } } }
}`;
const WHO = 'query ($n: String!) { whoIs(nickname: $n) { score entity { id label } detail } }';
const DUPS = '{ duplicateCandidates(limit: 500) { a { id } b { id } evidence score strength } }';

const report = (extra: Record<string, unknown>) => ({
  receivedOn: '2010-05-01',
  sourceType: 'police',
  sourceGrade: 1,
  intelGrade: 'B',
  handling: 'P',
  ownerAgency: 'Police',
  summary: 'Names written differently: fixture',
  entities: [],
  links: [],
  ...extra,
});
const HELD = { ownerAgency: "Children's Social Care", handling: 'C', conditions: 'Not beyond social care without consent', summary: 'Held note: fixture' };

// Numbers no demo record holds: 07700 9 and five random digits, one block per run.
const base = randomInt(10_000, 90_000);
const phone = (i: number) => `07700 9${String(base + i).padStart(5, '0')}`;

const person = (ref: string, name: string, surname: string, more: Record<string, unknown> = {}) => ({ ref, kind: 'Person', properties: { name, surname, ...more } });
const has = (type: string, from: string, to: string, properties: Record<string, unknown> = {}) => ({ type, from, to, properties });

let ids: Record<string, string> = {};
async function submit(input: Record<string, unknown>): Promise<Record<string, string>> {
  const { submitReport } = await gqlOk(SUBMIT, { input: report(input) });
  return Object.fromEntries(submitReport.entities.map((e: any) => [e.ref, e.entity.id]));
}

beforeAll(async () => {
  ids = await submit({
    entities: [
      // Handset holders.
      person('h1', 'Alderic', 'Pennywhistle'),
      person('h2', 'Bathsheba', 'Crumlish'),
      person('h3', 'Corentin', 'Yardley-Fosse'),
      // whoIs: one man saved as "Zubbo" (two handsets), one as "Zubba" (three), one as "Mo", one as "Moe".
      person('zubbo', 'Tobias', 'Wrenfield'),
      person('zubba', 'Casimir', 'Dunmoreton'),
      person('mo', 'Idris', 'Fallowmere'),
      person('moe', 'Lysander', 'Quarrington'),
      person('quibbet', 'Lucan', 'Brightwater'),
      ...[0, 1, 2, 3, 4].map((i) => ({ ref: `ph${i}`, kind: 'Phone', properties: { phoneNo: phone(i) } })),
      // Duplicates: dates that fit; dates that differ; dates that differ with a shared phone; names alone.
      person('fitA', 'Stephen', 'Marlowe', { dob: '1979-03-01' }),
      person('fitB', 'Steven', 'Marlow', { age: 31, ageOn: '2010-05-01' }),
      person('ffA', 'Stephen', 'Penhallow', { dob: '1979-03-01' }),
      person('ffB', 'Steven', 'Penhalow', { dob: '1991-07-02' }),
      person('phA', 'Stephen', 'Kettlewick', { dob: '1979-03-01' }),
      person('phB', 'Steven', 'Ketlewick', { dob: '1991-07-02' }),
      { ref: 'ph5', kind: 'Phone', properties: { phoneNo: phone(5) } },
      person('weakA', 'Stefan', 'Thistlewood'),
      person('weakB', 'Steven', 'Thistlewode'),
      person('heldDateA', 'Stefan', 'Brackenbury'),
      person('heldDateB', 'Steven', 'Brackenbery'),
      person('visibleOnly', 'Orrin', 'Halloway'),
    ],
    links: [
      has('HAS_PHONE', 'zubbo', 'ph0'),
      has('HAS_CONTACT', 'h1', 'ph0', { savedAs: 'Zubbo' }),
      has('HAS_CONTACT', 'h2', 'ph0', { savedAs: 'Zubbo 2' }),
      has('HAS_PHONE', 'zubba', 'ph1'),
      has('HAS_CONTACT', 'h1', 'ph1', { savedAs: 'Zubba' }),
      has('HAS_CONTACT', 'h2', 'ph1', { savedAs: 'zubba new' }),
      has('HAS_CONTACT', 'h3', 'ph1', { savedAs: 'Zubba' }),
      has('HAS_PHONE', 'mo', 'ph2'),
      has('HAS_CONTACT', 'h3', 'ph2', { savedAs: 'Mo' }),
      has('HAS_PHONE', 'moe', 'ph3'),
      has('HAS_CONTACT', 'h2', 'ph3', { savedAs: 'Moe' }),
      has('HAS_PHONE', 'quibbet', 'ph4'),
      has('HAS_PHONE', 'phA', 'ph5'),
      has('HAS_PHONE', 'phB', 'ph5'),
    ],
  });
  // Held by another agency: a handset entry saved as "Quibbet", a person with a name alike to a
  // visible one, and dates of birth (that would fit) for a pair whose names are alike.
  const held = await submit({
    ...HELD,
    entities: [
      { ref: ids.h1!, kind: 'Person', properties: {} },
      { ref: ids.ph4!, kind: 'Phone', properties: {} },
      person('heldOnly', 'Orin', 'Haloway'),
      { ref: ids.heldDateA!, kind: 'Person', properties: { dob: '1984-06-06' } },
      { ref: ids.heldDateB!, kind: 'Person', properties: { dob: '1984-06-06' } },
    ],
    links: [has('HAS_CONTACT', ids.h1!, ids.ph4!, { savedAs: 'Quibbet' })],
  });
  ids.heldOnly = held.heldOnly!;
});

const finding = (list: any[], ref: string) => list.find((f) => f.entity.id === ids[ref]);

describe('whoIs finds a nickname however it is written', () => {
  it('ranks the exact entries first, then the sound-alikes with more sources, each saying how it matched', async () => {
    const { whoIs } = await gqlOk(WHO, { n: 'Zubbo' });
    const exact = finding(whoIs, 'zubbo');
    const sounds = finding(whoIs, 'zubba');
    expect(exact, JSON.stringify(whoIs)).toBeTruthy();
    expect(sounds, JSON.stringify(whoIs)).toBeTruthy();
    expect(exact.detail.match).toBe('exact');
    expect(sounds.detail.match).toBe('sounds');
    // More independent sources (three handsets and the report), yet below the exact match.
    expect(sounds.score).toBeGreaterThan(exact.score);
    expect(whoIs.indexOf(exact)).toBeLessThan(whoIs.indexOf(sounds));
    expect(whoIs.filter((f: any) => f.detail.match === 'exact').every((f: any) => whoIs.indexOf(f) < whoIs.indexOf(sounds))).toBe(true);
    // Score is still the independent sources.
    expect(exact.score).toBe(exact.detail.handsets + exact.detail.reports);
    expect(exact.detail.handsets).toBe(2);
    const entries = sounds.detail.numbers.flatMap((n: any) => n.handsets);
    expect(entries.map((h: any) => h.savedAs).sort()).toEqual(['Zubba', 'Zubba', 'zubba new']);
    for (const h of entries) expect(h).toMatchObject({ match: 'sounds', why: expect.stringMatching(/sounds like Zubbo/) });
  });

  it('finds a sound-alike the other way round: "Zubba" finds the "Zubbo" entries as sounding alike', async () => {
    const { whoIs } = await gqlOk(WHO, { n: 'Zubba' });
    expect(finding(whoIs, 'zubba').detail.match).toBe('exact');
    expect(finding(whoIs, 'zubbo').detail.match).toBe('sounds');
    expect(whoIs.indexOf(finding(whoIs, 'zubba'))).toBeLessThan(whoIs.indexOf(finding(whoIs, 'zubbo')));
  });

  it('finds short forms: "Mohammed" finds an entry saved as "Mo"; "Mo" finds "Moe"', async () => {
    const byName = (await gqlOk(WHO, { n: 'Mohammed' })).whoIs;
    const mo = finding(byName, 'mo');
    expect(mo, JSON.stringify(byName.map((f: any) => f.detail.why))).toBeTruthy();
    expect(mo.detail).toMatchObject({ match: 'nickname', why: 'saved as "Mo": Mo short form of Mohammed' });

    const short = (await gqlOk(WHO, { n: 'Mo' })).whoIs;
    expect(finding(short, 'mo').detail.match).toBe('exact');
    expect(finding(short, 'moe').detail.match).toBe('nickname');
    expect(short.indexOf(finding(short, 'mo'))).toBeLessThan(short.indexOf(finding(short, 'moe')));
  });

  it('is explained by no withheld value: an entry, or a savedAs, only a held report records finds nobody', async () => {
    for (const n of ['Quibbet', 'Quibet']) {
      const r = await gqlOk(WHO, { n });
      expect(finding(r.whoIs, 'quibbet'), n).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('Quibbet');
    }
    // A visible report now records the same handset entry, without a name: the entry is visible,
    // its savedAs is still only the held report's, so it still explains nothing.
    await submit({ entities: [], links: [has('HAS_CONTACT', ids.h1!, ids.ph4!)] });
    for (const n of ['Quibbet', 'Quibet']) {
      const r = await gqlOk(WHO, { n });
      expect(finding(r.whoIs, 'quibbet'), n).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('Quibbet');
    }
  });

  it('writes no alias and merges nobody', async () => {
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { properties } }', { id: ids.zubbo });
    expect(entity.properties.aliases ?? []).toEqual([]);
    expect(entity.properties.mergedFrom ?? []).toEqual([]);
  });
});

describe('duplicate candidates: names written differently, told apart by dates', () => {
  let list: any[];
  const pair = (x: string, y: string) => list.find((c) => [c.a.id, c.b.id].sort().join() === [ids[x], ids[y]].sort().join());
  beforeAll(async () => {
    list = (await gqlOk(DUPS)).duplicateCandidates;
  });

  it('"Stephen Marlowe" born 1979 and "Steven Marlow" aged 31 in 2010: a lead, with the names and the dates as evidence', () => {
    const c = pair('fitA', 'fitB');
    expect(c, 'the pair is listed').toBeTruthy();
    expect(c.strength).toBe('STRONG');
    expect(c.evidence).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^names alike: "(Stephen Marlowe" \/ "Steven Marlow|Steven Marlow" \/ "Stephen Marlowe)" \(.*(sounds like|another spelling of).*\)$/),
        'born 1979-03-01 fits age 31 in 2010',
      ]),
    );
    expect(c.score).toBe(2);
  });

  it('false friends stay apart: the same names with dates of birth that differ are not listed', () => {
    expect(pair('ffA', 'ffB')).toBeUndefined();
  });

  it('unless a shared phone ties them: then listed, the difference in dates said', () => {
    const c = pair('phA', 'phB');
    expect(c).toBeTruthy();
    expect(c.strength).toBe('STRONG');
    expect(c.evidence).toEqual(
      expect.arrayContaining([`both hold phone +4477009${String(base + 5).padStart(5, '0')}`, expect.stringMatching(/^dates differ: born (1979-03-01 \/ 1991-07-02|1991-07-02 \/ 1979-03-01)$/)]),
    );
    expect(c.score).toBe(2); // the phone and the names; a difference is no signal
  });

  it('alike names alone are a WEAK pair, listed after every strong one, saying why', () => {
    const c = pair('weakA', 'weakB');
    expect(c, `WEAK pairs listed: ${list.filter((x) => x.strength === 'WEAK').length}`).toBeTruthy();
    expect(c.strength).toBe('WEAK');
    expect(c.evidence).toEqual([expect.stringMatching(/^names alike: /), 'names only sound alike, no dates or other record to compare: check before merging']);
    expect(c.score).toBe(1);
    const firstWeak = list.findIndex((x) => x.strength === 'WEAK');
    expect(list.slice(firstWeak).every((x) => x.strength === 'WEAK')).toBe(true);
  });

  it('withheld evidence explains nothing: dates only a held report records do not make a lead, a held person is paired with no one', () => {
    const c = pair('heldDateA', 'heldDateB');
    expect(c, 'still listed as names alone').toBeTruthy();
    expect(c.strength).toBe('WEAK');
    expect(JSON.stringify(c)).not.toContain('1984');
    expect(list.some((x) => x.a.id === ids.heldOnly || x.b.id === ids.heldOnly)).toBe(false);
    expect(JSON.stringify(list)).not.toContain('Haloway');
  });
});
