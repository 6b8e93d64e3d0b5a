/** New entities dropped onto a box they are not in are moved just outside it (chart/keepOutOfBoxes.ts). */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { keepOutOfBoxes } from '../../web/src/chart/keepOutOfBoxes';

function chart() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 20, height: 20 } }] });
  cy.add([
    { data: { id: 'box', isGroup: true } },
    { data: { id: 'm1', parent: 'box' }, position: { x: 0, y: 0 } },
    { data: { id: 'm2', parent: 'box' }, position: { x: 200, y: 100 } },
    { data: { id: 'other', isGroup: true } },
    { data: { id: 'o1', parent: 'other' }, position: { x: 400, y: 0 } },
    { data: { id: 'o2', parent: 'other' }, position: { x: 460, y: 100 } },
  ]);
  return cy;
}

const within = (cy: cytoscape.Core, id: string, box: string) => {
  const b = cy.getElementById(box).boundingBox({ includeLabels: false });
  const p = cy.getElementById(id).position();
  return p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;
};

describe('keepOutOfBoxes', () => {
  it('moves a new entity out of a box it is not a member of, across the nearest edge', () => {
    const cy = chart();
    const added = cy.add({ data: { id: 'new' }, position: { x: 190, y: 50 } });
    expect(within(cy, 'new', 'box')).toBe(true);
    expect(keepOutOfBoxes(cy, added)).toBeGreaterThan(0);
    expect(within(cy, 'new', 'box')).toBe(false);
    expect(within(cy, 'new', 'other')).toBe(false);
    // Nearest edge: the right one (x2 is about 210), not the far left.
    expect(cy.getElementById('new').position().x).toBeGreaterThan(200);
  });

  it('leaves members, locked entities and entities already outside where they are', () => {
    const cy = chart();
    const outside = cy.add({ data: { id: 'free' }, position: { x: 100, y: 400 } });
    const pinned = cy.add({ data: { id: 'pinned' }, position: { x: 100, y: 50 } }).lock();
    const before = { m1: { ...cy.getElementById('m1').position() }, free: { ...outside.position() }, pinned: { ...pinned.position() } };
    expect(keepOutOfBoxes(cy, cy.nodes(['#m1', '#free', '#pinned'].join(',')))).toBe(0);
    expect(cy.getElementById('m1').position()).toEqual(before.m1);
    expect(outside.position()).toEqual(before.free);
    expect(pinned.position()).toEqual(before.pinned);
  });
});
