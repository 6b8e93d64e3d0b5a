/**
 * The access rules as pure functions (server/access/viewer.ts): one index of protected subjects and
 * conditional reports, several users, and what each of them is given for the same stored records.
 * No database: the integration and leak tests check the same rules through HTTP.
 */
import { describe, expect, it } from 'vitest';
import { scopeFor, Viewer } from '../../server/access/viewer.js';
import type { ProtectionIndex } from '../../server/access/protection.js';
import type { PlainNode, PlainRel } from '../../server/db/database.js';
import type { User } from '../../server/modules/auth/users.js';

const index: ProtectionIndex = {
  children: new Map([
    ['per-c1', { id: 'per-c1', name: 'Cody', surname: 'Grindlow', pseudonym: 'YP04', aliases: [], age: 14, dob: null, sex: 'female', lookedAfter: true, mergedIds: [] }],
    ['per-c2', { id: 'per-c2', name: 'Orla', surname: 'Ingleby', pseudonym: 'YP17', aliases: [], age: 15, dob: null, sex: 'female', lookedAfter: false, mergedIds: [] }],
  ]),
  victimPhones: new Map([['ph-c1', { phoneNo: '+447700900417', raw: '07700 900417', childId: 'per-c1' }]]),
  places: new Map([['loc-r', { address: '14 Larkspur Mews', postcode: 'ZZ9 4QT', name: 'Ashdene House' }]]),
  concerns: new Map([['inc-1', new Set(['per-c1'])]]),
  conditional: new Map([
    ['rep-csc', { id: 'rep-csc', ownerAgency: "Children's Social Care", receivedOn: '2010-05-01', sharedWith: [] }],
    ['rep-pol', { id: 'rep-pol', ownerAgency: 'Police', receivedOn: '2010-06-01', sharedWith: ['Licensing'] }],
  ]),
};
const KEY = new Uint8Array(32).fill(7);
const user = (username: string, role: User['role'], agency: string): User => ({ username, role, agency });
const viewer = (u: User, inView: string[] | null = null) => new Viewer(u, index, KEY, scopeFor(u, inView));
const node = (id: string, labels: string[], props: Record<string, unknown>): PlainNode => ({ elementId: id, labels: ['Entity', ...labels], props: { id, ...props } });
const rel = (type: string, props: Record<string, unknown>): PlainRel => ({ elementId: 'r', type, startElementId: 'a', endElementId: 'b', props });

const child = node('per-c1', ['Person'], { name: 'Cody', surname: 'Grindlow', pseudonym: 'YP04', child: true, age: 14, sex: 'female', lookedAfter: true });
const incident = node('inc-1', ['Incident'], { kind: 'concern', summary: 'Cody seen at Ashdene House', sources: ['rep-pol'] });

const analyst = user('ann', 'analyst', 'Police');
const licensing = user('lee', 'licensing', 'Licensing');
const licensing2 = user('lou', 'licensing', 'Licensing');
const safeguarding = user('sam', 'safeguarding', "Children's Social Care");

