import { describe, expect, it } from 'vitest';
import { luceneQuery, normalisePhone, readPhone, readPostcode, readRegistration } from '../../server/modules/search/identifiers.js';

describe('phone numbers in any format', () => {
  it.each([
    ['07700 900123'],
    ['07700900123'],
    ['+44 7700 900123'],
    ['+447700900123'],
    ['(07700) 900-123'],
    ['0044 7700 900 123'],
  ])('%s reads as the same number', (typed) => {
    const q = readPhone(typed)!;
    expect(q.suffix).toBe('7700900123');
  });

  it('gives E.164 when the number parses', () => {
    expect(readPhone('07700 900123')!.e164).toBe('+447700900123');
    expect(normalisePhone('07700 900123')).toBe('+447700900123');
    expect(normalisePhone('01632 960001')).toBe('+441632960001');
  });

  it('keeps partial numbers as suffixes and refuses words and very short digits', () => {
    expect(readPhone('900123')!.suffix).toBe('900123');
    expect(readPhone('Bigman')).toBeNull();
    expect(readPhone('12')).toBeNull();
  });

  it('cleans numbers that do not parse to their digits', () => {
    expect(normalisePhone('0-(070)893-3322')).toBe('00708933322');
  });
});

describe('registrations and postcodes', () => {
  it('reads a registration with or without spaces', () => {
    expect(readRegistration('zz08 abc')).toBe('ZZ08ABC');
    expect(readRegistration('ZZ08ABC')).toBe('ZZ08ABC');
    expect(readRegistration('Mill Lane')).toBeNull();
    expect(readRegistration('12345')).toBeNull();
  });

  it('restores the space of a postcode', () => {
    expect(readPostcode('s601aa')).toBe('S60 1AA');
    expect(readPostcode('S60 1AA')).toBe('S60 1AA');
    expect(readPostcode('hello')).toBeNull();
  });
});

describe('Lucene query building', () => {
  it('requires every word, with prefix and typo alternatives', () => {
    expect(luceneQuery('Jon Smiht')).toBe('+(jon^4 OR jon* OR jon~1) +(smiht^4 OR smiht* OR smiht~1)');
  });

  it('strips Lucene syntax from user text', () => {
    expect(luceneQuery('name:"x" OR (y* AND z~) \\ /regex/')).toBe(
      '+(name^4 OR name* OR name~1) +x +or +y +(and^4 OR and* OR and~1) +z +(regex^4 OR regex* OR regex~1)',
    );
  });

  it('returns null when nothing searchable is left', () => {
    expect(luceneQuery('  ()  ')).toBeNull();
  });

  it('searches a postcode as a phrase', () => {
    expect(luceneQuery('S601AA')).toBe('"s60 1aa"');
  });
});
