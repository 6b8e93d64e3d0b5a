/** The printed sheet's pure parts: node shapes as SVG paths, the chart drawing, the sheet's title block and key. */
import { describe, expect, it } from 'vitest';
import type { Scene, SceneEdge, SceneNode } from '../../web/src/chart/chartScene';
import { edgePathData, fitLabel, imageTag, sceneSvg, svgOfDataUrl } from '../../web/src/chart/chartSvg';
import { NODE_SHAPES, shapePath } from '../../web/src/chart/nodeShapes';
import { PAGES, printedAt, sheetSvg } from '../../web/src/chart/printSheet';
import { fitLabelsForPrint, MIN_PT } from '../../web/src/chart/printLabels';

const coords = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

function node(id: string, kind: string, shape: string, x: number, y: number, extra: Partial<SceneNode> = {}): SceneNode {
  return {
    id, kind, x, y, w: 40, h: 40, shape, fill: '#7fb2f0', fillOpacity: 1,
    border: { width: 2, color: '#0b0e13', style: 'solid', opacity: 1 },
    images: [{ url: 'data:image/svg+xml;utf8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E', w: 0.7, h: 0.7 }],
    underlay: null, outline: null, label: `Label ${id}`, labelColor: 'rgb(231, 236, 242)', fontSize: 13, fontWeight: 'normal', fontStyle: 'normal',
    labelAt: 'bottom', labelSide: 'center', labelMaxWidth: 170, labelMargin: 5, labelMarginX: 0, opacity: 1, isGroup: false, ...extra,
  };
}
const edge = (id: string, points: SceneEdge['points'], extra: Partial<SceneEdge> = {}): SceneEdge => ({
  id, points, curve: 'straight', width: 2, color: '#5f6f84', lineStyle: 'solid', dash: [], opacity: 1,
  targetArrow: { shape: 'triangle', color: '#5f6f84', size: 29 }, sourceArrow: null, label: 'lives with', labelColor: '#b3bfcd', fontSize: 9,
  mid: { x: (points[0]!.x + points[points.length - 1]!.x) / 2, y: (points[0]!.y + points[points.length - 1]!.y) / 2 }, ...extra,
});

describe('node shapes', () => {
  it('draws every Cytoscape node shape as a closed path within the node box', () => {
    for (const shape of NODE_SHAPES) {
      const d = shapePath(shape, 100, 50, 40, 30);
      expect(d, shape).toMatch(/^M/);
      expect(d.trim().endsWith('Z'), shape).toBe(true);
      const xs = coords(d.replace(/A[^A-Z]*/g, ''));
      // Every coordinate lies inside the 40 x 30 box around (100, 50) (arcs' radii aside).
      for (let i = 0; i < xs.length; i += 2) {
        expect(xs[i]!, `${shape} x`).toBeGreaterThanOrEqual(79.9);
        expect(xs[i]!, `${shape} x`).toBeLessThanOrEqual(120.1);
        expect(xs[i + 1]!, `${shape} y`).toBeGreaterThanOrEqual(34.9);
        expect(xs[i + 1]!, `${shape} y`).toBeLessThanOrEqual(65.1);
      }
    }
  });

  it('gives rounded shapes curves and plain polygons straight sides', () => {
    expect(shapePath('round-diamond', 0, 0, 40, 40)).toContain('Q');
    expect(shapePath('diamond', 0, 0, 40, 40)).not.toContain('Q');
    expect(shapePath('ellipse', 0, 0, 40, 40)).toContain('A');
    expect(shapePath('no-such-shape', 0, 0, 40, 40)).toContain('A');
  });
});

describe('the chart drawing', () => {
  it('follows Cytoscape\'s bezier: quadratic curves through the control points', () => {
    expect(edgePathData([{ x: 0, y: 0 }, { x: 10, y: 0 }], 'straight')).toBe('M0 0 L10 0');
    expect(edgePathData([{ x: 0, y: 0 }, { x: 5, y: 5 }, { x: 10, y: 0 }], 'bezier')).toBe('M0 0 Q5 5 10 0');
    expect(edgePathData([{ x: 0, y: 0 }, { x: 2, y: 4 }, { x: 8, y: 4 }, { x: 10, y: 0 }], 'bezier')).toBe('M0 0 Q2 4 5 4 Q8 4 10 0');
  });

  it('inlines SVG pictures from data URIs (percent-encoded or base64) and keeps other pictures as images', () => {
    const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path d="M1 1L23 23"/></svg>';
    expect(svgOfDataUrl(`data:image/svg+xml;utf8,${encodeURIComponent(icon)}`)).toBe(icon);
    expect(svgOfDataUrl(`data:image/svg+xml;base64,${btoa(icon)}`)).toBe(icon);
    expect(svgOfDataUrl('data:image/png;base64,AAAA')).toBeNull();
    const tag = imageTag(`data:image/svg+xml;utf8,${encodeURIComponent(icon)}`, 10, 20, 30, 30);
    expect(tag).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" x="10" y="20" width="30" height="30" preserveAspectRatio="xMidYMid meet"><path d="M1 1L23 23"/></svg>');
    expect(imageTag('https://example.org/a.png', 0, 0, 5, 5)).toContain('<image xlink:href="https://example.org/a.png"');
  });

  it('cuts long labels with an ellipsis', () => {
    expect(fitLabel('Short', 13, 170)).toBe('Short');
    const cut = fitLabel('A very long name of a place that will never fit in the label box', 13, 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(30);
  });

  it('draws each node with its shape, image and label in dark ink, and links with arrows and words', () => {
    const scene: Scene = {
      bounds: { x1: -50, y1: -50, x2: 250, y2: 100 },
      groups: [],
      nodes: [node('a', 'Person', 'ellipse', 0, 0), node('b', 'Incident', 'round-diamond', 200, 0, { border: { width: 6, color: '#5ee6ff', style: 'double', opacity: 1 } })],
      edges: [edge('e1', [{ x: 20, y: 0 }, { x: 180, y: 0 }], { lineStyle: 'dashed', dash: [8, 5] })],
    };
    const svg = sceneSvg(scene);
    expect(svg).toContain('data-kind="Person" d="M');
    expect(svg).toContain('data-shape="round-diamond"');
    // Glyphs are inlined as nested SVG (vector in the PDF, nothing to load).
    expect((svg.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" x="/g) ?? []).length).toBe(2);
    expect(svg).not.toContain('<image');
    expect(svg).toContain('stroke-dasharray="8 5"');
    expect(svg).toContain('>lives with</text>');
    // The dark theme's light label colour becomes ink on paper.
    expect(svg).toContain('fill="#17202a">Label a</text>');
    expect(svg).not.toContain('rgb(231, 236, 242)');
  });
});

