/** A saved chart's view state as another user gets it (server/modules/charts/resolvers.ts). */
import { describe, expect, it } from 'vitest';
import { viewStateForOthers } from '../../server/modules/charts/resolvers.js';

describe('view state for others', () => {
  const state = {
    version: 1,
    positions: { 'per-1': [1, 2] },
    groups: [{ id: 'g1', label: 'Zebedee Heldwright and friends', members: ['per-1'] }],
    notes: 'YP02 missing from home; found at Riverside car park.',
    labels: { 'inc-0024': 'YP02 missing' },
  };

  it('keeps only the parts of a view state, never free text a client put beside them', () => {
    const out = viewStateForOthers(state, true);
    expect(Object.keys(out).sort()).toEqual(['groups', 'positions', 'version']);
    expect(JSON.stringify(out)).not.toContain('YP02');
    expect((out.groups as { label: string }[])[0]!.label).toBe('Zebedee Heldwright and friends');
  });

  it('gives group names only within the owner agency', () => {
    const out = viewStateForOthers(state, false);
    expect(out.groups).toEqual([{ id: 'g1', label: 'Group 1', members: ['per-1'] }]);
    expect(viewStateForOthers('not a state', false)).toEqual({});
  });
});
