/**
 * A chart that reads, without a browser: which labels fit (pure), link types in words (every
 * vocabulary type), the operation's boxes by disposition and their arrangement, and layouts that give
 * the same picture for the same chart (fcose on a headless Cytoscape, elements in any order).
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '../../server/domain/vocabulary';
import { arrangeBands, CELL_H, CELL_W, walkOrder } from '../../web/src/chart/bandLayout';
import { hierarchyPositions, rowCapacity } from '../../web/src/chart/hierarchy';
import { computeLayout, type LayoutInput } from '../../web/src/chart/layoutCore';
import { legendContent, legendFacts, NO_FACTS } from '../../web/src/chart/legend';
import { fitLabels, labelScale, overlaps, type Box, type LabelCandidate } from '../../web/src/chart/labels';
import { linkWords, LINK_WORDS } from '../../web/src/chart/linkWords';
import { bandOf, boxOperation, planBoxes } from '../../web/src/chart/operationBoxes';
import { inIdOrder, withSeededRandom } from '../../web/src/chart/seeded';
import { chartStyle } from '../../web/src/chart/style';

cytoscape.use(fcose);

const box = (x: number, y: number, w: number, h: number): Box => ({ x1: x, y1: y, x2: x + w, y2: y + h });
const label = (id: string, x: number, y: number, priority = 0, w = 60, h = 12): LabelCandidate => ({ id, box: box(x, y, w, h), priority });

describe('label fitting', () => {
  it('draws every label when none overlap, and no two overlapping ones', () => {
    const spread = [label('a', 0, 0), label('b', 100, 0), label('c', 0, 50)];
    expect([...fitLabels(spread, [])].sort()).toEqual(['a', 'b', 'c']);

    const crowded = [label('a', 0, 0, 1), label('b', 30, 5, 2), label('c', 200, 0, 0)];
    const shown = fitLabels(crowded, []);
    expect([...shown].sort()).toEqual(['b', 'c']);
  });

  it('places by priority, ties by id, so the same chart shows the same names', () => {
    const tie = [label('zed', 0, 0), label('amy', 10, 0)];
    expect([...fitLabels(tie, [])]).toEqual(['amy']);
    expect([...fitLabels([...tie].reverse(), [])]).toEqual(['amy']);
  });

  it('never lets a label cover another node, but a node never hides its own label', () => {
    const candidates = [label('n1', 0, 0), label('n2', 200, 0)];
    const bodies = [
      { box: box(-20, -5, 20, 20), owner: 'n1' },
      { box: box(40, 0, 20, 20), owner: 'n3' },
    ];
    expect([...fitLabels(candidates, bodies)]).toEqual(['n2']);
  });

  it('keeps the gap asked for, and leaves out labels outside the view', () => {
    const near = [label('a', 0, 0), label('b', 62, 0)];
    expect(fitLabels(near, [], 0).size).toBe(2);
    expect(fitLabels(near, [], 6).size).toBe(1);
    expect([...fitLabels(near, [], 0, box(-10, -10, 50, 50))]).toEqual(['a']);
  });

  it('result never has overlapping boxes, on a thousand random labels, in linear-ish time', () => {
    const rnd = withSeededRandom(() => Array.from({ length: 4000 }, () => Math.random()));
    const many = Array.from({ length: 1000 }, (_, i) => label(`l${i}`, (rnd[i * 4] as number) * 2000, (rnd[i * 4 + 1] as number) * 1200, rnd[i * 4 + 2] as number, 40 + (rnd[i * 4 + 3] as number) * 80));
    const started = performance.now();
    const shown = fitLabels(many, []);
    expect(performance.now() - started).toBeLessThan(200);
    const boxes = many.filter((c) => shown.has(c.id)).map((c) => c.box);
    expect(boxes.length).toBeGreaterThan(100);
    let clashes = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i] as Box, boxes[j] as Box)) clashes++;
    expect(clashes).toBe(0);
  });

  it('labels grow in model units only when zoomed out, within bounds', () => {
    expect(labelScale(1)).toBe(1);
    expect(labelScale(2)).toBe(1);
    expect(labelScale(0.35)).toBeCloseTo(2);
    expect(labelScale(0.01)).toBe(3);
  });
});

describe('link words', () => {
  it('every vocabulary link type has words, none of them a code', () => {
    for (const t of LINK_TYPES) {
      const w = LINK_WORDS[t];
      expect(w, t).toBeTruthy();
      expect(w).not.toMatch(/[A-Z_]/);
      expect(linkWords(t)).toBe(w);
    }
  });

  it('says what the properties add: lives with, phone contact, family relation, disposition', () => {
    expect(linkWords('KNOWS_LW')).toBe('knows (lives with)');
    expect(linkWords('KNOWS_PHONE')).toBe('knows (phone contact)');
    expect(linkWords('FAMILY_REL', { rel_type: 'SIBLING' })).toBe('family (sibling)');
    expect(linkWords('USES_VEHICLE', { role: 'usual_driver' })).toBe('uses vehicle (usual driver)');
    expect(linkWords('ON_CHART', { role: 'suspect', disposition: 'convicted' })).toBe('suspect · convicted');
    expect(linkWords('HELD')).toBe('held');
    expect(linkWords('SOMETHING_NEW')).toBe('something new');
  });

  it('is what the chart draws on a link', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStyle() });
    cy.add([
      { group: 'nodes', data: { id: 'a', label: 'A', sk: 'Person' } },
      { group: 'nodes', data: { id: 'b', label: 'B', sk: 'Person' } },
      { group: 'edges', data: { id: 'e', source: 'a', target: 'b', type: 'KNOWS_LW', nsources: 1, link: { properties: {} } } },
    ]);
    expect((cy.getElementById('e') as unknown as { pstyle(n: string): { strValue: string } }).pstyle('label').strValue).toBe('knows (lives with)');
    cy.destroy();
  });
});

/** A small operation chart: suspects of each disposition, victims, incidents, links among them. */
function operationChart(order: 'forward' | 'reverse' = 'forward'): cytoscape.Core {
  const nodes: cytoscape.ElementDefinition[] = [{ group: 'nodes', data: { id: 'op', label: 'Operation Test', kind: 'Operation', sk: 'Operation' } }];
  const edges: cytoscape.ElementDefinition[] = [];
  const dispositions = ['convicted', 'convicted', 'charged', 'identified', 'identified', 'identified', 'identified', 'nfa', undefined];
  dispositions.forEach((d, i) => {
    nodes.push({ group: 'nodes', data: { id: `s${i}`, label: `Suspect ${i}`, kind: 'Person', sk: 'Person' } });
    edges.push({ group: 'edges', data: { id: `oc-s${i}`, source: `s${i}`, target: 'op', type: 'ON_CHART', nsources: 1, link: { properties: { role: 'suspect', ...(d ? { disposition: d } : {}) } } } });
  });
  for (let i = 0; i < 3; i++) {
    nodes.push({ group: 'nodes', data: { id: `v${i}`, label: `Victim ${i}`, kind: 'Person', sk: 'Person', child: true } });
    edges.push({ group: 'edges', data: { id: `oc-v${i}`, source: `v${i}`, target: 'op', type: 'ON_CHART', nsources: 1, link: { properties: { role: i ? 'likely_victim' : 'victim' } } } });
    nodes.push({ group: 'nodes', data: { id: `i${i}`, label: `Incident ${i}`, kind: 'Incident', sk: 'Incident' } });
    edges.push({ group: 'edges', data: { id: `po-i${i}`, source: `i${i}`, target: 'op', type: 'PART_OF', nsources: 1, link: { properties: {} } } });
    edges.push({ group: 'edges', data: { id: `pt-${i}`, source: `s${i + 3}`, target: `i${i}`, type: 'PARTY_TO', nsources: 1, link: { properties: {} } } });
    edges.push({ group: 'edges', data: { id: `vo-${i}`, source: `v${i}`, target: `i${i}`, type: 'VICTIM_OF', nsources: 1, link: { properties: {} } } });
  }
  for (let i = 0; i < 8; i++) edges.push({ group: 'edges', data: { id: `k${i}`, source: `s${i}`, target: `s${i + 1}`, type: 'KNOWS', nsources: 1, link: { properties: {} } } });
  const elements = [...nodes, ...edges];
  return cytoscape({ headless: true, styleEnabled: true, style: chartStyle(), elements: order === 'forward' ? elements : [...nodes].reverse().concat([...edges].reverse()) });
}

