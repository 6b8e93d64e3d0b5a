import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { fixture } from '../support/fixture.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const SEARCH = `query ($text: String!, $kinds: [String!], $limit: Int) {
  search(text: $text, kinds: $kinds, limit: $limit) { score entity { id kind label } }
}`;
const ids = async (text: string, kinds?: string[]) =>
  (await gqlOk<{ search: { entity: { id: string } }[] }>(SEARCH, { text, kinds })).search.map((h) => h.entity.id);
const top = async (text: string, kinds?: string[]) => (await ids(text, kinds))[0];

beforeAll(async () => {
  const db = testDatabase();
  await loadDataset(db, fixture);
  await db.write('CALL db.awaitIndexes(60)');
  await db.close();
});

describe('search', () => {
  it.each(['07700 900987', '07700900987', '+44 7700 900987', '+447700900987', '(07700) 900-987', '0044 7700 900 987'])(
    'finds a phone number typed as %s',
    async (typed) => expect(await top(typed)).toBe('fx-ph1'),
  );

  it('finds a phone number by its last digits', async () => {
    expect(await ids('960987')).toContain('fx-ph2');
  });

  it.each(['ZZ09QMX', 'ZZ09 QMX', 'zz09 qmx'])('finds a registration typed as %s', async (typed) => {
    expect(await top(typed)).toBe('fx-v1');
  });

  it('finds a person by name, with a typo, and by alias', async () => {
    expect(await top('Quentin Marchbanks')).toBe('fx-p1');
    expect(await top('Quentin Marchbank')).toBe('fx-p1');
    expect(await top('Qentin Marhcbanks')).toBe('fx-p1');
    expect(await top('Quinny')).toBe('fx-p1');
    expect(await top('Fenwrigth')).toBe('fx-p2');
  });

  it('finds an address and a postcode with or without its space', async () => {
    expect(await top('17 Tannery Row')).toBe('fx-l1');
    expect(await top('QX9 4ZZ')).toBe('fx-l1');
    expect(await top('QX94ZZ')).toBe('fx-l1');
  });

  it('restricts to the kinds asked for', async () => {
    const hits = await gqlOk<{ search: { entity: { kind: string } }[] }>(SEARCH, { text: 'Marchbanks', kinds: ['Vehicle'] });
    expect(hits.search).toEqual([]);
  });

  it('treats Lucene and Cypher syntax as plain text', async () => {
    for (const text of ['name:"x" OR *', "') RETURN 1 //", '\\', 'AND OR NOT', '~~~', '[a TO z]']) {
      const r = await gql(SEARCH, { text });
      expect(r.errors, text).toBeUndefined();
    }
  });

  it('explains bad input', async () => {
    const empty = await gql(SEARCH, { text: '   ' });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toMatch(/type a name/);
    const kind = await gql(SEARCH, { text: 'x', kinds: ['Spaceship'] });
    expect(kind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(kind.errors?.[0].message).toMatch(/unknown kind "Spaceship"/);
  });
});
