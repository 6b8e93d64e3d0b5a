/**
 * Why a search result matched (web/src/search/matchReason.ts): each inexact word with what it
 * matched, a weak kind (sounds like, nickname, initial) marked weak, a date that fits said, one that
 * differs turned into a warning with the recorded date first; the server's `why` as the fallback.
 */
import { describe, expect, it } from 'vitest';
import type { SearchMatch, WordMatch } from '../../web/src/api';
import { matchText } from '../../web/src/components/searchResultText';
import { differsText, humanDates, matchReason, strengthOf, wordText } from '../../web/src/search/matchReason';

const word = (typed: string, matched: string, how: string, field = 'name'): WordMatch => ({ typed, matched, how, field });
const match = (over: Partial<SearchMatch>): SearchMatch => ({ field: 'name', how: 'exact', value: null, words: [], dates: null, datesNote: null, why: '', ...over });

describe('why a search result matched', () => {
  it('names each inexact word and what it matched, leaving out the exact ones', () => {
    const r = matchReason(match({ how: 'sounds', words: [word('Garik', 'Garrick', 'sounds'), word('Grindlw', 'Grindlow', 'typo')], why: 'Garik sounds like Garrick · Grindlw typo of Grindlow' }))!;
    expect(r.tag).toBe('sounds like');
    expect(r.strength).toBe('weak');
    expect(r.words).toBe('Garik sounds like Garrick · Grindlw typo of Grindlow');
    expect(r.wordParts).toEqual(['Garik sounds like Garrick', 'Grindlw typo of Grindlow']);
    expect(r.dateFits).toBeNull();
    expect(r.dateDiffers).toBeNull();
    expect(r.line).toBe('sounds like · Garik sounds like Garrick · Grindlw typo of Grindlow');

    expect(matchReason(match({ how: 'nickname', words: [word('Bob', 'Robert', 'nickname'), word('Lumbridge', 'Lumbridge', 'exact')] }))!.words).toBe('Bob nickname for Robert');
    expect(matchReason(match({ how: 'initial', words: [word('G.', 'Garrick', 'initial'), word('Grindlow', 'Grindlow', 'exact')] }))!.words).toBe('initial G → Garrick');
    expect(matchReason(match({ how: 'variant', words: [word('Muhammad', 'Mohammed', 'variant')] }))!.words).toBe('Muhammad another spelling of Mohammed');
  });

  it("keeps what the server's line says beyond the words: a typed middle name the record lacks", () => {
    const r = matchReason(match({ how: 'partial', words: [word('Garrick', 'Garrick', 'exact'), word('Grindlw', 'Grindlow', 'typo')], why: 'Garrick exact · Grindlw typo of Grindlow · no Owen recorded · born 1988 fits born 1988-09-13', dates: 'fits', datesNote: 'born 1988 fits born 1988-09-13' }))!;
    expect(r.words).toBe('Grindlw typo of Grindlow · no Owen recorded');
    expect(r.dateFits).toBe('born 1988 fits born 13 Sep 1988');
    expect(r.strength).toBe('weak');
  });

  it('says nothing beyond the tag when every word matched exactly', () => {
    const r = matchReason(match({ how: 'exact', words: [word('Garrick', 'Garrick', 'exact'), word('Grindlow', 'Grindlow', 'exact')], why: 'exact' }))!;
    expect(r).toMatchObject({ tag: 'exact', strength: 'strong', words: null, wordParts: [], dateFits: null, dateDiffers: null, line: 'exact' });
  });

  it('says a word matched in an alias, and each kind in words', () => {
    expect(wordText(word('Daz', 'Darren', 'nickname', 'alias'))).toBe('Daz nickname for Darren (alias)');
    expect(wordText(word('Grind', 'Grindlow', 'prefix'))).toBe('Grind… → Grindlow');
    expect(wordText(word('Harold', 'Hal', 'nickname'))).toBe('Harold recorded as nickname Hal');
    expect(wordText(word('Grindlw', 'Grindlow', 'typo'))).toBe('Grindlw typo of Grindlow');
    expect(wordText(word('Grin', 'Grindlow', 'partial'))).toBe('Grin part of Grindlow');
    expect(wordText(word('Garrick', 'Garrick', 'exact'))).toBe('Garrick');
    expect(wordText(word('X', 'Y', 'new-kind'))).toBe('X → Y (new-kind)');
  });

  it('ranks kinds as evidence: exact and start of word strong, spelling and typo near, the rest weak', () => {
    expect(['exact', 'prefix'].map(strengthOf)).toEqual(['strong', 'strong']);
    expect(['variant', 'typo'].map(strengthOf)).toEqual(['near', 'near']);
    expect(['nickname', 'sounds', 'initial', 'partial'].map(strengthOf)).toEqual(['weak', 'weak', 'weak', 'weak']);
    expect(strengthOf('something-new')).toBe('near');
  });

  it('says a date fits, and warns with the recorded date first when it differs', () => {
    const fits = matchReason(match({ how: 'exact', words: [word('Garrick', 'Garrick', 'exact')], dates: 'fits', datesNote: 'born 1979 fits age 31 in 2010' }))!;
    expect(fits.dateFits).toBe('born 1979 fits age 31 in 2010');
    expect(fits.dateDiffers).toBeNull();
    expect(fits.line).toBe('exact · born 1979 fits age 31 in 2010');

    const differs = matchReason(match({ how: 'sounds', words: [word('Garik', 'Garrick', 'sounds')], dates: 'differs', datesNote: 'typed 1979, recorded born 1985-02-11' }))!;
    expect(differs.dateDiffers).toBe('recorded born 11 Feb 1985 — not 1979');
    expect(differs.dateFits).toBeNull();
    expect(differs.line).toBe('sounds like · Garik sounds like Garrick · ⚠ recorded born 11 Feb 1985 — not 1979');

    expect(differsText('typed 12/03/1979; recorded age 20 in 2010')).toBe('recorded age 20 in 2010 — not 12/03/1979');
    expect(differsText('born 1979 against 1985-02-11')).toBe('dates differ: born 1979 against 11 Feb 1985');
    expect(differsText(null)).toBe('the recorded date differs from the one typed');
    expect(matchReason(match({ dates: 'fits' }))!.dateFits).toBe('date fits');
    expect(humanDates('born 1985-02 and 1990-13-01')).toBe('born Feb 1985 and 1990-13-01');
  });

  it("falls back to the server's why line, less its date part, then to the field and how alone", () => {
    const r = matchReason(match({ how: 'sounds', words: [], why: 'Garik sounds like Garrick · Grindlw typo of Grindlow · born 1979 fits', dates: 'fits', datesNote: 'born 1979 fits' }))!;
    expect(r.words).toBe('Garik sounds like Garrick · Grindlw typo of Grindlow');
    expect(r.dateFits).toBe('born 1979 fits');
    expect(matchReason(match({ how: 'exact', words: [], why: 'exact' }))!.words).toBeNull();
    // An older server: no words, no why.
    const old = matchReason({ field: 'registration', how: 'exact', value: null } as SearchMatch)!;
    expect(old).toMatchObject({ tag: 'exact', strength: 'strong', words: null, dateFits: null, dateDiffers: null });
    expect(matchReason(null)).toBeNull();
  });

  it('keeps the field-and-how text of the row, with the new kinds in words', () => {
    expect(matchText({ field: 'name', how: 'sounds', value: null })).toBe('name · sounds like');
    expect(matchText({ field: 'alias', how: 'nickname', value: 'Daz' })).toBe('alias “Daz” · nickname');
    expect(matchText({ field: 'name', how: 'variant', value: null })).toBe('name · another spelling');
  });
});