describe('the operation in boxes', () => {
  it('puts each link into the operation in its band; victims and incidents apart', () => {
    expect(bandOf('ON_CHART', { role: 'suspect', disposition: 'charged' })).toBe('charged');
    expect(bandOf('ON_CHART', { role: 'suspect' })).toBe('suspect');
    expect(bandOf('ON_CHART', { role: 'likely_victim' })).toBe('victims');
    expect(bandOf('PART_OF', {})).toBe('incidents');
    expect(bandOf('KNOWS', {})).toBeNull();
    // Someone on the chart twice goes in the more serious band.
    const plan = planBoxes(
      [
        { source: 'p', target: 'op', type: 'ON_CHART', properties: { role: 'suspect', disposition: 'identified' } },
        { source: 'p', target: 'op', type: 'ON_CHART', properties: { role: 'suspect', disposition: 'convicted' } },
      ],
      'op',
    );
    expect(plan).toEqual([{ entity: 'p', band: 'convicted' }]);
  });

  it('draws the boxes, hides the spokes they say, and keeps the analyst’s own groups', () => {
    const cy = operationChart();
    cy.add({ group: 'nodes', data: { id: 'group:mine', label: 'Mine', isGroup: true } });
    cy.getElementById('s8').move({ parent: 'group:mine' });
    const boxes = boxOperation(cy, 'op');
    expect(boxes.map((b) => b.data('label')).sort()).toEqual(['Charged (1)', 'Convicted (2)', 'Incidents (3)', 'No further action (1)', 'Suspects (1)', 'Suspects identified (4)', 'Victims (3)']);
    expect(cy.getElementById('s0').parent()[0]?.id()).toBe('box:op:convicted');
    expect(cy.getElementById('v2').parent()[0]?.id()).toBe('box:op:victims');
    expect(cy.getElementById('s8').parent()[0]?.id()).toBe('group:mine');
    expect(cy.edges('.boxed').length).toBe(14);
    expect(cy.getElementById('oc-s8').hasClass('boxed')).toBe(false);
    // Idempotent.
    boxOperation(cy, 'op');
    expect(cy.nodes('[?isGroup]').length).toBe(8);
    cy.destroy();
  });

  it('arranges boxes as grids that never share a cell, the same whatever the input order', () => {
    const input = {
      bands: [
        { id: 'convicted', members: ['a', 'b'] },
        { id: 'identified', members: Array.from({ length: 30 }, (_, i) => `s${i}`) },
        { id: 'victims', members: ['v1', 'v2', 'v3'] },
      ],
      others: ['op'],
      links: [
        { source: 's1', target: 's7' },
        { source: 's7', target: 's20' },
      ],
    };
    const p = arrangeBands(input, 1.6);
    expect(Object.keys(p).length).toBe(36);
    const cells = new Set(Object.values(p).map((q) => `${Math.round(q.x / CELL_W * 2)},${Math.round(q.y / CELL_H * 2)}`));
    expect(cells.size).toBe(36);
    const shuffled = { ...input, bands: input.bands.map((b) => ({ ...b, members: [...b.members].reverse() })), links: [...input.links].reverse() };
    expect(arrangeBands(shuffled, 1.6)).toEqual(p);
    // Linked members sit next to each other.
    expect(walkOrder(['x', 's1', 's7', 's20'], new Map([['s1', new Set(['s7'])], ['s7', new Set(['s1', 's20'])], ['s20', new Set(['s7'])]])).slice(0, 3)).toEqual(['s7', 's1', 's20']);
    // A wide window gets a wide arrangement.
    const span = (q: typeof p) => {
      const xs = Object.values(q).map((v) => v.x);
      const ys = Object.values(q).map((v) => v.y);
      return (Math.max(...xs) - Math.min(...xs)) / Math.max(1, Math.max(...ys) - Math.min(...ys));
    };
    expect(span(arrangeBands(input, 3))).toBeGreaterThan(span(arrangeBands(input, 0.8)));
  });
});

