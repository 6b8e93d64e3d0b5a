/**
 * What the audit log keeps of an operation's arguments: names, ids, dates, numbers and vocabulary,
 * never case text (no database: the function is pure).
 */
import { describe, expect, it } from 'vitest';
import { safeAuditArgs, textMarker } from '../../server/modules/audit/auditArgs.js';
import { auditRecordToStore } from '../../server/modules/audit/audit.js';

describe('safeAuditArgs', () => {
  it('replaces searched-for text with a marker, keeping vocabulary and numbers', () => {
    const out = safeAuditArgs({ text: 'Kershaw', kinds: ['Person', 'Vehicle'], limit: 20 });
    expect(out).toEqual({ text: '[text: 7 chars]', kinds: ['Person', 'Vehicle'], limit: 20 });
    expect(JSON.stringify(out)).not.toContain('Kershaw');
  });

  it('marks text even when it looks like an id, under free-text arguments', () => {
    expect(safeAuditArgs({ text: 'per-s001' })).toEqual({ text: textMarker('per-s001') });
    expect(safeAuditArgs({ nickname: 'Big Dave' })).toEqual({ nickname: '[text: 8 chars]' });
    expect(safeAuditArgs({ ids: ['per-s001', 'per-s002'], reason: 'same DOB and phone 07700 900123' })).toEqual({
      ids: ['per-s001', 'per-s002'],
      reason: '[text: 31 chars]',
    });
  });

  it('keeps ids by argument name and by shape, and dates', () => {
    const args = {
      id: 'op-central',
      entityId: 'per-s001',
      childId: 'per-c01',
      personIds: ['per-s001', 'pole:1234'],
      within: ['op-central'],
      from: 'per-s001',
      to: 'per-s003',
      asOf: '2012-06-30',
      hops: 2,
      all: true,
      measure: 'BETWEENNESS',
      linkTypes: ['KNOWS', 'PARTY_TO'],
      top: 10,
    };
    expect(safeAuditArgs(args)).toEqual(args);
    // Dates and id-shaped values are kept under any name; other text is not.
    expect(safeAuditArgs({ other: '2010-01-05', ref: 'rep-7f1c', alertId: 'c7a1b2a4-1111-4222-8333-444455556666' })).toEqual({
      other: '2010-01-05',
      ref: 'rep-7f1c',
      alertId: 'c7a1b2a4-1111-4222-8333-444455556666',
    });
    expect(safeAuditArgs({ other: 'kershaw-smith', phone: '07700 900123', reg: 'AB12CDE' })).toEqual({
      other: '[text: 13 chars]',
      phone: '[text: 12 chars]',
      reg: '[text: 7 chars]',
    });
  });

  it('keeps formats, usernames and roles; marks chart names and notes', () => {
    expect(safeAuditArgs({ format: 'GRAPHML', chartName: 'Kershaw network', entityIds: ['per-s001'] })).toEqual({
      format: 'GRAPHML',
      chartName: '[text: 15 chars]',
      entityIds: ['per-s001'],
    });
    expect(safeAuditArgs({ username: 'new.officer', role: 'licensing', password: 'correct horse battery', agency: 'Licensing' })).toEqual({
      username: 'new.officer',
      role: 'licensing',
      password: '[not recorded]',
      agency: 'Licensing',
    });
    expect(safeAuditArgs({ id: 'a1', note: 'spoke to the girl at the school' })).toEqual({ id: 'a1', note: '[text: 31 chars]' });
  });

  it("marks a report's summary, conditions and every property value, keeping its grades and structure", () => {
    const input = {
      receivedOn: '2010-01-05',
      sourceType: 'public',
      sourceGrade: 3,
      intelGrade: 'D',
      handling: 'C',
      conditions: 'Not to be shared with the school',
      ownerAgency: 'police',
      sharedWith: ["Children's Social Care"],
      summary: 'Girl, 14, seen getting into a taxi with Kershaw',
      entities: [
        { ref: 'p', kind: 'Person', properties: { name: 'Ann Kershaw', dob: '1999-01-01', note: 'per-s001' } },
        { ref: 'v', kind: 'Vehicle', properties: { reg: 'ZZ01AUD' } },
      ],
      links: [{ type: 'OWNS', from: 'p', to: 'v', properties: { since: 2009, remark: 'seen daily' } }],
    };
    const out = safeAuditArgs({ input }) as { input: typeof input };
    const text = JSON.stringify(out);
    for (const secret of ['Kershaw', 'taxi', 'school', 'ZZ01AUD', 'seen daily', '1999-01-01', 'per-s001']) expect(text).not.toContain(secret);
    expect(out.input).toMatchObject({
      receivedOn: '2010-01-05',
      sourceType: 'public',
      sourceGrade: 3,
      intelGrade: 'D',
      handling: 'C',
      ownerAgency: 'police',
      sharedWith: ["Children's Social Care"],
      summary: '[text: 47 chars]',
      conditions: '[text: 32 chars]',
    });
    expect(out.input.entities[0]).toEqual({ ref: '[text: 1 chars]', kind: 'Person', properties: { name: '[text: 11 chars]', dob: '[text: 10 chars]', note: '[text: 8 chars]' } });
    expect(out.input.links[0]).toMatchObject({ type: 'OWNS', properties: { since: 2009, remark: '[text: 10 chars]' } });
  });

  it("records a chart's view state by size only, and purposes inside arguments as markers", () => {
    const out = safeAuditArgs({ name: 'Op Central', entityIds: ['per-s001'], state: { groups: [{ label: 'Kershaw family' }] }, sharedWithUsers: ['b.analyst'], sharedWithAgency: true });
    expect(out).toMatchObject({ name: '[text: 10 chars]', entityIds: ['per-s001'], sharedWithUsers: ['b.analyst'], sharedWithAgency: true });
    expect(out.state).toMatch(/^\[view state: \d+ chars\]$/);
    expect(safeAuditArgs({ childId: 'per-c01', purpose: 'Strategy meeting YP01', hops: 2 })).toEqual({ childId: 'per-c01', purpose: '[text: 21 chars]', hops: 2 });
  });

  it('does not change its input, and copes with no arguments and odd values', () => {
    const args = { text: 'Kershaw' };
    safeAuditArgs(args);
    expect(args).toEqual({ text: 'Kershaw' });
    expect(safeAuditArgs(undefined)).toEqual({});
    expect(safeAuditArgs(null)).toEqual({});
    expect(safeAuditArgs({ a: null, b: undefined })).toEqual({ a: null });
    expect(safeAuditArgs({ long: 'x'.repeat(5000) })).toEqual({ long: '[text: 5000 chars]' });
    expect(safeAuditArgs({ id: 'has a space in it' })).toEqual({ id: '[text: 17 chars]' });
  });
});

describe('auditRecordToStore', () => {
  it('keeps a refused or failed attempt as such, with no ids and no role when there is none', () => {
    const denied = auditRecordToStore({ username: 'x.user', role: null, purpose: null, operation: 'Mutation.login', args: { username: 'x.user', password: 'guess' }, outcome: 'failed' });
    expect(denied).toEqual({ username: 'x.user', role: '', purpose: null, operation: 'Mutation.login', args: { username: 'x.user', password: '[not recorded]' }, entityIds: [], outcome: 'failed' });
    const refused = auditRecordToStore({ username: 'a', role: 'licensing', purpose: 'renewal', operation: 'Query.entity', args: { id: 'per-c01' }, entityIds: [], outcome: 'denied' });
    expect(refused).toMatchObject({ outcome: 'denied', purpose: 'renewal', args: { id: 'per-c01' } });
  });
});
