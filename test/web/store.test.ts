/**
 * The chart store and its operations on a headless Cytoscape: undo restores the chart's elements
 * together with the view settings (labels, filters, layout) and the analysis results (rank,
 * communities, highlight) recorded with each step; redo brings them forward again.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../web/src/api';
import { NO_FILTERS } from '../../web/src/chart/filters';
import { mergeSubgraph } from '../../web/src/chart/merge';
import { chartStyle } from '../../web/src/chart/style';
import { createChartOps } from '../../web/src/store/chartOps';
import { createChartStore, patch } from '../../web/src/store/chartStore';

const entity = (id: string, kind: string, properties: Record<string, unknown> = {}): Entity => ({
  id,
  kind,
  label: String(properties.name ?? id),
  labels: [kind],
  properties: properties as Entity['properties'],
  sources: [],
});
const link = (id: string, type: string, source: string, target: string): Link => ({ id, type, source, target, properties: {}, sources: [] });

function workspace() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStyle() });
  mergeSubgraph(cy, {
    nodes: [entity('p1', 'Person', { name: 'Ann Oakes' }), entity('p2', 'Person', { name: 'Child Two', child: true }), entity('v1', 'Vehicle', { registration: 'AB12 CDE' })],
    links: [link('k1', 'KNOWS', 'p1', 'p2'), link('o1', 'OWNS', 'p1', 'v1')],
    truncated: false,
  });
  const store = createChartStore();
  const ops = createChartOps(cy, store, { analyst: true });
  return { cy, store, ops };
}

describe('chart store', () => {
  it('undo restores elements, view settings and analysis results together; redo brings them back', () => {
    const { cy, store, ops } = workspace();
    // A view and an analysis in force: id labels, vehicles filtered out, persons ranked.
    ops.setLabels('id');
    ops.setFilters({ ...NO_FILTERS, kinds: ['Vehicle'] });
    patch(store, 'view', { layout: 'grid' });
    patch(store, 'analysis', { rank: 'DEGREE', rankScores: new Map([['p1', 4], ['p2', 1]]) });
    ops.reapply();
    expect(cy.getElementById('v1').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('p1').data('rank')).toBe(1);

    // Step 1: highlight children (recorded before it applies).
    ops.setHighlight('children');
    expect(store.getState().analysis.highlight).toBe('children');
    expect(cy.getElementById('p2').hasClass('hl')).toBe(true);

    // Then the view changes and an entity goes: step 2 records this later state.
    ops.setLabels('none');
    ops.setFilters(NO_FILTERS);
    patch(store, 'analysis', { rank: '', rankScores: null });
    ops.removeWithUndo(cy.getElementById('v1'), 'Removed 1 entity');
    expect(cy.getElementById('v1').empty()).toBe(true);
    expect(store.getState().history).toMatchObject({ canUndo: true, undo: 'Removed 1 entity' });

    // Undo step 2: the vehicle is back, with the view as it was just before it went.
    ops.undo();
    expect(cy.getElementById('v1').nonempty()).toBe(true);
    expect(store.getState().view.labels).toBe('none');
    expect(store.getState().view.filters).toEqual(NO_FILTERS);
    expect(cy.getElementById('v1').hasClass('filtered')).toBe(false);

    // Undo step 1: the view and the analysis from before the highlight, re-applied to the chart.
    ops.undo();
    const { view, analysis, history } = store.getState();
    expect(view).toMatchObject({ labels: 'id', layout: 'grid', filters: { ...NO_FILTERS, kinds: ['Vehicle'] } });
    expect(analysis.highlight).toBe('none');
    expect(analysis.rank).toBe('DEGREE');
    expect(analysis.rankScores?.get('p1')).toBe(4);
    expect(cy.getElementById('p2').hasClass('hl')).toBe(false);
    expect(cy.getElementById('v1').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('p1').style('label')).toBe('p1');
    expect(cy.getElementById('p1').data('rank')).toBe(1);
    expect(history).toMatchObject({ canUndo: false, canRedo: true, redo: 'Highlight' });

    // Redo: highlight again.
    ops.redo();
    expect(store.getState().analysis.highlight).toBe('children');
    expect(cy.getElementById('p2').hasClass('hl')).toBe(true);
  });

  it('mirrors the chart: selection, counts and what the filters take out of view', () => {
    const { cy, store, ops } = workspace();
    cy.getElementById('p1').select();
    cy.getElementById('p2').select();
    ops.refreshMirror();
    const { chart } = store.getState();
    expect(chart.selectedNodes).toBe(2);
    expect([...chart.selectedIds].sort()).toEqual(['p1', 'p2']);
    expect(chart.selection).toMatchObject({ type: 'many', nodes: 2 });
    expect(chart.summary.nodes).toBe(3);
    ops.setFilters((f) => ({ ...f, linkTypes: ['KNOWS'] }));
    expect(store.getState().chart.outOfView).toEqual({ nodes: 0, links: 1 });
  });

  it('hides, pins and groups with one undo step each, and says what it did', () => {
    const { cy, store, ops } = workspace();
    ops.hide(cy.getElementById('v1'));
    expect(cy.getElementById('v1').hasClass('hidden')).toBe(true);
    expect(store.getState().session.notice?.text).toMatch(/Hid 1 item/);
    cy.getElementById('p1').select();
    cy.getElementById('p2').select();
    ops.group();
    expect(cy.nodes('[?isGroup]').length).toBe(1);
    ops.undo();
    expect(cy.nodes('[?isGroup]').length).toBe(0);
    ops.undo();
    expect(cy.getElementById('v1').hasClass('hidden')).toBe(false);
  });
});
