/** The second line of defence (server/access/scrub.ts): identities found however they are written. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildScrubber, significantDigits, WITHHELD } from '../../server/access/scrub.js';

const scrub = buildScrubber([
  { ids: ['per-c77'], names: [{ first: 'Cody', last: 'Grindlow' }], tokens: ['YP04'], phones: ['+447700900417'], addresses: ['14 Larkspur Mews, Harrowby'], postcodes: ['ZZ9 4QT'], dates: ['1994-05-02'] },
  { ids: ['loc-9'], addresses: ['107 Cutler Street, Harrowby'], placeNames: ['Moorside Unit'] },
]);

describe('scrub', () => {
  it.each([
    ['Cody Grindlow was seen', 'full name'],
    ['GRINDLOW,  cody was seen', 'surname first, other case, extra spaces'],
    ['Cody G was seen', 'first name and initial'],
    ['C. Grindlow was seen', 'initial and surname'],
    ['cody was seen', 'first name alone'],
    ['yp04 was seen', 'pseudonym in lower case'],
    ['YP 04 was seen', 'pseudonym written apart'],
    ['y p 04 was seen', 'pseudonym in three pieces'],
    ['record per-c77 was seen', 'id'],
    ['rang 07700 900417', 'national format'],
    ['rang +44 (0)7700-900-417', 'international with punctuation'],
    ['rang 447700900417', 'digits only'],
    ['at 14 larkspur   mews', 'address line in other case and spacing'],
    ['postcode zz94qt', 'postcode without its space'],
    ['dropped at 107 Cutler St', 'address with the street abbreviated'],
    ['the Cutler Street unit', 'street without the number'],
    ['taken to Moorside Unit', 'place name'],
    ['back at moorside', 'first word of the place name'],
    ['C\u200Body Grin\u200Bdlow', 'zero-width spaces'],
    ['Cоdy Grindlоw', 'Cyrillic look-alike letters'],
    ['ＣＯＤＹ ＧＲＩＮＤＬＯＷ', 'fullwidth letters'],
    ['Códy Grindlów', 'accents'],
    ['with Cody Grind-\nlow', 'a word broken across lines'],
    ['seen with Grindlow C', 'surname and initial'],
    ['Y P 0 4 was seen', 'pseudonym in four pieces'],
    ['ＹＰ０４ was seen', 'fullwidth pseudonym'],
    ['record per\u2011c77', 'id with a non-breaking hyphen'],
    ['record per c77', 'id with a space'],
    ['rang ０７７００９００４１７', 'fullwidth digits'],
    ['rang 077OO9OO417', 'the letter O for zero'],
    ['rang 0770090041\u200B7', 'a zero-width space in the number'],
    ['born 02/05/1994', 'date of birth, day first'],
  ])('finds %s (%s)', (text) => {
    expect(scrub(text)).toContain(WITHHELD);
    expect(scrub.finds(text)).toBe(true);
  });

  it('takes the whole name when it is broken across lines or hidden with look-alikes', () => {
    expect(scrub('with Cody Grind-\nlow today')).toBe(`with ${WITHHELD} today`);
    expect(scrub('with Cоdy Grindlоw today')).toBe(`with ${WITHHELD} today`);
    expect(scrub('with C\u200Body Grindlow today')).toBe(`with ${WITHHELD} today`);
  });

  it('leaves other text alone', () => {
    for (const t of ['Codeine was found', 'Grindstone Lane', 'rang 07700 900418', 'YP05 was seen', 'a taxi at 3 Mill Road']) expect(scrub(t)).toBe(t);
  });

  it('reads the significant digits of a number in any format', () => {
    for (const t of ['07700 900417', '+44 7700 900417', '0044 7700 900 417', '447700900417', '(07700) 900-417']) expect(significantDigits(t)).toBe('7700900417');
  });

  it('never lets the full name through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('Cody Grindlow', 'grindlow cody', 'CODY  GRINDLOW', 'Grindlow, Cody'), (before, after, name) => {
        const out = scrub(`${before} ${name} ${after}`).toLowerCase();
        expect(out.replace(/\s+/g, ' ')).not.toMatch(/cody grindlow|grindlow,? cody/);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
