/**
 * What the server withholds, as the web app says it (web/src/chart/withheld.ts) and draws it: held
 * items and HELD links explained with who to ask, withheld text per field, opaque ids never shown.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../web/src/api';
import { mergeSubgraph } from '../../web/src/chart/merge';
import { applyLabelMode } from '../../web/src/chart/overlays';
import { chartStyle } from '../../web/src/chart/style';
import { summarise } from '../../web/src/chart/summary';
import {
  dayText,
  heldExplanation,
  heldLinkExplanation,
  isOpaqueId,
  releasableFields,
  shownId,
  withheldTextNotes,
} from '../../web/src/chart/withheld';

const held: Entity = {
  id: 'link-AbCdEfGhIjKlMnOp',
  kind: 'HeldItem',
  label: "1 item held by Children's Social Care, 2010-05-01",
  labels: ['HeldItem'],
  properties: { withheld: true, heldBy: ["Children's Social Care"], heldSince: '2010-05-01' },
  sources: [],
};

describe('held items', () => {
  it('says who holds it, since when, and whom to ask', () => {
    expect(heldExplanation(held.properties)).toBe("Held under conditions by Children's Social Care since 1 May 2010. Ask Children's Social Care for access.");
  });

  it('names every holder once, and copes without a date or a holder', () => {
    expect(heldExplanation({ heldBy: ['Police', 'Health', 'Police'], heldSince: null })).toBe('Held under conditions by Police or Health. Ask Police or Health for access.');
    expect(heldExplanation({ withheld: true })).toBe('Held under conditions by the owning agency. Ask the owning agency for access.');
  });

  it('reads a HELD link’s label', () => {
    expect(heldLinkExplanation({ withheld: true, label: '2 items held by Police, 2011-03-04' })).toBe(
      'This link is held under conditions by Police since 4 Mar 2011. Ask Police for access.',
    );
    expect(heldLinkExplanation({ withheld: true })).toMatch(/Ask the owning agency for access/);
  });

  it('formats dates by hand', () => {
    expect(dayText('2009-11-20')).toBe('20 Nov 2009');
    expect(dayText('soon')).toBe('soon');
    expect(dayText(null)).toBeNull();
  });
});

describe('withheld text', () => {
  it('one line per field the server withheld', () => {
    expect(withheldTextNotes({ textWithheld: ['summary', 'note'] })).toEqual([
      'summary: withheld — it concerns a protected person; the owning agency can release a version for sharing.',
      'note: withheld — it concerns a protected person; the owning agency can release a version for sharing.',
    ]);
    expect(withheldTextNotes({ summary: 'x' })).toEqual([]);
  });

  it('offers to release only free text the user can read, the usual fields first', () => {
    expect(releasableFields({ title: 'T', summary: 'S', name: 'N', note: '  ', textWithheld: ['description'] })).toEqual(['summary', 'title']);
  });
});

describe('opaque ids', () => {
  it('are recognised and never shown', () => {
    for (const id of ['child-AbCdEfGhIjKlMnOp', 'phone-0123456789abcdef', 'place-a_b-c_d-e_f-g_h-', 'link-AbCdEfGhIjKlMnOp']) {
      expect(isOpaqueId(id), id).toBe(true);
      expect(shownId(id)).toBeNull();
    }
    for (const id of ['per-c01', 'phone-07700900123', 'inc-0001', 'link-short']) expect(isOpaqueId(id), id).toBe(false);
    expect(shownId('per-c01')).toBe('per-c01');
  });
});

describe('on the chart', () => {
  const person: Entity = { id: 'per-1', kind: 'Person', label: 'Dan Oakes', labels: ['Person'], properties: {}, sources: [] };
  const nameless: Entity = { id: 'child-AbCdEfGhIjKlMnOp', kind: 'Person', label: '', labels: ['Person'], properties: { child: true }, sources: [] };
  const heldLink: Link = { id: 'link-ZyXwVuTsRqPoNmLk', type: 'HELD', source: 'per-1', target: held.id, properties: { withheld: true, label: held.label }, sources: [] };
  const plainLink: Link = { id: 'KNOWS:per-1:x', type: 'KNOWS', source: 'per-1', target: nameless.id, properties: {}, sources: [] };

  const chart = () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStyle() });
    mergeSubgraph(cy, { nodes: [person, held, nameless], links: [heldLink, plainLink], truncated: false });
    return cy;
  };

  it('draws a held item as a grey dashed square and a HELD link grey, dashed, without an arrow', () => {
    const cy = chart();
    const n = cy.getElementById(held.id);
    expect(n.data('sk')).toBe('HeldItem');
    expect(n.style('shape')).toBe('rectangle');
    expect(n.style('border-style')).toBe('dashed');
    expect(n.style('background-image')).toMatch(/^data:image\/svg\+xml/);
    const e = cy.getElementById(`link:${heldLink.id}`);
    expect(e.style('line-style')).toBe('dashed');
    expect(e.style('target-arrow-shape')).toBe('none');
    expect(e.style('line-color')).not.toBe(cy.getElementById(`link:${plainLink.id}`).style('line-color'));
  });

  it('puts both in the legend', () => {
    const s = summarise(chart());
    expect(s.kinds).toContain('HeldItem');
    expect(s.hasHeldLink).toBe(true);
  });

  it('never labels a node with an opaque id, even in the id label mode', () => {
    const cy = chart();
    expect(cy.getElementById(nameless.id).data('label')).toBe('');
    applyLabelMode(cy, 'id');
    expect(cy.getElementById(nameless.id).style('label')).toBe('');
    expect(cy.getElementById('per-1').style('label')).toBe('per-1');
  });
});
