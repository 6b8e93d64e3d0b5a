/**
 * Expand by type (web/src/components/expandTypes.ts): link types in words, grouped, only those an
 * entity of the given labels can have at one end (server/domain/linkEnds.ts, DESIGN.md §4).
 */
import { describe, expect, it } from 'vitest';
import { expandGroups } from '../../web/src/components/expandTypes';
import { LINK_TYPES } from '../../web/src/vocabulary';

const options = (labels: string[] | null) => expandGroups(labels).flatMap((g) => g.options);

describe('expand by type', () => {
  it('offers a person only the link types a person can have, in words', () => {
    const person = options(['Person']);
    const types = person.map((o) => o.type);
    expect(types).toEqual(expect.arrayContaining(['KNOWS_LW', 'CURRENT_ADDRESS', 'HAS_PHONE', 'USES_VEHICLE', 'PARTY_TO', 'MENTIONS']));
    expect(types).not.toContain('BASED_AT');
    expect(types).not.toContain('OCCURRED_AT');
    expect(person.find((o) => o.type === 'KNOWS_LW')?.words).toBe('knows (lives with)');
    expect(person.every((o) => !/^[A-Z_]+$/.test(o.words))).toBe(true);
  });

  it('uses every label of the entity (a crime is an incident too) and offers everything for a selection of many', () => {
    const crime = options(['Crime', 'Incident']).map((o) => o.type);
    expect(crime).toEqual(expect.arrayContaining(['INVESTIGATED_BY', 'OCCURRED_AT', 'PARTY_TO']));
    expect(new Set(options(null).map((o) => o.type))).toEqual(new Set(LINK_TYPES));
    expect(expandGroups(['Person']).every((g) => g.options.length > 0)).toBe(true);
  });
});
