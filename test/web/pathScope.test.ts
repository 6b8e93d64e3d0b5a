/** The link-type choice of paths and connecting networks (web/src/chart/pathScope.ts). */
import { describe, expect, it } from 'vitest';
import { LINK_TYPES, BOOKKEEPING_LINK_TYPES } from '../../server/domain/vocabulary';
import { NO_FILTERS } from '../../web/src/chart/filters';
import { LINK_GROUPS, describeRoute, describeScope, pathScope, toggleTypes } from '../../web/src/chart/pathScope';

describe('link groups', () => {
  it('put every vocabulary link type in exactly one group, the bookkeeping ones in their own', () => {
    const grouped = LINK_GROUPS.flatMap((g) => g.types);
    expect([...grouped].sort()).toEqual([...LINK_TYPES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(LINK_GROUPS.at(-1)!.types).toEqual(BOOKKEEPING_LINK_TYPES);
  });
});

describe('pathScope', () => {
  it('follows the server default (evidential links) when the chart filters leave no link type out', () => {
    expect(pathScope({ mode: 'filters' }, NO_FILTERS)).toEqual({ linkTypes: null, asOf: null });
    expect(describeScope({ mode: 'filters' }, NO_FILTERS)).toBe('evidential links');
  });

  it("takes the chart filters' link types out of the evidential ones, and their end date as asOf", () => {
    const scope = pathScope({ mode: 'filters' }, { ...NO_FILTERS, linkTypes: ['HAS_CONTACT', 'ON_CHART'], to: '2010-06-30' });
    expect(scope.asOf).toBe('2010-06-30');
    expect(scope.linkTypes).toContain('KNOWS');
    expect(scope.linkTypes).not.toContain('HAS_CONTACT');
    for (const t of BOOKKEEPING_LINK_TYPES) expect(scope.linkTypes).not.toContain(t);
    expect(describeScope({ mode: 'filters' }, { ...NO_FILTERS, linkTypes: ['HAS_CONTACT'], to: '2010-06-30' })).toMatch(/^\d+ link types, as of 2010-06-30$/);
  });

  it('asks for exactly the chosen types, whatever the filters', () => {
    expect(pathScope({ mode: 'chosen', linkTypes: ['ON_CHART'] }, { ...NO_FILTERS, to: '2011-01-01' })).toEqual({ linkTypes: ['ON_CHART'], asOf: null });
    expect(describeScope({ mode: 'chosen', linkTypes: ['KNOWS_PHONE'] }, NO_FILTERS)).toBe('knows (phone contact) links');
  });

  it('toggles types and groups, keeping vocabulary order', () => {
    const people = LINK_GROUPS[0]!.types;
    expect(toggleTypes(['PARTY_TO'], people, true)).toEqual([...people, 'PARTY_TO']);
    expect(toggleTypes([...people, 'PARTY_TO'], ['KNOWS'], false)).toEqual([...people.filter((t) => t !== 'KNOWS'), 'PARTY_TO']);
  });
});

describe('describeRoute', () => {
  it('reads a route in words, parallel links of a hop together', () => {
    const e = (id: string, label: string) => ({ id, label, kind: 'Person', labels: ['Person'], properties: {}, sources: [] });
    const l = (type: string, source: string, target: string) => ({ id: `${type}:${source}:${target}`, type, source, target, properties: {}, sources: [] });
    const text = describeRoute({
      nodes: [e('a', 'Ann Smith'), e('b', 'Bob Jones'), e('c', 'Cy Lee')],
      hops: [
        { from: 'a', to: 'b', links: [l('KNOWS', 'a', 'b'), l('KNOWS_PHONE', 'b', 'a')] },
        { from: 'b', to: 'c', links: [l('FAMILY_REL', 'b', 'c')] },
      ],
    } as never);
    expect(text).toBe('Ann Smith —knows, knows (phone contact)→ Bob Jones —family→ Cy Lee');
  });
});
