import { describe, expect, it } from 'vitest';
import { nameWords } from '../../server/domain/names/words.js';
import { soundAlike, soundCodes } from '../../server/domain/names/phonetic.js';
import { equivalence, parseGroups } from '../../server/domain/names/equivalents.js';
import { wordMatch } from '../../server/domain/names/match.js';
import { personNameKeys, nameKeysQuery, contactKeys } from '../../server/domain/names/keys.js';
import { readTypedDate, typedDateFit, recordedDatesAgree } from '../../server/domain/names/dates.js';
import { explainText } from '../../server/modules/search/explain.js';
import { buildEntity } from '../../server/domain/entity.js';

const person = (props: Record<string, unknown>) => buildEntity('p-1', ['Entity', 'Person'], props);

describe('name words', () => {
  it('folds scripts, accents and apostrophes, and splits at the rest', () => {
    expect(nameWords("Seán O'Neill-Hay")).toEqual(['sean', 'oneill', 'hay']);
    expect(nameWords('Мухаммад')).toEqual(['mukhammad']);
    expect(nameWords('G. Grindlow')).toEqual(['g', 'grindlow']);
  });
});

describe('sound codes', () => {
  it('hears spellings of one name alike, and not different names', () => {
    expect(soundAlike('garik', 'garrick')).toBe(true);
    expect(soundAlike('stephen', 'stefan')).toBe(true);
    expect(soundAlike('kowalski', 'kovalsky')).toBe(true);
    expect(soundAlike('grindlow', 'kettleby')).toBe(false);
    // Both KRNT to Double Metaphone, which keeps four sounds; too far apart to be one name.
    expect(soundAlike('quarndon', 'grindlow')).toBe(false);
  });
  it('says nothing for words too short to carry a sound', () => {
    expect(soundCodes('mo')).toEqual({ metaphone: [], dm: [] });
  });
});

describe('name groups', () => {
  const groups = parseGroups('# test\nrobert\t\tbob rob robbie\nmohammed\tmuhammad mohamed\tmo\n');
  it('tells another spelling from a short form', () => {
    expect(equivalence('muhammad', 'mohamed', groups)).toBe('variant');
    expect(equivalence('bob', 'robert', groups)).toBe('nickname');
    expect(equivalence('robert', 'bob', groups)).toBe('nickname');
    expect(equivalence('bob', 'rob', groups)).toBe('nickname');
    expect(equivalence('mo', 'muhammad', groups)).toBe('nickname');
    expect(equivalence('bob', 'mo', groups)).toBeNull();
  });
});

describe('word matches from the strongest to the weakest', () => {
  it.each([
    ['grindlow', 'grindlow', 'exact'],
    ['grind', 'grindlow', 'prefix'],
    ['grindlw', 'grindlow', 'sounds'],
    ['brindlow', 'grindlow', 'typo'],
    ['g', 'garrick', 'initial'],
    ['garrick', 'g', 'initial'],
    ['garik', 'garrick', 'sounds'],
    ['stefan', 'stephen', 'variant'],
    ['bob', 'robert', 'nickname'],
    ['h', 'garrick', null],
    ['kettleby', 'grindlow', null],
  ] as const)('%s → %s: %s', (typed, stored, how) => {
    expect(wordMatch(typed, stored, true)).toBe(how);
  });
  it('keeps names the files know apart, whatever they sound like', () => {
    expect(wordMatch('stephen', 'stephanie', true)).toBeNull();
    expect(wordMatch('daniel', 'danielle', true)).toBeNull();
    expect(wordMatch('dan', 'daniel', true)).toBe('prefix');
  });
  it('reads a misspelt name as the name it is a typo of, with its short forms', () => {
    expect(wordMatch('robret', 'bobby', true)).toBe('nickname');
    expect(wordMatch('daneil', 'danny', true)).toBe('nickname');
    expect(nameKeysQuery(['robret'])).toContain('grobert');
  });
  it('says a short form rather than a typo', () => {
    expect(wordMatch('ezekiel', 'zeke', true)).toBe('nickname');
    expect(wordMatch('abraham', 'bram', true)).toBe('nickname');
  });
  it('joins O, Mc and Mac written apart', () => {
    expect(explainText('Catherine O Neill', person({ name: 'Catherine', surname: "O'Neill" }))?.how).toBe('exact');
    expect(explainText('Sean Mc Donagh', person({ name: 'Sean', surname: 'McDonagh' }))?.how).toBe('exact');
    expect(explainText('Shaun MacBrannock', person({ name: 'Shaun', surname: 'Mac Brannock' }))?.how).toBe('exact');
  });
  it('leaves surname particles out of the decision', () => {
    expect(explainText('Al-Harazi', person({ name: 'Tariq', surname: 'Harazi' }))?.how).toBe('exact');
    expect(explainText('Ahmet Al Harazi', person({ name: 'Ahmet', surname: 'El-Harazi' }))?.how).toBe('exact');
    expect(explainText('Ahmad Al-Harazi', person({ name: 'Ahmad', surname: 'Alharazi' }))?.how).toBe('exact');
    expect(explainText('Alharazi', person({ name: 'Ahmad', surname: 'Al Harazi' }))?.how).toBe('exact');
    expect(personNameKeys({ surname: 'Alharazi' })).toContain('wharazi');
  });
  it('matches only by spelling in fields that are not names', () => {
    expect(wordMatch('stefan', 'stephen', false)).toBeNull();
    expect(wordMatch('g', 'garrick', false)).toBe('prefix');
  });
});

