/**
 * Big charts' decisions (web/src/chart/bigChart.ts): which renderer for how many elements (with a
 * band between the two bounds where the chart keeps the one it has), how chunks grow or shrink
 * with the time the last one took, the order that makes every chunk valid on its own, and the
 * canvas renderer's rule for drawing a label at a zoom, which WebGL mode is given.
 */
import { describe, expect, it } from 'vitest';
import {
  CANVAS_AT_OR_BELOW,
  CHUNK_BUDGET_MS,
  chunkFloor,
  labelDrawn,
  labelZoom,
  MAX_CHUNK,
  MAX_CHUNKS,
  MIN_CHUNK,
  nextChunkSize,
  orderForAdding,
  renderModeFor,
  WEBGL_ABOVE,
  type ElementDef,
} from '../../web/src/chart/bigChart';

describe('renderModeFor', () => {
  it('draws small charts with canvas and big ones with WebGL', () => {
    expect(renderModeFor(0, 'canvas')).toBe('canvas');
    expect(renderModeFor(1_000, 'canvas')).toBe('canvas');
    expect(renderModeFor(WEBGL_ABOVE, 'canvas')).toBe('canvas');
    expect(renderModeFor(WEBGL_ABOVE + 1, 'canvas')).toBe('webgl');
    expect(renderModeFor(20_000, 'canvas')).toBe('webgl');
  });

  it('keeps the renderer it has between the bounds, so a chart about one size does not flip', () => {
    expect(CANVAS_AT_OR_BELOW).toBeLessThan(WEBGL_ABOVE);
    const between = Math.round((CANVAS_AT_OR_BELOW + WEBGL_ABOVE) / 2);
    expect(renderModeFor(between, 'canvas')).toBe('canvas');
    expect(renderModeFor(between, 'webgl')).toBe('webgl');
    expect(renderModeFor(CANVAS_AT_OR_BELOW + 1, 'webgl')).toBe('webgl');
    expect(renderModeFor(CANVAS_AT_OR_BELOW, 'webgl')).toBe('canvas');
    expect(renderModeFor(0, 'webgl')).toBe('canvas');
  });
});

describe('nextChunkSize', () => {
  it('fits the budget at the rate the last chunk went', () => {
    // 1,000 in 80 ms is 12.5 per ms: 40 ms fits 500.
    expect(nextChunkSize(1_000, 80, 40)).toBe(500);
    expect(CHUNK_BUDGET_MS).toBeLessThan(200);
    expect(nextChunkSize(1_000, 40, 40)).toBe(1_000);
  });

  it('grows at most twofold, never below the minimum nor above the maximum', () => {
    expect(nextChunkSize(1_000, 1, 40)).toBe(2_000);
    expect(nextChunkSize(1_000, 0, 40)).toBe(2_000);
    expect(nextChunkSize(3_000, 1, 40)).toBe(MAX_CHUNK);
    expect(nextChunkSize(1_000, 10_000, 40)).toBe(MIN_CHUNK);
    expect(nextChunkSize(1_000, 80)).toBe(Math.floor((1_000 * CHUNK_BUDGET_MS) / 80));
  });
});

describe('chunkFloor', () => {
  it('keeps a big chart to about MAX_CHUNKS chunks, a smaller one to chunks of at least the minimum', () => {
    expect(chunkFloor(20_000)).toBe(Math.ceil(20_000 / MAX_CHUNKS));
    expect(Math.ceil(20_000 / chunkFloor(20_000))).toBeLessThanOrEqual(MAX_CHUNKS);
    expect(chunkFloor(1_600)).toBe(MIN_CHUNK);
    expect(nextChunkSize(5_000, 10_000, 40, chunkFloor(100_000), 10_000)).toBe(chunkFloor(100_000));
  });
});

describe('orderForAdding', () => {
  const node = (id: string, parent?: string): ElementDef => ({ group: 'nodes', data: parent ? { id, parent } : { id } });
  const edge = (id: string, source: string, target: string): ElementDef => ({ group: 'edges', data: { id, source, target } });

  it('puts nodes before links, keeping the given order otherwise', () => {
    const defs = [edge('e1', 'a', 'b'), node('a'), edge('e2', 'b', 'c'), node('b'), node('c')];
    expect(orderForAdding(defs).map((d) => d.data.id)).toEqual(['a', 'b', 'c', 'e1', 'e2']);
  });

  it('knows a link without a group by its ends', () => {
    const defs: ElementDef[] = [{ data: { id: 'e', source: 'a', target: 'b' } }, { data: { id: 'a' } }, { data: { id: 'b' } }];
    expect(orderForAdding(defs).map((d) => d.data.id)).toEqual(['a', 'b', 'e']);
  });

  it('puts a parent before the nodes inside it, outermost first', () => {
    const defs = [node('x', 'inner'), node('inner', 'outer'), node('y'), node('outer'), edge('e', 'x', 'y')];
    const order = orderForAdding(defs).map((d) => d.data.id);
    expect(order.indexOf('outer')).toBeLessThan(order.indexOf('inner'));
    expect(order.indexOf('inner')).toBeLessThan(order.indexOf('x'));
    expect(order.at(-1)).toBe('e');
    expect(order).toHaveLength(5);
  });

  it('does not loop on a parent cycle (bad input is still ordered)', () => {
    const defs = [node('a', 'b'), node('b', 'a')];
    expect(orderForAdding(defs).map((d) => d.data.id).sort()).toEqual(['a', 'b']);
  });

  it('does not change the array it is given', () => {
    const defs = [edge('e', 'a', 'b'), node('a'), node('b')];
    orderForAdding(defs);
    expect(defs.map((d) => d.data.id)).toEqual(['e', 'a', 'b']);
  });
});

describe('labelDrawn', () => {
  // The app's node names: 13 px, not drawn under 7 px on screen (web/src/chart/style.ts).
  const name = { label: 'Garrick Grindlow', fontSize: 13, minZoomedFontSize: 7, textOpacity: 1 };

  it('draws a name once it is big enough on screen, as the canvas renderer does', () => {
    expect(labelDrawn(name, 0.1)).toBe(false);
    expect(labelDrawn(name, 0.5)).toBe(false);
    expect(labelDrawn(name, 7 / 13)).toBe(true);
    expect(labelDrawn(name, 1.5)).toBe(true);
    expect(labelZoom(13, 7)).toBeCloseTo(7 / 13);
  });

  it('draws no empty label and no hidden one, at any zoom', () => {
    expect(labelDrawn({ ...name, label: '' }, 4)).toBe(false);
    expect(labelDrawn({ ...name, label: undefined }, 4)).toBe(false);
    expect(labelDrawn({ ...name, textOpacity: 0 }, 4)).toBe(false);
  });

  it('draws a label with no minimum (a selected entity) at every zoom', () => {
    expect(labelDrawn({ ...name, minZoomedFontSize: 0 }, 0.05)).toBe(true);
    expect(labelZoom(0, 7)).toBe(Infinity);
  });
});
