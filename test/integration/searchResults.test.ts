/**
 * Search results that answer "which one?" (issue 16): each hit says what matched and carries the
 * facts that tell it from others of the same name — and those facts pass the access rules
 * (DESIGN.md §6): a licensing user never learns a child's name, date of birth or phone through
 * the context of an adult who shares the child's home, and facts only withheld reports support
 * are left out for everyone outside the owning agency.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from '../support/client.js';
import type { Role } from '../support/client.js';

const SEARCH = `query ($text: String!, $kinds: [String!], $limit: Int) {
  search(text: $text, kinds: $kinds, limit: $limit) {
    matched { field how value }
    context { born age aliases addresses phones vehicles people details }
    entity { id kind label }
  }
}`;
interface Hit {
  matched: { field: string; how: string; value: string | null } | null;
  context: { born: string | null; age: number | null; aliases: string[]; addresses: string[]; phones: string[]; vehicles: string[]; people: string[]; details: string[] };
  entity: { id: string; kind: string; label: string };
}
const search = async (text: string, as: Role = 'analyst', kinds?: string[]) => (await gqlOk<{ search: Hit[] }>(SEARCH, { text, kinds, limit: 30 }, as)).search;

describe('search results on the demo data', () => {
  it('tell apart persons of one surname by date of birth, address, phones and vehicles', async () => {
    const hits = await search('Lumbridge', 'analyst', ['Person']);
    expect(hits.length).toBeGreaterThanOrEqual(5);
    for (const h of hits) {
      expect(h.entity.label).toMatch(/Lumbridge$/);
      expect(h.matched).toMatchObject({ field: 'name', how: 'exact' });
      expect(h.context.born ?? h.context.age, h.entity.label).not.toBeNull();
    }
    // Every row reads differently: what an analyst needs to pick the right one.
    const rows = hits.map((h) => JSON.stringify([h.entity.label, h.context]));
    expect(new Set(rows).size).toBe(hits.length);
    expect(new Set(hits.map((h) => h.context.born)).size).toBe(hits.length);
    expect(hits.some((h) => h.context.addresses.length && h.context.phones.length)).toBe(true);
  });

  it('says which field matched and how: alias by prefix, name with a typo, registration, phone, postcode', async () => {
    const [alias] = await search('Kershaw Hil');
    expect(alias!.entity.id).toBe('per-s001');
    expect(alias!.matched).toEqual({ field: 'alias', how: 'prefix', value: 'D. Kershaw-Hill' });
    expect(alias!.context).toMatchObject({ born: '1979-08-23', aliases: ['Daz', 'D. Kershaw-Hill'] });
    expect(alias!.context.vehicles).toContain('ZZ58JWV (Silver Toyota Prius)');
    expect(alias!.context.addresses[0]).toMatch(/Loom Street/);

    const typo = await search('Lumbrige', 'analyst', ['Person']);
    expect(typo.length).toBeGreaterThan(0);
    // A name misspelt the way it sounds is said to sound alike (issue 19), above a keyboard typo.
    expect(typo.every((h) => h.matched?.how === 'sounds')).toBe(true);

    const [reg] = await search('zz58 jwv');
    expect(reg!.matched).toEqual({ field: 'registration', how: 'exact', value: null });
    expect(reg!.context.details).toEqual(['Silver Toyota Prius 2008']);
    // The keeper and usual driver first (one entry, both roles), before those only seen in it.
    expect(reg!.context.people[0]).toBe('Darren Kershaw (keeper, usual driver)');

    const phone = alias!.context.phones[0]!;
    const [byPhone] = await search(phone.replace('+44', '0'));
    expect(byPhone!.entity.label).toBe(phone);
    expect(byPhone!.matched).toMatchObject({ field: 'phone', how: 'exact' });
    expect(byPhone!.context.people).toContain('Darren Kershaw');

    const postcode = await search('S66 1PI', 'analyst', ['Location']);
    expect(postcode.length).toBeGreaterThan(1);
    expect(postcode.every((h) => h.matched?.field === 'postcode' && h.context.details.includes('home'))).toBe(true);
  });

  it('for licensing, an adult living with children shows none of them: not as hits, not in any context', async () => {
    // The Ingleby household: a mother at 110 Brewery Yard; five children of that surname, one at the same address.
    const analyst = await search('Ingleby', 'analyst', ['Person']);
    const children = analyst.filter((h) => h.entity.label !== 'Sandra Ingleby');
    expect(children.length).toBeGreaterThanOrEqual(4);
    const home = await search('110 Brewery Yard', 'analyst', ['Location']);
    expect(home[0]!.context.people).toEqual(expect.arrayContaining(['Sandra Ingleby', 'Holly Ingleby']));

    const licensing = [...(await search('Ingleby', 'licensing')), ...(await search('110 Brewery Yard', 'licensing')), ...(await search('S66 1PI', 'licensing'))];
    expect(licensing.map((h) => h.entity.label)).toContain('Sandra Ingleby');
    const json = JSON.stringify(licensing);
    for (const c of children) {
      expect(json).not.toContain(c.entity.label.split(' ')[0]);
      expect(json).not.toContain(c.entity.id);
      if (c.context.born) expect(json).not.toContain(c.context.born);
      for (const p of c.context.phones) expect(json.replace(/\D/g, '')).not.toContain(p.replace(/\D/g, '').slice(-10));
    }
  });
});

describe('search context and the free-text scrub', () => {
  it('shows licensing a visible address in full, as the place itself reads, even on a protected home\'s street', async () => {
    // Darren Kershaw lives on the street of a protected children's home: blanking the street and
    // postcode in his context (and nowhere else) would point at the home instead of hiding it.
    const hits = await search('Darren Kershaw', 'licensing', ['Person']);
    expect(hits.length).toBeGreaterThan(0);
    const addresses = hits.flatMap((h) => h.context.addresses);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => a.includes('[withheld]'))).toEqual([]);
    const places = await search(addresses[0]!.replace(/ \(until .*\)$/, ''), 'licensing', ['Location']);
    expect(places.map((p) => p.entity.label)).toContain(addresses[0]!.replace(/ \(until .*\)$/, ''));
  });
});

describe('search context and the access rules, on records this file writes', () => {
  const tag = randomBytes(3).toString('hex');
  const SURNAME = `Osierwick${tag}`;
  const HOME = `3 Osier Row ${tag}`;
  const REG = `ZZ09${tag.slice(0, 3).toUpperCase()}`;
  const CHILD = { name: 'Philippa', surname: SURNAME, pseudonym: `YO${tag}`, dob: '2001-02-03' };
  let ids: Record<string, string> = {};

  const SUBMIT = `mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } entities { ref entity { id } } } }`;
  const report = (extra: Record<string, unknown>) => ({ receivedOn: '2010-05-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: `Search context fixture ${tag}`, entities: [], links: [], ...extra });

  beforeAll(async () => {
    const { submitReport } = await gqlOk(SUBMIT, {
      input: report({
        entities: [
          { ref: 'adult', kind: 'Person', properties: { name: 'Bartholomew', surname: SURNAME, dob: '1970-01-02', aliases: [`Barty ${SURNAME}`] } },
          { ref: 'adultPhone', kind: 'Phone', properties: { phoneNo: '07700 900611' } },
          { ref: 'child', kind: 'Person', properties: { ...CHILD, child: true, sex: 'female' } },
          { ref: 'childPhone', kind: 'Phone', properties: { phoneNo: '07700 900612' } },
          { ref: 'home', kind: 'Location', properties: { address: HOME, postcode: 'ZZ9 7QX', kind: 'home' } },
          { ref: 'car', kind: 'Vehicle', properties: { reg: REG, make: 'Skoda', model: 'Octavia', colour: 'Grey' } },
        ],
        links: [
          { type: 'HAS_PHONE', from: 'adult', to: 'adultPhone' },
          { type: 'HAS_PHONE', from: 'child', to: 'childPhone' },
          { type: 'CURRENT_ADDRESS', from: 'adult', to: 'home', properties: { role: 'home' } },
          { type: 'CURRENT_ADDRESS', from: 'child', to: 'home', properties: { role: 'family_home' } },
          { type: 'USES_VEHICLE', from: 'adult', to: 'car', properties: { role: 'keeper' } },
          { type: 'USES_VEHICLE', from: 'child', to: 'car', properties: { role: 'seen_in' } },
          { type: 'KNOWS_LW', from: 'adult', to: 'child' },
        ],
      }),
    });
    ids = Object.fromEntries(submitReport.entities.map((e: any) => [e.ref, e.entity.id]));
    // A partner agency's report, handled under conditions and not shared: a second phone and car for the adult.
    await gqlOk(SUBMIT, {
      input: report({
        ownerAgency: "Children's Social Care",
        handling: 'C',
        conditions: 'Not beyond social care without consent',
        entities: [
          { ref: ids.adult, kind: 'Person', properties: {} },
          { ref: 'heldPhone', kind: 'Phone', properties: { phoneNo: '07700 900613' } },
          { ref: 'heldCar', kind: 'Vehicle', properties: { reg: `ZZ08${tag.slice(3).toUpperCase()}H`, make: 'Heldmake' } },
        ],
        links: [
          { type: 'HAS_PHONE', from: ids.adult, to: 'heldPhone' },
          { type: 'USES_VEHICLE', from: ids.adult, to: 'heldCar', properties: { role: 'keeper' } },
        ],
      }),
    });
  });

  /** Anything of the child, or of the withheld report, in an answer. */
  const leaks = (hits: Hit[], childToo: boolean) => {
    const json = JSON.stringify(hits);
    const digits = json.replace(/\D/g, '');
    const found: string[] = [];
    if (childToo) {
      for (const s of [CHILD.name, CHILD.pseudonym, CHILD.dob, ids.child, ids.childPhone]) if (json.includes(s!)) found.push(s!);
      if (digits.includes('7700900612')) found.push('child phone');
    }
    if (json.includes('Heldmake') || digits.includes('7700900613')) found.push('withheld report');
    return found;
  };

  it('shows an analyst the adult and the child apart, and never what only a withheld report says', async () => {
    const hits = await search(SURNAME);
    const adult = hits.find((h) => h.entity.id === ids.adult)!;
    const child = hits.find((h) => h.entity.id === ids.child)!;
    expect(adult.context).toMatchObject({ born: '1970-01-02', aliases: [`Barty ${SURNAME}`], addresses: [`${HOME} ZZ9 7QX`], phones: ['+447700900611'], vehicles: [`${REG} (Grey Skoda Octavia)`] });
    expect(child.context).toMatchObject({ born: CHILD.dob, phones: ['+447700900612'] });
    // Controls: the analyst sees the child (the detection below is not blind) ...
    expect(leaks(hits, true)).toEqual([CHILD.name, CHILD.dob, ids.child, 'child phone']);
    // ... but not the partner's facts, which the analyst's agency was not given.
    expect(leaks(hits, false)).toEqual([]);
    const car = await search(REG);
    expect(car[0]!.context.people).toEqual(expect.arrayContaining([`Bartholomew ${SURNAME} (keeper)`, `Philippa ${SURNAME} (seen in)`]));
  });

  it('shows licensing the adult with home, phone and car, and nothing of the child anywhere', async () => {
    const byName = await search(SURNAME, 'licensing');
    expect(byName.map((h) => h.entity.id)).toEqual([ids.adult]);
    expect(byName[0]!.context).toMatchObject({ born: '1970-01-02', phones: ['+447700900611'], vehicles: [`${REG} (Grey Skoda Octavia)`] });
    expect(byName[0]!.context.addresses).toHaveLength(1);
    const others = [...(await search(HOME, 'licensing')), ...(await search(REG, 'licensing')), ...(await search('07700 900612', 'licensing')), ...(await search('07700 900611', 'licensing')), ...(await search(CHILD.pseudonym, 'licensing'))];
    expect(leaks([...byName, ...others], true)).toEqual([]);
    const home = others.find((h) => h.entity.kind === 'Location')!;
    expect(home.context.people).toEqual([`Bartholomew ${SURNAME}`]);
    const car = others.find((h) => h.entity.kind === 'Vehicle')!;
    expect(car.context.people).toEqual([`Bartholomew ${SURNAME} (keeper)`]);
  });
  it('never confirms a guessed alias that only a withheld report records, and scores only what the caller sees', async () => {
    const secretAlias = `Zephrinq${tag}`;
    // The partner's withheld report gives the adult an alias the analyst's agency was not given.
    await gqlOk(SUBMIT, {
      input: report({
        ownerAgency: "Children's Social Care",
        handling: 'C',
        conditions: 'Not beyond social care without consent',
        entities: [{ ref: ids.adult, kind: 'Person', properties: { aliases: [`Barty ${SURNAME}`, secretAlias] } }],
      }),
    });
    for (const role of ['analyst', 'licensing'] as const) {
      // The name alone finds him; the name with the hidden alias (or a typo of it) must not.
      expect((await search(`Bartholomew ${SURNAME}`, role)).map((h) => h.entity.id)).toContain(ids.adult);
      expect(await search(`Bartholomew ${secretAlias}`, role)).toEqual([]);
      expect(await search(`Bartholomew ${secretAlias.slice(0, -1)}x`, role)).toEqual([]);
    }
    // Scores come from how the visible fields matched, not from the index's statistics (which count
    // hidden records too): the same exact surname scores the same however many others share it.
    const scores = (await gqlOk<{ search: { score: number }[] }>('query ($t: String!) { search(text: $t) { score } }', { t: SURNAME }, 'licensing')).search.map((h) => h.score);
    expect(scores).toEqual([40]);
  });
});
