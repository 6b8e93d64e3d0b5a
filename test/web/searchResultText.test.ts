/**
 * The words of a search result row (web/src/components/searchResultText.ts): what matched in words,
 * never a score; born with age, the first address, phone and vehicle, extra entries counted.
 */
import { describe, expect, it } from 'vitest';
import type { SearchContext } from '../../web/src/api';
import { ageOn, contextParts, formatDate, formatPhone, matchText } from '../../web/src/components/searchResultText';

const empty: SearchContext = { born: null, age: null, aliases: [], addresses: [], phones: [], vehicles: [], people: [], details: [] };
const today = new Date('2026-08-22T12:00:00Z');

describe('search result text', () => {
  it('says what matched and how well, in words', () => {
    expect(matchText({ field: 'alias', how: 'prefix', value: 'D. Kershaw-Hill' })).toBe('alias “D. Kershaw-Hill” · start of word');
    expect(matchText({ field: 'name', how: 'typo', value: null })).toBe('name · close spelling');
    expect(matchText({ field: 'registration', how: 'exact', value: null })).toBe('registration · exact');
    expect(matchText(null)).toBeNull();
  });

  it('formats dates, ages and UK numbers as people write them', () => {
    expect(formatDate('1979-08-23')).toBe('23 Aug 1979');
    expect(ageOn('1979-08-23', today)).toBe(46);
    expect(ageOn('1979-08-22', today)).toBe(47);
    expect(formatPhone('+447700900535')).toBe('07700 900535');
    expect(formatPhone('+33123456789')).toBe('+33123456789');
  });

  it('lists a person by birth, address, phone, vehicle and aliases, counting extras', () => {
    const parts = contextParts({ ...empty, born: '1979-08-23', addresses: ['Flat 7, 80 Loom Street S66 6RM'], phones: ['+447700900535', '+447700900274', '+447700900076'], vehicles: ['ZZ58JWV (Silver Toyota Prius)'], aliases: ['Daz', 'D. Kershaw-Hill'] }, 'Person', today);
    expect(parts).toEqual([
      { what: 'born', text: 'b. 23 Aug 1979 (46)' },
      { what: 'address', text: 'Flat 7, 80 Loom Street S66 6RM' },
      { what: 'phone', text: '07700 900535 +2' },
      { what: 'vehicle', text: 'ZZ58JWV (Silver Toyota Prius)' },
      { what: 'also known as', text: 'Daz, D. Kershaw-Hill' },
    ]);
  });

  it('says who uses a vehicle and who lives at an address; an age when there is no date of birth', () => {
    expect(contextParts({ ...empty, people: ['A (keeper)', 'B (seen in)', 'C'], details: ['Silver Toyota Prius 2008'] }, 'Vehicle', today)).toEqual([
      { what: 'used by', text: 'A (keeper), B (seen in) +1' },
      { what: 'details', text: 'Silver Toyota Prius 2008' },
    ]);
    expect(contextParts({ ...empty, people: ['Sandra Ingleby'] }, 'Location', today)[0]).toEqual({ what: 'lives here', text: 'Sandra Ingleby' });
    expect(contextParts({ ...empty, age: 14 }, 'Person', today)).toEqual([{ what: 'age', text: 'age 14 as recorded' }]);
  });
});