describe('deterministic layouts', () => {
  const fcoseOnce = (order: 'forward' | 'reverse') => {
    const cy = operationChart(order);
    withSeededRandom(() =>
      inIdOrder(cy, cy.elements())
        .layout({ name: 'fcose', animate: false, randomize: true, fit: false } as cytoscape.LayoutOptions)
        .run(),
    );
    const out = Object.fromEntries(cy.nodes().map((n) => [n.id(), { x: Math.round(n.position('x')), y: Math.round(n.position('y')) }]));
    cy.destroy();
    return out;
  };

  it('fcose gives the same positions for the same chart, whatever order it arrived in', () => {
    const a = fcoseOnce('forward');
    expect(fcoseOnce('forward')).toEqual(a);
    expect(fcoseOnce('reverse')).toEqual(a);
    // …and Math.random is itself again afterwards.
    expect(Math.random()).not.toBe(Math.random());
  });

  it('the worker layout of big charts gives the same positions whatever the input order', () => {
    const nodes: LayoutInput['nodes'] = Array.from({ length: 60 }, (_, i) => ({ id: `n${String(i).padStart(2, '0')}`, x: 0, y: 0, size: 44, pinned: false }));
    const edges = Array.from({ length: 80 }, (_, i) => ({ source: `n${String(i % 60).padStart(2, '0')}`, target: `n${String((i * 7 + 3) % 60).padStart(2, '0')}` }));
    const a = computeLayout({ nodes, edges });
    const b = computeLayout({ nodes: [...nodes].reverse(), edges: [...edges].reverse() });
    expect(b).toEqual(a);
    expect(Object.keys(a).length).toBe(60);
  });
});

