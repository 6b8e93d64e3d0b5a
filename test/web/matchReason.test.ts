/**
 * Why a search result matched (web/src/search/matchReason.ts): each inexact word with what it
 * matched, a weak kind (sounds like, nickname, initial) marked weak, a date that fits said, one that
 * differs turned into a warning with the recorded date first; the server's `why` as the fallback.
 */
import { describe, expect, it } from 'vitest';
import type { SearchMatch, WordMatch } from '../../web/src/api';
import { matchText } from '../../web/src/components/searchResultText';
import { differsText, fitsText, humanDates, matchReason, strengthOf, typedWord, wordText } from '../../web/src/search/matchReason';

// The server names a typed word by its place only (never sending typed text back); the app reads it from the query.
const word = (at: number, matched: string, how: string, field = 'name'): WordMatch => ({ at, matched, how, field });
const match = (over: Partial<SearchMatch>): SearchMatch => ({ field: 'name', how: 'exact', value: null, words: [], dates: null, datesNote: null, why: '', ...over });

describe('why a search result matched', () => {
  it('names each inexact word and what it matched, leaving out the exact ones', () => {
    const r = matchReason(match({ how: 'sounds', words: [word(0, 'Garrick', 'sounds'), word(1, 'Grindlow', 'typo')], why: 'Garrick (sounds like) · Grindlow (close spelling)' }), 'Garik Grindlw')!;
    expect(r.tag).toBe('sounds like');
    expect(r.strength).toBe('weak');
    expect(r.words).toBe('Garik sounds like Garrick · Grindlw typo of Grindlow');
    expect(r.wordParts).toEqual(['Garik sounds like Garrick', 'Grindlw typo of Grindlow']);
    expect(r.dateFits).toBeNull();
    expect(r.dateDiffers).toBeNull();
    expect(r.line).toBe('sounds like · Garik sounds like Garrick · Grindlw typo of Grindlow');

    expect(matchReason(match({ how: 'nickname', words: [word(0, 'Robert', 'nickname'), word(1, 'Lumbridge', 'exact')] }), 'Bob Lumbridge')!.words).toBe('Bob nickname for Robert');
    expect(matchReason(match({ how: 'initial', words: [word(0, 'Garrick', 'initial'), word(1, 'Grindlow', 'exact')] }), 'G. Grindlow')!.words).toBe('initial G → Garrick');
    expect(matchReason(match({ how: 'variant', words: [word(0, 'Mohammed', 'variant')] }), 'Muhammad')!.words).toBe('Muhammad another spelling of Mohammed');
    // Words typed in another order are found by place; a date typed with them takes a place too.
    expect(matchReason(match({ how: 'sounds', words: [word(0, 'Grindlow', 'exact'), word(1, 'Garrick', 'sounds')] }), 'Grindlow Garik 1979')!.words).toBe('Garik sounds like Garrick');
    expect(typedWord('  Grindlow,  Garik ', 0)).toBe('Grindlow');
  });

  it("keeps what the server's line says beyond the words: a typed middle name the record lacks", () => {
    const r = matchReason(match({ how: 'partial', words: [word(0, 'Garrick', 'exact'), word(2, 'Grindlow', 'typo')], why: 'Garrick exact · Grindlow (close spelling) · a middle name not recorded · date fits born 1988-09-13', dates: 'fits', datesNote: 'fits born 1988-09-13' }), 'Garrick Owen Grindlw 1988')!;
    expect(r.words).toBe('Grindlw typo of Grindlow · a middle name not recorded');
    expect(r.dateFits).toBe('date typed fits born 13 Sep 1988');
    expect(r.strength).toBe('weak');
  });

  it('says nothing beyond the tag when every word matched exactly', () => {
    const r = matchReason(match({ how: 'exact', words: [word(0, 'Garrick', 'exact'), word(1, 'Grindlow', 'exact')], why: 'exact' }), 'Garrick Grindlow')!;
    expect(r).toMatchObject({ tag: 'exact', strength: 'strong', words: null, wordParts: [], dateFits: null, dateDiffers: null, line: 'exact' });
  });

  it('says a word matched in an alias, and each kind in words', () => {
    expect(wordText(word(0, 'Darren', 'nickname', 'alias'), 'Daz')).toBe('Daz nickname for Darren (alias)');
    expect(wordText(word(0, 'Grindlow', 'prefix'), 'Grind')).toBe('Grind… → Grindlow');
    expect(wordText(word(0, 'Hal', 'nickname'), 'Harold')).toBe('Harold recorded as nickname Hal');
    expect(wordText(word(0, 'Grindlow', 'typo'), 'Grindlw')).toBe('Grindlw typo of Grindlow');
    expect(wordText(word(0, 'Grindlow', 'partial'), 'Grin')).toBe('Grin part of Grindlow');
    expect(wordText(word(0, 'Garrick', 'exact'), 'Garrick')).toBe('Garrick');
    expect(wordText(word(0, 'Y', 'new-kind'), 'X')).toBe('X → Y (new-kind)');
    // No typed word at that place (the query changed under the answer): the kind and the recorded word.
    expect(wordText(word(5, 'Garrick', 'sounds'), '')).toBe('sounds like Garrick');
  });

  it('ranks kinds as evidence: exact and start of word strong, spelling and typo near, the rest weak', () => {
    expect(['exact', 'prefix'].map(strengthOf)).toEqual(['strong', 'strong']);
    expect(['variant', 'typo'].map(strengthOf)).toEqual(['near', 'near']);
    expect(['nickname', 'sounds', 'initial', 'partial'].map(strengthOf)).toEqual(['weak', 'weak', 'weak', 'weak']);
    expect(strengthOf('something-new')).toBe('near');
  });

  it('says a date fits, and warns with the recorded date first when it differs', () => {
    const fits = matchReason(match({ how: 'exact', words: [word(0, 'Garrick', 'exact')], dates: 'fits', datesNote: 'fits age 31 in 2010' }), 'Garrick born 1979')!;
    expect(fits.dateFits).toBe('date typed fits age 31 in 2010');
    expect(fits.dateDiffers).toBeNull();
    expect(fits.line).toBe('exact · date typed fits age 31 in 2010');

    const differs = matchReason(match({ how: 'sounds', words: [word(0, 'Garrick', 'sounds')], dates: 'differs', datesNote: 'recorded born 1985-02-11' }), 'Garik 1979')!;
    expect(differs.dateDiffers).toBe('recorded born 11 Feb 1985 — not the date typed');
    expect(differs.dateFits).toBeNull();
    expect(differs.line).toBe('sounds like · Garik sounds like Garrick · ⚠ recorded born 11 Feb 1985 — not the date typed');

    expect(differsText('recorded age 20 in 2010')).toBe('recorded age 20 in 2010 — not the date typed');
    expect(differsText('born 1979 against 1985-02-11')).toBe('dates differ: born 1979 against 11 Feb 1985');
    expect(differsText(null)).toBe('the recorded date differs from the one typed');
    expect(fitsText(null)).toBe('date fits');
    expect(matchReason(match({ dates: 'fits' }))!.dateFits).toBe('date fits');
    expect(humanDates('born 1985-02 and 1990-13-01')).toBe('born Feb 1985 and 1990-13-01');
  });

  it("falls back to the server's why line, less its date part, then to the field and how alone", () => {
    const r = matchReason(match({ how: 'sounds', words: [], why: 'Garrick (sounds like) · Grindlow (close spelling) · date fits age 31 in 2010', dates: 'fits', datesNote: 'fits age 31 in 2010' }))!;
    expect(r.words).toBe('Garrick (sounds like) · Grindlow (close spelling)');
    expect(r.dateFits).toBe('date typed fits age 31 in 2010');
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