describe('the sheet', () => {
  const scene: Scene = { bounds: { x1: 0, y1: 0, x2: 400, y2: 300 }, groups: [], nodes: [node('a', 'Person', 'ellipse', 50, 50)], edges: [] };
  const meta = { title: 'Operation Central: suspects', author: 'analyst1', when: new Date('2026-12-02T01:45:00Z'), marking: 'OFFICIAL-SENSITIVE' };

  it('has the marking top and bottom, the title, date, author and key on a white page', () => {
    const legend = [{ label: 'Person', swatch: { type: 'shape' as const, shape: 'ellipse', fill: '#7fb2f0', border: '#000', borderStyle: 'solid', images: [] } }];
    const { svg, width, height } = sheetSvg(scene, legend, meta, { page: PAGES.A3 });
    expect(width).toBeCloseTo(1190.55);
    expect(height).toBeCloseTo(841.89);
    expect((svg.match(/>OFFICIAL-SENSITIVE</g) ?? []).length).toBe(2);
    expect(svg).toContain('>Operation Central: suspects<');
    expect(svg).toContain('Printed 2 Dec 2026 01:45 UTC by analyst1');
    expect(svg).toContain('>Key<');
    expect(svg).toContain('>Person<');
    expect(svg).toContain('fill="#ffffff"/>');
  });

  it('is well-formed: no element repeats an attribute (a browser would refuse the whole picture)', () => {
    const legend = [{ label: 'Hotspot', swatch: { type: 'halo' as const, color: '#ff5252' } }, { label: 'Link', swatch: { type: 'line' as const, color: '#5f6f84', width: 2, style: 'dashed' as const } }];
    const full: Scene = { ...scene, edges: [edge('e', [{ x: 0, y: 0 }, { x: 50, y: 50 }])], nodes: [node('a', 'Person', 'ellipse', 50, 50, { underlay: { color: '#f00', padding: 5, opacity: 0.5 }, outline: { color: '#ff0', width: 3, offset: 2 } })] };
    const { svg } = sheetSvg(full, legend, meta);
    for (const tag of svg.match(/<[a-z][^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/\s([\w:-]+)="/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }
  });

  it('escapes what the user typed', () => {
    const { svg } = sheetSvg(scene, [], { ...meta, title: '<script>x</script> & co' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
  });

  it('without a paper size is A4-wide and as tall as a tall chart needs', () => {
    const tall: Scene = { ...scene, bounds: { x1: 0, y1: 0, x2: 200, y2: 2000 } };
    const { width, height } = sheetSvg(tall, [], meta);
    expect(width).toBeCloseTo(PAGES.A4.width);
    expect(height).toBeGreaterThan(PAGES.A4.height);
    expect(printedAt(new Date('2026-01-05T09:03:00Z'))).toBe('5 Jan 2026 09:03 UTC');
  });
});

describe('labels on paper', () => {
  it('are sized for the sheet whatever the screen zoom was, and never overlap', () => {
    const scene: Scene = {
      bounds: { x1: 0, y1: 0, x2: 400, y2: 100 },
      groups: [],
      edges: [],
      nodes: [
        node('a', 'Person', 'ellipse', 0, 0, { labelSide: 'right', labelAt: 'center', fontSize: 26, labelMaxWidth: 176, labelMarginX: 10 }),
        node('b', 'Person', 'ellipse', 30, 0, { labelSide: 'right', labelAt: 'center', fontSize: 26, labelMaxWidth: 176, labelMarginX: 10 }),
        node('c', 'Person', 'ellipse', 0, 300, { labelSide: 'right', labelAt: 'center', fontSize: 26, labelMaxWidth: 176, labelMarginX: 10 }),
      ],
    };
    // The screen had zoomed out (labels twice their size); the sheet prints at 0.25 pt per unit.
    const left = fitLabelsForPrint(scene, 2, 0.25);
    expect(scene.nodes[0]!.fontSize * 0.25).toBeCloseTo(MIN_PT);
    expect(left).toBe(1);
    // a's name, to its right, would run over b: it is the one left out.
    expect(scene.nodes.filter((n) => n.label).map((n) => n.id).sort()).toEqual(['b', 'c']);
  });
});