describe('the viewer', () => {
  it('shows the analyst a child as stored, and licensing a descriptor under an id of its own', () => {
    expect(viewer(analyst).entity(child)).toMatchObject({ id: 'per-c1', name: 'Cody', label: 'Cody Grindlow' });
    const seen = viewer(licensing).entity(child);
    expect(seen).toMatchObject({ kind: 'Person', label: 'looked-after girl, 14', properties: { descriptor: 'looked-after girl, 14' } });
    expect(JSON.stringify(seen)).not.toMatch(/Cody|Grindlow|YP04|per-c1/);
    // Stable for one user, different for another, never the stored id.
    expect(viewer(licensing).entity(child).id).toBe(seen.id);
    expect(viewer(licensing2).entity(child).id).not.toBe(seen.id);
  });

  it('shows a strategy meeting its own child in full and every other child as a descriptor', () => {
    const v = viewer(safeguarding, ['per-c1']);
    expect(v.entity(child).label).toBe('Cody Grindlow');
    expect(v.entity(node('per-c2', ['Person'], { name: 'Orla', surname: 'Ingleby', child: true, age: 15, sex: 'female' })).label).toBe('girl, 15');
  });

  it('gives links touching a protected subject an opaque id and only allow-listed properties', () => {
    const l = viewer(licensing).link(rel('HAS_CONTACT', { id: 'HAS_CONTACT:per-s1:ph-c1', savedAs: 'Cody G', from: '2009-01-01', sources: ['rep-pol'] }), 'per-s1', 'ph-c1');
    expect(l.id).toMatch(/^link-/);
    expect(l.target).toMatch(/^phone-/);
    expect(l.properties).toEqual({ from: '2009-01-01', sources: ['rep-pol'] });
  });

  it('withholds free text on a record that concerns a protected subject, unless a version was released', () => {
    const seen = viewer(licensing).entity(incident);
    expect(seen.properties.summary).toBeUndefined();
    expect(seen.properties.textWithheld).toEqual(['summary']);
    const released = viewer(licensing).entity(node('inc-1', ['Incident'], { ...incident.props, released_summary: 'A girl, 14, seen at a residential unit (Ashdene House)' }));
    // The released text, scrubbed as a second line (the place's name is protected from licensing).
    expect(released.properties.summary).toBe('A girl, 14, seen at a residential unit ([withheld])');
    expect(viewer(analyst).entity(incident).properties.summary).toBe('Cody seen at Ashdene House');
  });

  it('shows what only withheld reports support as a held item, and leaves out a property only they gave', () => {
    const heldOnly = node('inc-2', ['Incident'], { kind: 'missing', summary: 'secret', sources: ['rep-csc'] });
    expect(viewer(analyst).entity(heldOnly)).toMatchObject({ kind: 'HeldItem', label: "1 item held by Children's Social Care, 2010-05-01" });
    expect(JSON.stringify(viewer(analyst).entity(heldOnly))).not.toContain('secret');
    // The owner sees it; a report shared with an agency is that agency's to see.
    expect(viewer(user('cat', 'analyst', "Children's Social Care")).entity(heldOnly).properties.summary).toBe('secret');
    expect(viewer(licensing).isHeld(node('inc-3', ['Incident'], { sources: ['rep-pol'] }))).toBe(false);
    // An agency is one agency however an administrator typed it ("children's social care ", "LICENSING").
    expect(viewer(user('cat2', 'analyst', "  children's social care ")).entity(heldOnly).properties.summary).toBe('secret');
    expect(viewer(user('lic2', 'licensing', 'LICENSING')).isHeld(node('inc-3', ['Incident'], { sources: ['rep-pol'] }))).toBe(false);
    expect(viewer(user('pol2', 'analyst', 'police')).withheldReportIds()).not.toContain('rep-pol');

    const mixed = node('per-9', ['Person'], { name: 'Dale', nickname: 'Taz', sources: ['rep-pol', 'rep-csc'], propSources: JSON.stringify({ nickname: ['rep-csc'] }) });
    const seen = viewer(analyst).entity(mixed);
    expect(seen.properties.name).toBe('Dale');
    expect(seen.properties.nickname).toBeUndefined();
    expect(seen.properties.propSources).toBeUndefined();
  });

  it('refers to what a user may not read as unknown, and reads a withheld report as held', () => {
    const v = viewer(licensing);
    expect(v.mayNotUse('per-c1')).toBe(true);
    expect(v.mayNotUse('loc-r')).toBe(true);
    expect(v.mayNotUse('per-s1')).toBe(false);
    expect(viewer(analyst).canRead(node('rep-csc', ['Report'], { handling: 'C', ownerAgency: "Children's Social Care" }))).toBe(false);
    expect(viewer(analyst).hiddenIds()).toEqual([]);
    expect(viewer(analyst).withheldReportIds()).toEqual(['rep-csc']);
    expect(new Set(viewer(licensing).hiddenIds())).toEqual(new Set(['per-c1', 'per-c2', 'ph-c1', 'loc-r']));
  });
});