describe('search keys', () => {
  it('keys every word of the names, and a typed word finds them through one of its own', () => {
    const keys = personNameKeys({ name: 'Garrick', surname: 'Grindlow', aliases: ['Gaz'] });
    expect(keys).toContain('wgarrick');
    expect(keys).toContain('igrindlow'.slice(0, 2));
    expect(keys).toContain('wgaz');
    const q = nameKeysQuery(['garik', 'g'])!;
    expect(q).toMatch(/^\+\(wgarik\^4 OR .*mkrk.*\) \+ig$/);
    // Every clause is built from the key alphabet: nothing typed survives as Lucene syntax.
    expect(nameKeysQuery(nameWords('a:b OR "c" ~*'))).not.toMatch(/[:"~*](?!\^|\d| OR|\))/);
  });
  it('keys a handset nickname by its words', () => {
    expect(contactKeys('Moz 2')).toContain('wmoz');
  });
});

describe('dates typed with a name', () => {
  it('reads a year, a whole date and the words that announce them', () => {
    expect(readTypedDate('Steve Marlow born 1979')).toMatchObject({ rest: 'Steve Marlow', date: { year: 1979, dob: null } });
    expect(readTypedDate('Marlow 12/03/1979')).toMatchObject({ rest: 'Marlow', date: { year: 1979, dob: '1979-03-12' } });
    expect(readTypedDate('Marlow b. 1979-03-12')).toMatchObject({ rest: 'Marlow', date: { dob: '1979-03-12' } });
    expect(readTypedDate('1979')).toBeNull();
    expect(readTypedDate('Robert Harkness 2 March 1979')).toMatchObject({ rest: 'Robert Harkness', date: { dob: '1979-03-02' } });
    expect(readTypedDate('Calloway March 1995')).toMatchObject({ rest: 'Calloway', date: { year: 1995, dob: null } });
    expect(readTypedDate('Oxtoby born 1984-02')).toMatchObject({ rest: 'Oxtoby', date: { year: 1984 } });
    const aged = readTypedDate('Robert Harkness aged 47')!;
    expect(aged.rest).toBe('Robert Harkness');
    expect(aged.date.to - aged.date.from).toBe(1);
    expect(readTypedDate('Marlow')).toBeNull();
  });
  it('fits a year to an age recorded on a date, and tells different births apart', () => {
    const typed = readTypedDate('x born 1979')!.date;
    expect(typedDateFit(typed, { age: 31, ageOn: '2010-05-01' })).toEqual({ fit: 'fits', note: 'fits age 31 in 2010' });
    expect(typedDateFit(typed, { dob: '1985-02-11' })).toEqual({ fit: 'differs', note: 'recorded born 1985-02-11' });
    expect(typedDateFit(typed, { dob: '1985-02-11' })?.fit).toBe('differs');
    expect(typedDateFit(typed, { age: 31 })).toBeNull();
    expect(recordedDatesAgree({ dob: '1979-03-01' }, { age: 31, ageOn: '2010-05-01' })?.fit).toBe('fits');
    expect(recordedDatesAgree({ dob: '1979-03-01' }, { dob: '1991-07-02' })?.fit).toBe('differs');
  });
});

describe('explaining a hit from what the caller sees', () => {
  it('says per word how it matched, in any order, with the date', () => {
    const m = explainText('Grindlw Garik', person({ name: 'Garrick', surname: 'Grindlow', age: 31, ageOn: '2010-05-01' }), readTypedDate('x born 1979')!.date)!;
    expect(m.how).toBe('sounds');
    // Typed words by their place, never echoed (WordMatch in explain.ts).
    expect(m.words.map((w) => [w.at, w.matched, w.how])).toEqual([
      [0, 'Grindlow', 'sounds'],
      [1, 'Garrick', 'sounds'],
    ]);
    expect(m.dates).toBe('fits');
    expect(m.datesNote).toBe('fits age 31 in 2010');
    expect(m.why).toBe('Grindlow (sounds like) · Garrick (sounds like) · date fits age 31 in 2010');
  });
  it('needs every typed word in a visible field', () => {
    expect(explainText('Garrick Moxley', person({ name: 'Garrick', surname: 'Grindlow' }))).toBeNull();
  });
  it('a middle name the record lacks, or one the analyst left out', () => {
    const lacks = explainText('Garrick Owen Grindlow', person({ name: 'Garrick', surname: 'Grindlow' }))!;
    expect(lacks.how).toBe('partial');
    expect(lacks.why).toBe('Garrick exact · Grindlow exact · a middle name not recorded');
    expect(lacks.why).not.toContain('Owen');
    expect(explainText('Garrick Grindlow', person({ name: 'Garrick Owen', surname: 'Grindlow' }))!.how).toBe('exact');
    expect(explainText('Owen Garrick Smith', person({ name: 'Garrick', surname: 'Grindlow' }))).toBeNull();
    expect(nameKeysQuery(['garrick', 'owen', 'grindlow'])).toMatch(/^\+\(wgarrick.* \(wowen.* \+\(wgrindlow/);
  });
  it('an initial is of another name than the one the surname took', () => {
    expect(explainText('G. Grindlow', person({ name: 'Marlon', surname: 'Grindlow' }))).toBeNull();
  });
  it('an initial with a surname', () => {
    const m = explainText('G. Grindlow', person({ name: 'Garrick', surname: 'Grindlow' }))!;
    expect(m.how).toBe('initial');
    expect(m.why).toBe('Garrick (initial) · Grindlow exact');
  });
});
