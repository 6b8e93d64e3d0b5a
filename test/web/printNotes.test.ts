/** Notes and arrows on the printed sheet (chart/printNotes.ts). */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { annotationsForPrint, annotationsSvg, notesBounds, wrapText } from '../../web/src/chart/printNotes';
import { textWidth } from '../../web/src/chart/chartSvg';

describe('printed notes', () => {
  it('wraps a note into lines that fit its card, keeping every word', () => {
    const text = 'Garage on Wharf Street raided in 2011 — ask the keyholder who had the keys that night';
    const lines = wrapText(text, 158);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 9)).toBeLessThanOrEqual(158);
    expect(lines.join(' ')).toBe(text);
  });

  it('places notes where they are on the chart and arrows from edge to edge, leaving out ends not on it', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 30, height: 30 } }] });
    cy.add({ data: { id: 'p1' }, position: { x: 400, y: 300 } });
    const { notes, arrows } = annotationsForPrint(cy, {
      notes: [{ id: 'n1', text: 'Seen with him twice', x: 0, y: 0 }],
      arrows: [
        { id: 'a1', from: { kind: 'note', id: 'n1' }, to: { kind: 'entity', id: 'p1' } },
        { id: 'a2', from: { kind: 'note', id: 'n1' }, to: { kind: 'entity', id: 'gone' } },
      ],
    });
    expect(notes).toHaveLength(1);
    expect(notesBounds(notes)).toMatchObject({ x1: 0, y1: 0 });
    expect(arrows).toHaveLength(1);
    const [a] = arrows;
    // Starts at the card's edge, stops short of the entity's centre.
    expect(a!.from.x).toBeGreaterThan(notes[0]!.x + notes[0]!.w / 2);
    expect(Math.hypot(a!.to.x - 400, a!.to.y - 300)).toBeGreaterThan(15);
    const svg = annotationsSvg(notes, arrows);
    expect(svg).toContain('Seen with him twice');
    expect(svg).toContain('<polygon');
  });
});
