/**
 * Names written differently in whoIs and the duplicate review (server/modules/intake/likeness.ts,
 * contactQuery.ts, duplicateNames.ts): pure functions over the name data in data/names/.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, likeWords } from '../../server/modules/intake/likeness.js';
import { contactQuery, handsetMatch } from '../../server/modules/intake/contactQuery.js';
import { namesAlike, onlyNamesLine } from '../../server/modules/intake/duplicateNames.js';
import { contactKeys } from '../../server/domain/names/keys.js';
import { nameWords } from '../../server/domain/names/words.js';

describe('two name words as one name', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('khan', 'kahn')).toBe(1);
    expect(editDistance('moz', 'max')).toBe(2);
  });

  it('says how, strongest first, with no start-of-word match and sounds before typos', () => {
    expect(likeWords('moz', 'moz')).toBe('exact');
    expect(likeWords('mohamed', 'muhammad')).toBe('variant');
    expect(likeWords('mo', 'mohammed')).toBe('nickname');
    expect(likeWords('mo', 'moe')).toBe('nickname');
    expect(likeWords('moz', 'mozz')).toBe('sounds');
    expect(likeWords('marlow', 'marlowe')).toBe('sounds');
    expect(likeWords('dunmore', 'dunmpre')).toBe('typo'); // a slip that changes the sound
    expect(likeWords('s', 'stephen')).toBe('initial');
    expect(likeWords('moz', 'mozart')).toBeNull();
    expect(likeWords('taz', 'jaz')).toBeNull(); // three letters: one apart is another name
    expect(likeWords('john', 'jane')).toBeNull(); // coded alike, spelt apart
  });
});

describe('handset entries', () => {
  it('builds its query from our key alphabet only, the saved word weighing most', () => {
    expect(contactQuery(nameWords('Moz'))).toBe('+(wmoz^8 OR mms^2 OR d640000^2)');
    expect(contactQuery(nameWords('"Mo" OR *:*'))).toBe(contactQuery(nameWords('Mo or'))); // typed syntax is just words
    expect(contactQuery(nameWords('!!!'))).toBeNull();
    // What the query asks for is among the keys an entry stores.
    for (const [typed, saved] of [['Moz', 'Mozz 2'], ['Mohammed', 'Mo'], ['Mo', 'Moe']] as const) {
      const keys = new Set(contactKeys(saved));
      const terms = contactQuery(nameWords(typed))!.match(/[a-z][a-z0-9]+(?=\^|~| |\)|$)/g)!;
      expect(terms.some((t) => keys.has(t)), `${typed} → ${saved}`).toBe(true);
    }
  });

  it('explains an entry from its visible savedAs, or not at all', () => {
    expect(handsetMatch('Moz', 'Mozz 2')).toEqual({ how: 'sounds', why: 'saved as "Mozz 2": Mozz sounds like Moz' });
    expect(handsetMatch('Mohammed', 'Mo')).toEqual({ how: 'nickname', why: 'saved as "Mo": Mo short form of Mohammed' });
    expect(handsetMatch('taz', 'Taz new')).toEqual({ how: 'exact', why: 'saved as "Taz new"' });
    expect(handsetMatch('Big Moz', 'Moz')).toBeNull(); // every typed word must match
    expect(handsetMatch('Moz', undefined)).toBeNull(); // withheld: nothing to explain with
  });
});

describe('names alike for the duplicate review', () => {
  const p = (name: string, surname: string) => ({ name, surname });
  it('matches every word of the shorter name, surnames without short forms or initials', () => {
    expect(namesAlike(p('Stephen', 'Marlowe'), p('Steven', 'Marlow'))).toEqual({ how: 'sounds', words: 'Marlowe sounds like Marlow · Stephen another spelling of Steven' });
    expect(namesAlike(p('Mo', 'Khan'), p('Mohammed Ali', 'Khan'))).toEqual({ how: 'nickname', words: 'Mo short form of Mohammed' });
    expect(namesAlike(p('S.', 'Marlowe'), p('Steven', 'Marlow'))?.how).toBe('initial');
    expect(namesAlike(p('Stephen James', 'Marlowe'), p('Stephen', 'Marlowe'))).toEqual({ how: 'exact', words: '' });
    expect(namesAlike(p('Stephen', 'Marlowe'), p('Stephen', 'Barlow'))).toBeNull();
    expect(namesAlike(p('Stephen', 'Marlowe'), p('Stephen', 'M'))).toBeNull(); // a surname's initial is no surname
    expect(namesAlike(p('', 'Marlowe'), p('Stephen', 'Marlow'))).toBeNull(); // a surname alone is no name
  });

  it('says when only the names tie a pair', () => {
    expect(onlyNamesLine('sounds')).toBe('names only sound alike, no dates or other record to compare: check before merging');
  });
});
