/** Labels on the plain map (web/src/chart/mapLabels.ts): none overlaps another label or a dot. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { placeLabels, shortPlaceLabel, type LabelPoint } from '../../web/src/chart/mapLabels';

const overlaps = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('placeLabels', () => {
  it('labels crowded places without overlaps, inside the map, the most important first', () => {
    const rng = seedrandom('map');
    const points: LabelPoint[] = Array.from({ length: 80 }, (_, i) => ({ id: `p${i}`, x: 20 + rng() * 560, y: 20 + rng() * 260, r: 5, text: `${i} Some Street`, priority: i === 7 ? 1000 : rng(), must: i === 7 }));
    const placed = placeLabels(points, 600, 300);
    expect(placed.length).toBeGreaterThan(10);
    expect(placed.length).toBeLessThan(points.length); // too crowded for all
    expect(placed.some((l) => l.id === 'p7')).toBe(true);
    for (const [i, a] of placed.entries()) {
      expect(a.box.x1).toBeGreaterThanOrEqual(0);
      expect(a.box.x2).toBeLessThanOrEqual(600);
      for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      for (const p of points) if (p.id !== a.id && a.id !== 'p7') expect(overlaps(a.box, { x1: p.x - p.r, y1: p.y - p.r, x2: p.x + p.r, y2: p.y + p.r })).toBe(false);
    }
  });

  it('labels every place when there is room', () => {
    const points: LabelPoint[] = [0, 1, 2].map((i) => ({ id: `p${i}`, x: 100 + i * 150, y: 100, r: 6, text: 'Park Lane', priority: 1 }));
    expect(placeLabels(points, 600, 300).map((l) => l.id).sort()).toEqual(['p0', 'p1', 'p2']);
  });

  it('shortens an address to its first part', () => {
    expect(shortPlaceLabel('14 Canal Street, Rotherham S60 1AA')).toBe('14 Canal Street');
    expect(shortPlaceLabel('A very long name of a takeaway on the corner', 20)).toBe('A very long name of…');
  });
});
