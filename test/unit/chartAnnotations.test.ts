/**
 * A saved chart's notes and arrows (the owner's writing) reach another user of the owner's agency,
 * and nobody outside it, like the names of its groups.
 */
import { describe, expect, it } from 'vitest';
import { viewStateForOthers } from '../../server/modules/charts/resolvers.js';

describe('saved chart notes for other users', () => {
  const state = {
    version: 1,
    positions: { p1: [0, 0] },
    annotations: { notes: [{ id: 'note:1', text: 'Seen at the garage', x: 1, y: 2 }], arrows: [{ id: 'arrow:1', from: { kind: 'note', id: 'note:1' }, to: { kind: 'entity', id: 'p1' } }] },
  };
  it('go to the same agency', () => {
    expect(viewStateForOthers(state, true).annotations).toEqual(state.annotations);
  });
  it('never to another agency', () => {
    const out = viewStateForOthers(state, false);
    expect(out.annotations).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('garage');
  });
});
