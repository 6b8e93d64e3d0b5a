/**
 * Name search may not become an oracle for what the caller may not see (issue 19, found by a
 * black-box attack): licensing must not learn a child's date of birth or first name from how an
 * explanation comes back, nor count hidden people from how many hits a small limit returns.
 * The explanation names typed words by place and says only what is recorded and visible, so
 * nothing typed comes back blanked; hidden hits never spend the limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, testDatabase } from '../support/client.js';
import type { Role } from '../support/client.js';

const SEARCH = `query ($text: String!, $limit: Int) {
  search(text: $text, limit: $limit) {
    score entity { id kind label }
    matched { field how value words { at matched how field } dates datesNote why }
  }
}`;
interface Hit {
  score: number;
  entity: { id: string; kind: string; label: string };
  matched: { how: string; words: { at: number; matched: string; how: string }[]; dates: string | null; datesNote: string | null; why: string } | null;
}
const search = async (text: string, limit = 20, as: Role = 'licensing') => (await gqlOk<{ search: Hit[] }>(SEARCH, { text, limit }, as)).search;

let child: { first: string; surname: string; dob: string };
let adult: { id: string; first: string };

beforeAll(async () => {
  // A child of the demo whose surname an adult shares: the adult is what licensing may find.
  const [row] = await testDatabase().read(
    `MATCH (c:Person {child: true}) WHERE c.dob IS NOT NULL AND c.name IS NOT NULL
     MATCH (a:Person) WHERE a.surname = c.surname AND coalesce(a.child, false) = false AND a.name IS NOT NULL
     RETURN c.name AS first, c.surname AS surname, c.dob AS dob, a.id AS adultId, a.name AS adultFirst
     ORDER BY c.id LIMIT 1`,
  );
  expect(row, 'the demo has a child whose surname an adult shares').toBeTruthy();
  child = { first: String(row!.first), surname: String(row!.surname), dob: String(row!.dob) };
  adult = { id: String(row!.adultId), first: String(row!.adultFirst) };
});

const adultHit = (hits: Hit[]) => hits.find((h) => h.entity.id === adult.id);

describe('name search is no oracle for licensing', () => {
  it("a child's date of birth typed with a surname comes back as any other date does", async () => {
    const withChildDob = adultHit(await search(`${child.surname} born ${child.dob}`));
    const withOtherDob = adultHit(await search(`${child.surname} born 1931-02-03`));
    expect(withChildDob, 'the adult is found').toBeTruthy();
    expect(withChildDob!.matched).toEqual(withOtherDob!.matched);
    expect(withChildDob!.score).toBe(withOtherDob!.score);
    expect(JSON.stringify(withChildDob)).not.toContain('[withheld]');
    expect(JSON.stringify(withChildDob)).not.toContain(child.dob);
  });

  it("a child's first name typed as a middle name comes back as any other word does", async () => {
    const withChild = adultHit(await search(`${adult.first} ${child.first} ${child.surname}`));
    const withOther = adultHit(await search(`${adult.first} Zebediah ${child.surname}`));
    expect(withChild, 'the adult is found with a middle name it lacks').toBeTruthy();
    expect(withChild!.matched).toEqual(withOther!.matched);
    expect(withChild!.matched!.why).toContain('a middle name not recorded');
    expect(JSON.stringify(withChild)).not.toContain('[withheld]');
    expect(JSON.stringify(withChild)).not.toContain(child.first);
  });

  it('hidden people never spend the limit: every limit returns as many hits as the caller may see', async () => {
    const all = await search(child.surname, 50);
    expect(all.some((h) => h.entity.id === adult.id)).toBe(true);
    for (const limit of [1, 2, 3]) {
      const some = await search(child.surname, limit);
      expect(some.length, `limit ${limit}`).toBe(Math.min(limit, all.length));
      expect(some.map((h) => h.entity.id)).toEqual(all.slice(0, limit).map((h) => h.entity.id));
    }
  });
});
