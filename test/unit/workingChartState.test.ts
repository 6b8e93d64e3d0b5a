/** The working chart's view state as it goes back to its owner: kept to the elements that came back. */
import { describe, expect, it } from 'vitest';
import { stateForElements } from '../../server/modules/charts/workingChart.js';

describe('stateForElements', () => {
  it('drops positions, hidden, pinned and group members of elements no longer shown, and empty groups', () => {
    const state = {
      version: 1,
      positions: { a: [1, 2], gone: [3, 4] },
      hidden: ['a', 'gone', 'KNOWS:a:b', 'KNOWS:a:gone'],
      pinned: ['gone'],
      groups: [
        { id: 'g1', label: 'Kept', members: ['a', 'gone'] },
        { id: 'g2', label: 'Only gone', members: ['gone'] },
      ],
      viewport: { zoom: 2, pan: { x: 0, y: 0 } },
    };
    expect(stateForElements(state, new Set(['a', 'b']), new Set(['KNOWS:a:b']))).toEqual({
      version: 1,
      positions: { a: [1, 2] },
      hidden: ['a', 'KNOWS:a:b'],
      pinned: [],
      groups: [{ id: 'g1', label: 'Kept', members: ['a'] }],
      viewport: { zoom: 2, pan: { x: 0, y: 0 } },
    });
  });

  it('answers anything that is not a state object with an empty one', () => {
    for (const s of [null, [], 'x', 3]) expect(stateForElements(s, new Set(), new Set())).toEqual({});
  });
});
