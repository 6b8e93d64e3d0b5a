/** The strategy-meeting pack's network diagram and words, on a made-up view (no database). */
import { describe, expect, it } from 'vitest';
import { inWords, renderPack, type PackView } from '../../server/modules/safeguarding/pack.js';
import { diagramSubset, radialLayout } from '../../server/modules/safeguarding/packDiagram.js';

const person = (id: string, label: string, props: Record<string, unknown> = {}) => ({ id, kind: 'Person', label, properties: props });
const view: PackView = {
  child: person('c1', 'Amy Test (YP01)', { pseudonym: 'YP01', age: 14, child: true }),
  network: {
    nodes: [
      person('c1', 'Amy Test (YP01)', { child: true }),
      person('p1', 'Darren Example'),
      person('p2', 'Lee Sample'),
      { id: 'ph1', kind: 'Phone', label: '+447700900001', properties: { doNotContact: true } },
      { id: 'i1', kind: 'Incident', label: 'missing 2011-06-01', properties: { kind: 'missing' } },
      person('o1', 'looked-after girl, 15', { child: true, descriptor: 'looked-after girl, 15' }),
    ],
    links: [
      { source: 'c1', target: 'p1', type: 'KNOWS_LW', properties: {} },
      { source: 'c1', target: 'ph1', type: 'HAS_PHONE', properties: {} },
      { source: 'c1', target: 'i1', type: 'VICTIM_OF', properties: {} },
      { source: 'p2', target: 'i1', type: 'PARTY_TO', properties: {} },
      { source: 'p1', target: 'o1', type: 'FAMILY_REL', properties: { rel_type: 'SIBLING' } },
    ],
  },
  chronology: [{ id: 'n1', kind: 'Notice', label: 'Notice', properties: { kind: 'child_abduction', chronologyDate: '2011-07-01' } }],
  linkedPersons: [
    { entity: person('p1', 'Darren Example'), score: 1, detail: { routes: ['direct link KNOWS_LW'], sources: 1 } },
    { entity: person('p2', 'Lee Sample'), score: 1, detail: { routes: ['party to missing 2011-06-01'], sources: 1 } },
  ],
};
const meta = { purpose: 'Strategy meeting test', asOf: '2012-01-01', hops: 2, generatedBy: 'test-safeguarding', generatedAt: '2026-12-02T01:00:00Z' };

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const { PDFParse } = await import('pdf-parse');
  const r = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
  return { text: r.text.replace(/\s+/g, ' '), pages: r.pages.length };
}

describe('the pack in words', () => {
  it('turns link codes and snake_case values into words', () => {
    expect(inWords('direct link KNOWS_LW')).toBe('direct link knows (lives with)');
    expect(inWords('child_abduction: Notice')).toBe('child abduction: Notice');
    expect(inWords('Seen by PC SMITH')).toBe('Seen by PC SMITH');
  });
});

describe('the network diagram', () => {
  it('draws the child, its direct links and the persons linked to it, persons first within a cap', () => {
    const { nodes, links } = diagramSubset('c1', view.network.nodes, view.network.links, ['p2']);
    expect(nodes.map((n) => n.id).sort()).toEqual(['c1', 'i1', 'p1', 'p2', 'ph1']);
    expect(links.every((l) => l.source !== 'o1' && l.target !== 'o1')).toBe(true);
    expect(diagramSubset('c1', view.network.nodes, view.network.links, ['p2'], 3).nodes.map((n) => n.id).sort()).toEqual(['c1', 'p1', 'p2']);
  });

  it('places the child in the centre and the rest on rings by hops, the same way every time', () => {
    const a = radialLayout('c1', view.network.nodes, view.network.links, 200);
    const b = radialLayout('c1', [...view.network.nodes].reverse(), [...view.network.links].reverse(), 200);
    expect(a).toEqual(b.sort((x, y) => a.findIndex((p) => p.node.id === x.node.id) - a.findIndex((p) => p.node.id === y.node.id)));
    const at = new Map(a.map((p) => [p.node.id, p]));
    expect(at.get('c1')).toMatchObject({ x: 0, y: 0, hop: 0 });
    expect(at.get('p1')!.hop).toBe(1);
    expect(at.get('p2')!.hop).toBe(2);
    expect(Math.hypot(at.get('p2')!.x, at.get('p2')!.y)).toBeGreaterThan(Math.hypot(at.get('p1')!.x, at.get('p1')!.y));
  });

  it('is drawn in the pack with its labels and link words, no codes, the marking on every page', async () => {
    const pdf = await renderPack(view, meta);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Network diagram: Amy Test (YP01)');
    for (const w of ['knows (lives with)', 'victim of', 'party to', 'uses phone']) expect(text).toContain(w);
    // Two links away and not linked to the child by the rules: counted, not drawn.
    expect(text).toContain('Showing 5 of the 6 entities');
    expect(text).not.toContain('looked-after girl, 15');
    expect(text).toContain("Child's phone: do not contact");
    expect(text).toContain('child abduction');
    for (const code of ['KNOWS_LW', 'HAS_PHONE', 'VICTIM_OF', 'PARTY_TO', 'FAMILY_REL', 'child_abduction']) expect(text).not.toContain(code);
    expect((text.match(/OFFICIAL-SENSITIVE/g) ?? []).length).toBe(2 * pages);
    // Drawing operators: circles (Bezier curves 'c') and lines ('l') for the diagram's page.
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
