/**
 * More of the access rules as pure functions, beside test/unit/viewer.test.ts: what each role's
 * scope protects, victims' phones and protected places as descriptors, merged records, withheld
 * reports and what they mention, and the guard's second line (`outgoing`, server/access/guard.ts)
 * over the parts of an answer that are not entities. Property-based where a rule holds for any
 * invented name or id. No database.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromProjected } from '../../server/access/current.js';
import { outgoing } from '../../server/access/guard.js';
import type { ProtectionIndex } from '../../server/access/protection.js';
import { scopeFor, Viewer } from '../../server/access/viewer.js';
import type { PlainNode, PlainRel } from '../../server/db/database.js';
import type { User } from '../../server/modules/auth/users.js';

const index: ProtectionIndex = {
  children: new Map([
    ['per-c1', { id: 'per-c1', name: 'Cody', surname: 'Grindlow', pseudonym: 'YP04', aliases: ['Codes'], age: 14, dob: '1996-03-02', sex: 'female', lookedAfter: true, mergedIds: ['per-c1-old'] }],
    ['per-c2', { id: 'per-c2', name: 'Orla', surname: 'Ingleby', pseudonym: 'YP17', aliases: [], age: null, dob: null, sex: 'male', lookedAfter: false, mergedIds: [] }],
  ]),
  victimPhones: new Map([
    ['ph-c1', { phoneNo: '+447700900417', raw: '07700 900417', childId: 'per-c1' }],
    ['ph-v9', { phoneNo: '+447700900985', raw: '07700 900985', childId: null }],
  ]),
  places: new Map([['loc-r', { address: '14 Larkspur Mews', postcode: 'ZZ9 4QT', name: 'Ashdene House' }]]),
  concerns: new Map(),
  conditional: new Map([['rep-csc', { id: 'rep-csc', ownerAgency: "Children's Social Care", receivedOn: '2010-05-01', sharedWith: [] }]]),
};
const KEY = new Uint8Array(32).fill(3);
const user = (username: string, role: User['role'], agency: string): User => ({ username, role, agency });
const analyst = user('ann', 'analyst', 'Police');
const licensing = user('lee', 'licensing', 'Licensing');
const safeguarding = user('sam', 'safeguarding', "Children's Social Care");
const viewer = (u: User | null, inView: string[] | null = null, idx: ProtectionIndex = index) => new Viewer(u, idx, KEY, scopeFor(u, inView));
const node = (id: string, labels: string[], props: Record<string, unknown>): PlainNode => ({ elementId: id, labels: ['Entity', ...labels], props: { id, ...props } });
const rel = (type: string, props: Record<string, unknown>): PlainRel => ({ elementId: 'r1', type, startElementId: 'a', endElementId: 'b', props });

describe('scopes', () => {
  it('protects children, victims’ phones and places from licensing, every child but those in view from safeguarding, nothing from analysts and admin', () => {
    expect(scopeFor(licensing, null)).toEqual({ childrenExcept: new Set(), phonesAndPlaces: true });
    expect(scopeFor(safeguarding, ['per-c1'])).toEqual({ childrenExcept: new Set(['per-c1']), phonesAndPlaces: false });
    expect(scopeFor(safeguarding, null)).toEqual({ childrenExcept: new Set(), phonesAndPlaces: false });
    for (const u of [analyst, user('ada', 'admin', 'Police'), null]) expect(scopeFor(u, ['per-c1'])).toEqual({ childrenExcept: null, phonesAndPlaces: false });
  });

  it("hides from safeguarding the other children and their phones, but not another victim's phone or a place", () => {
    expect(new Set(viewer(safeguarding, ['per-c2']).hiddenIds())).toEqual(new Set(['per-c1', 'per-c1-old', 'ph-c1']));
    expect(new Set(viewer(safeguarding, ['per-c1']).hiddenIds())).toEqual(new Set(['per-c2']));
    // A child is in view under a merged-away id too.
    expect(viewer(safeguarding, ['per-c1-old']).hiddenIds()).toEqual(['per-c2']);
  });
});

describe("a protected child's family and home", () => {
  it('leaves her family and address links out for whoever she is protected from, and says which links queries must not walk', () => {
    const lic = viewer(licensing);
    expect(lic.hidesLink('FAMILY_REL', 'per-p1', 'per-c1')).toBe(true);
    expect(lic.hidesLink('FAMILY_REL', 'per-c2', 'per-p1')).toBe(true);
    expect(lic.hidesLink('CURRENT_ADDRESS', 'per-c1', 'loc-h1')).toBe(true);
    // A merged-away id is the same child.
    expect(lic.hidesLink('FAMILY_REL', 'per-p1', 'per-c1-old')).toBe(true);
    expect(new Set(lic.privateLinksOf())).toEqual(new Set(['per-c1', 'per-c1-old', 'per-c2']));
    // Adults' family and homes, and her other links, are as before.
    expect(lic.hidesLink('FAMILY_REL', 'per-p1', 'per-p2')).toBe(false);
    expect(lic.hidesLink('CURRENT_ADDRESS', 'per-p1', 'loc-h1')).toBe(false);
    expect(lic.hidesLink('VICTIM_OF', 'per-c1', 'inc-1')).toBe(false);
    // Her own strategy meeting sees her family and home; another child's stays out.
    const meeting = viewer(safeguarding, ['per-c1']);
    expect(meeting.hidesLink('FAMILY_REL', 'per-p1', 'per-c1')).toBe(false);
    expect(meeting.hidesLink('CURRENT_ADDRESS', 'per-c1', 'loc-h1')).toBe(false);
    expect(meeting.hidesLink('FAMILY_REL', 'per-c1', 'per-c2')).toBe(true);
    expect(meeting.privateLinksOf()).toEqual(['per-c2']);
    expect(viewer(analyst).hidesLink('FAMILY_REL', 'per-p1', 'per-c1')).toBe(false);
    expect(viewer(analyst).privateLinksOf()).toEqual([]);
  });
});

describe('descriptors', () => {
  it("shows licensing a child's phone, another victim's phone and a protected place as descriptors under opaque ids", () => {
    const v = viewer(licensing);
    const phone = v.entity(node('ph-c1', ['Phone'], { phoneNo: '+447700900417', raw: '07700 900417' }));
    expect(phone).toMatchObject({ kind: 'Phone', label: "a child's phone (withheld)", properties: { withheld: true, doNotContact: true } });
    expect(phone.id).toMatch(/^phone-/);
    expect(v.entity(node('ph-v9', ['Phone'], { phoneNo: '+447700900985' })).label).toBe("a victim's phone (withheld)");
    const place = v.entity(node('loc-r', ['Location'], { address: '14 Larkspur Mews', postcode: 'ZZ9 4QT', kind: 'residential_unit' }));
    expect(place).toMatchObject({ kind: 'Location', label: 'protected address (withheld)', properties: { restricted: true, kind: 'residential_unit' } });
    expect(place.id).toMatch(/^place-/);
    expect(JSON.stringify([phone, place])).not.toMatch(/900417|Larkspur|ZZ9|ph-c1|loc-r/);
    // The audit records what was shown by its real id.
    expect(v.storedId(phone.id)).toBe('ph-c1');
    expect(v.storedId(place.id)).toBe('loc-r');
    expect(v.storedId('per-s1')).toBe('per-s1');
  });

  it('describes a restricted place or a child the index does not know yet (just written), from the record itself', () => {
    const v = viewer(licensing);
    expect(v.entity(node('loc-new', ['Location'], { address: '2 Quarry Lane', restricted: true, kind: 'home' }))).toMatchObject({ label: 'protected address (withheld)' });
    expect(v.entity(node('per-new', ['Person'], { name: 'Tia', child: true, age: 12, sex: 'F' }))).toMatchObject({ label: 'girl, 12', properties: { descriptor: 'girl, 12', child: true } });
    expect(v.entity(node('per-c2', ['Person'], { name: 'Orla', child: true })).label).toBe('boy');
    // For an analyst both are as stored.
    expect(viewer(analyst).entity(node('loc-new', ['Location'], { address: '2 Quarry Lane', restricted: true })).properties.address).toBe('2 Quarry Lane');
  });

  it('leaves protected ids out of a merged record’s history', () => {
    const merged = node('per-s5', ['Person'], { name: 'Dale', surname: 'Pruett', mergedFrom: ['per-s6', 'per-c1-old'] });
    expect(viewer(licensing).entity(merged).properties.mergedFrom).toEqual(['per-s6']);
    expect(viewer(analyst).entity(merged).properties.mergedFrom).toEqual(['per-s6', 'per-c1-old']);
  });

  it('never puts a protected child’s name, pseudonym, alias or id into what licensing is given, and keeps its id stable per user (property-based)', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
    fc.assert(
      fc.property(word, word, fc.stringMatching(/^[a-z0-9]{6,10}$/), fc.integer({ min: 1, max: 17 }), fc.constantFrom('female', 'male', null), (first, last, idPart, age, sex) => {
        const id = `per-${idPart}`;
        const idx: ProtectionIndex = { ...index, children: new Map([[id, { id, name: first, surname: last, pseudonym: 'YP99', aliases: [`${first}y`], age, dob: null, sex, lookedAfter: false, mergedIds: [] }]]) };
        const stored = node(id, ['Person'], { name: first, surname: last, pseudonym: 'YP99', aliases: [`${first}y`], child: true, age, sex });
        const seen = viewer(licensing, null, idx).entity(stored);
        const text = JSON.stringify(seen);
        for (const secret of [first, last, 'YP99', id]) expect(text).not.toContain(secret);
        expect(seen.id).toBe(viewer(licensing, null, idx).entity(stored).id);
        expect(seen.id).not.toBe(viewer(user('lou', 'licensing', 'Licensing'), null, idx).entity(stored).id);
        // A link to it is opaque and carries no free text.
        const link = viewer(licensing, null, idx).link(rel('KNOWS', { id: `KNOWS:per-s1:${id}`, note: `met ${first}`, from: '2009-01-01' }), 'per-s1', id);
        expect(JSON.stringify(link)).not.toMatch(new RegExp(`${first}|${id}`));
        expect(link.properties).toEqual({ from: '2009-01-01' });
      }),
      { seed: 20261202, numRuns: 60 },
    );
  });
});

describe('withheld reports', () => {
  const report = node('rep-csc', ['Report'], { ref: 'CSC/10/001', handling: 'C', ownerAgency: "Children's Social Care", summary: 'Disclosure about a named adult', receivedOn: '2010-05-01' });

  it('shows another agency a withheld report as held, with its owner and date only', () => {
    const seen = viewer(analyst).entity(report);
    expect(seen).toMatchObject({ id: 'rep-csc', kind: 'Report', label: "1 item held by Children's Social Care, 2010-05-01", properties: { withheld: true, handling: 'C' } });
    expect(JSON.stringify(seen)).not.toMatch(/Disclosure|CSC\/10/);
    expect(viewer(safeguarding).entity(report).properties.summary).toBe('Disclosure about a named adult');
  });

  it('holds what a withheld report mentions, and drops withheld reports from a visible link’s sources', () => {
    const mention = viewer(analyst).link(rel('MENTIONS', { id: 'MENTIONS:rep-csc:per-s1' }), 'rep-csc', 'per-s1');
    expect(mention).toMatchObject({ type: 'HELD', properties: { withheld: true, label: "1 item held by Children's Social Care, 2010-05-01" } });
    expect(mention.id).toMatch(/^link-/);
    const link = viewer(analyst).link(rel('KNOWS', { id: 'KNOWS:per-s1:per-s2', sources: ['rep-pol', 'rep-csc'] }), 'per-s1', 'per-s2');
    expect(link).toMatchObject({ id: 'KNOWS:per-s1:per-s2', type: 'KNOWS', sources: ['rep-pol'], properties: { sources: ['rep-pol'] } });
  });
});

describe('the second line (guard outgoing)', () => {
  it('gives protected ids in details as the user’s opaque ids, scrubs free text, and records the ids shown', () => {
    const v = viewer(licensing);
    const seen = new Set<string>();
    const answer = { score: 3, detail: { childIds: ['per-c1'], persons: ['per-s1'], note: 'Cody Grindlow was seen with him at 14 Larkspur Mews', count: 2 } };
    const out = outgoing(answer, v, seen) as typeof answer;
    expect(out.detail.childIds[0]).toMatch(/^child-/);
    expect(v.storedId(out.detail.childIds[0]!)).toBe('per-c1');
    expect(out.detail.note).not.toMatch(/Cody|Grindlow|Larkspur/);
    expect(out.detail.persons).toEqual(['per-s1']);
    expect(out.score).toBe(3);
    // The ids the audit records as shown, by their real ids.
    expect(seen).toEqual(new Set(['per-c1', 'per-s1']));
    // Copy on write: the resolver's own value is unchanged.
    expect(answer.detail.childIds).toEqual(['per-c1']);
  });

  it('leaves entities, links and parts built from projected entities as the viewer made them', () => {
    const v = viewer(licensing);
    const entity = { id: 'per-s1', kind: 'Person', labels: ['Person'], label: 'Cody Grindlow', properties: {} };
    const link = { id: 'l1', type: 'KNOWS', source: 'per-s1', target: 'per-s2', properties: { note: 'Cody' } };
    const context = fromProjected({ address: '14 Larkspur Mews' });
    const out = outgoing({ entity, link, context }, v, new Set()) as Record<string, unknown>;
    expect(out.entity).toBe(entity);
    expect(out.link).toBe(link);
    expect(out.context).toBe(context);
  });

  it('returns an answer with nothing to hide as the very same value (property-based over JSON-like answers)', () => {
    const v = viewer(analyst);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (answer) => {
        expect(outgoing(answer, v, new Set())).toBe(answer);
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });
});