describe('hierarchy', () => {
  const hub = ['hub', ...Array.from({ length: 80 }, (_, i) => `s${String(i).padStart(2, '0')}`)];
  const spokes = hub.slice(1).map((id) => ({ source: id, target: 'hub' }));

  it('wraps a hub\'s eighty neighbours onto several rows under it, not one line', () => {
    const p = hierarchyPositions(hub, spokes);
    const rows = new Set(hub.slice(1).map((id) => p[id]?.y));
    expect(rows.size).toBeGreaterThan(1);
    expect(rows.size).toBe(Math.ceil(80 / rowCapacity(81)));
    for (const id of hub.slice(1)) expect((p[id] as { y: number }).y).toBeGreaterThan((p.hub as { y: number }).y);
    const xs = Object.values(p).map((q) => q.x);
    const ys = Object.values(p).map((q) => q.y);
    // Roughly as tall as wide on the chart, not a line 80 nodes long.
    expect((Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))).toBeLessThan(6);
  });

  it('starts from the roots given, lays out every part, and is the same for the same chart', () => {
    const nodes = [...hub, 'x1', 'x2'];
    const edges = [...spokes, { source: 'x1', target: 'x2' }, { source: 's05', target: 's06' }];
    const p = hierarchyPositions(nodes, edges, ['s05']);
    expect(Object.keys(p).sort()).toEqual([...nodes].sort());
    expect((p.s05 as { y: number }).y).toBeLessThan((p.hub as { y: number }).y);
    expect(hierarchyPositions([...nodes].reverse(), [...edges].reverse(), ['s05'])).toEqual(p);
  });
});

describe('the key', () => {
  it('lists only what is on the chart', () => {
    expect(legendContent(NO_FACTS)).toEqual([]);
    const cy = operationChart();
    boxOperation(cy, 'op');
    const sections = legendContent(legendFacts(cy));
    expect(sections.map((s) => s.key)).toEqual(['kinds', 'marks', 'links', 'boxes']);
    const items = (key: string) => sections.find((s) => s.key === key)?.items.map((i) => i.label) ?? [];
    expect(items('kinds')).toEqual(['Person', 'Incident', 'Operation']);
    expect(items('marks')).toEqual(['Child']);
    expect(items('links')).toEqual(['1 report', '2 reports']);
    expect(items('boxes')).toContain('Convicted (2)');
    cy.destroy();
  });

  it('explains dashes by grade, held links, community colours and the analysis rings when present', () => {
    const sections = legendContent({
      ...NO_FACTS,
      kinds: ['Person'],
      strengths: ['firm', 'fair', 'doubtful'],
      maxReports: 6,
      heldLink: true,
      communities: [
        { colour: '#e6194b', members: 12 },
        { colour: '#3cb44b', members: 5 },
      ],
      ranked: true,
      path: true,
      highlighted: true,
    });
    const links = sections.find((s) => s.key === 'links')?.items ?? [];
    expect(links.map((i) => i.label)).toEqual(['1 report', '6+ reports', 'firm (A/B, reliable source)', 'fair grade', 'doubtful (E)', 'Held link']);
    expect(links.map((i) => (i.mark.type === 'line' ? i.mark.dash : ''))).toEqual(['solid', 'solid', 'solid', 'dashed', 'dotted', 'dashed']);
    expect(sections.find((s) => s.key === 'communities')?.items.map((i) => (i.mark.type === 'swatch' ? i.mark.colour : ''))).toEqual(['#e6194b', '#3cb44b']);
    expect(sections.find((s) => s.key === 'analysis')?.items.map((i) => i.key)).toEqual(['rank', 'path', 'highlight']);
  });
});
