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

describe('notes and arrows', () => {
  it('are undoable view settings; a note taken off takes its arrows; saved state is read defensively', async () => {
    const { addNoteAt, finishArrow, removeAnnotation, saveNoteText, startArrow } = await import('../../web/src/store/annotationOps');
    const { readAnnotations } = await import('../../web/src/chart/annotations');
    const { captureState } = await import('../../web/src/chart/savedState');
    const { cy, store, ops } = workspace();
    const id = addNoteAt(ops, { x: 10, y: 20 });
    expect(store.getState().session.editingNote).toBe(id);
    saveNoteText(ops, id, 'Seen at the garage');
    startArrow(ops, { kind: 'note', id });
    finishArrow(ops, { kind: 'entity', id: 'p1' });
    expect(store.getState().view.annotations.arrows).toHaveLength(1);
    // Saved with the chart's view state, never among its entity ids.
    const { state, entityIds } = captureState(cy, NO_FILTERS, { rank: '', communities: false, highlight: 'none', labels: 'name', layout: 'fcose' }, store.getState().view.annotations);
    expect(entityIds.sort()).toEqual(['p1', 'p2', 'v1']);
    expect(readAnnotations(JSON.parse(JSON.stringify(state)).annotations)).toEqual(store.getState().view.annotations);

    removeAnnotation(ops, { kind: 'note', id });
    expect(store.getState().view.annotations).toEqual({ notes: [], arrows: [] });
    ops.undo();
    expect(store.getState().view.annotations.notes[0]?.text).toBe('Seen at the garage');
    expect(store.getState().view.annotations.arrows).toHaveLength(1);
    ops.undo(); // the arrow
    expect(store.getState().view.annotations.arrows).toHaveLength(0);

    // Whatever a client stored: malformed notes and arrows to unknown notes are dropped, text is capped.
    const read = readAnnotations({
      notes: [{ id: 'n1', text: 'x'.repeat(900), x: 1, y: 2 }, { id: 'n2', text: 5, x: 0, y: 0 }, 'junk'],
      arrows: [{ id: 'a1', from: { kind: 'note', id: 'n1' }, to: { kind: 'entity', id: 'p1' } }, { id: 'a2', from: { kind: 'note', id: 'nope' }, to: { kind: 'entity', id: 'p1' } }],
    });
    expect(read.notes.map((n) => [n.id, n.text.length])).toEqual([['n1', 500]]);
    expect(read.arrows.map((a) => a.id)).toEqual(['a1']);
    expect(readAnnotations('nonsense')).toEqual({ notes: [], arrows: [] });
  });
});

describe('the entity table and keyboard walk', () => {
  it('sorts the chart entities by any column and writes the CSV in that order', async () => {
    const { entityRows, rowsCsv, sortRows } = await import('../../web/src/chart/entityTable');
    const { cy } = workspace();
    cy.getElementById('v1').addClass('hidden');
    const rows = entityRows(cy);
    expect(sortRows(rows, 'links', 'desc').map((r) => [r.id, r.links])).toEqual([['p1', 2], ['p2', 1], ['v1', 1]]);
    expect(sortRows(rows, 'label', 'asc').map((r) => r.label)).toEqual(['Ann Oakes', 'Child Two', 'v1']);
    expect(rows.find((r) => r.id === 'v1')?.state).toBe('hidden');
    const csvText = rowsCsv(sortRows(rows, 'label', 'desc'));
    expect(csvText.split('\r\n').slice(1, 3)).toEqual(['"v1","Vehicle","v1","1","","hidden","no"', '"p2","Person","Child Two","1","","shown","no"']);
  });

  it('goes round the linked entities clockwise, moves on and back', async () => {
    const { stepNeighbour, moveToSelected, stepBack } = await import('../../web/src/store/navigation');
    const { cy } = workspace();
    cy.getElementById('p1').position({ x: 0, y: 0 });
    cy.getElementById('p2').position({ x: 100, y: 0 }); // three o'clock
    cy.getElementById('v1').position({ x: 0, y: -100 }); // twelve o'clock
    cy.getElementById('p1').select();
    const ids = () => cy.$(':selected').map((e) => e.id());
    expect(stepNeighbour(cy, 1)).toMatchObject({ selected: 'v1', centre: 'p1', index: 1, of: 2 });
    expect(stepNeighbour(cy, 1)?.selected).toBe('p2');
    expect(stepNeighbour(cy, 1)?.selected).toBe('v1');
    expect(stepNeighbour(cy, -1)?.selected).toBe('p2');
    expect(moveToSelected(cy)).toMatchObject({ centre: 'p2', of: 1 });
    expect(stepNeighbour(cy, 1)?.selected).toBe('p1');
    expect(stepBack(cy)?.selected).toBe('p1');
    expect(ids()).toEqual(['p1']);
  });
});
