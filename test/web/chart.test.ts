/**
 * The workspace's chart logic on a headless Cytoscape with the app's own stylesheet: filters hide
 * without removing, grades of reports drive link styles and the grade filter, undo / redo restore
 * exactly, saved view state round-trips, exports escape what they must, dated events find their lane.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../web/src/api';
import { csv, graphml } from '../../web/src/chart/dataExport';
import { datedEvents, type DatedEvent } from '../../web/src/chart/dates';
import { applyFilters, NO_FILTERS } from '../../web/src/chart/filters';
import { annotateLinks, strengthOf, type ReportInfo } from '../../web/src/chart/grades';
import { groupSelection } from '../../web/src/chart/groups';
import { ChartHistory } from '../../web/src/chart/history';
import { mergeSubgraph } from '../../web/src/chart/merge';
import { captureState, restoreState } from '../../web/src/chart/savedState';
import { chartStyle } from '../../web/src/chart/style';

const entity = (id: string, kind: string, properties: Record<string, unknown> = {}): Entity => ({
  id,
  kind,
  label: String(properties.name ?? id),
  labels: [kind],
  properties: properties as Entity['properties'],
  sources: [],
});
const link = (id: string, type: string, source: string, target: string, sources: string[] = [], properties: Record<string, unknown> = {}): Link => ({
  id,
  type,
  source,
  target,
  properties: properties as Link['properties'],
  sources,
});

function chart() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStyle() });
  mergeSubgraph(cy, {
    nodes: [
      entity('p1', 'Person', { name: '=HYPERLINK("x")' }),
      entity('p2', 'Person', { name: 'Dan "the van" Oakes' }),
      entity('i2009', 'Incident', { kind: 'concern', date: '2009-05-01' }),
      entity('m2010', 'Incident', { kind: 'missing', date: '2010-07-01', endDate: '2010-07-03' }),
      entity('n2010', 'Notice', { servedOn: '2010-08-01' }),
      entity('lic', 'Licence', { kind: 'driver', grantedOn: '2008-01-01' }),
    ],
    links: [
      link('k1', 'KNOWS', 'p1', 'p2', ['r-firm', 'r-false']),
      link('k2', 'PARTY_TO', 'p1', 'i2009', ['r-false']),
      link('k3', 'VICTIM_OF', 'p2', 'm2010'),
      link('k4', 'SERVED_ON', 'n2010', 'p1', [], { from: '2010-08-01' }),
    ],
    truncated: false,
  });
  return cy;
}

const report = (id: string, sourceGrade: number, intelGrade: string, sourceType = 'police', withheld = false): ReportInfo => ({
  id,
  label: id,
  receivedOn: '2010-01-01',
  sourceType,
  sourceGrade,
  intelGrade,
  handling: 'P',
  ownerAgency: 'Police',
  withheld,
  summary: null,
});

describe('filters', () => {
  it('hide dated records outside the range and leave them on the chart; hand-hidden stays hidden', () => {
    const cy = chart();
    cy.getElementById('p2').addClass('hidden');
    const out = applyFilters(cy, { ...NO_FILTERS, from: '2010-06-01' });
    expect(cy.nodes('.filtered').map((n) => n.id()).sort()).toEqual(['i2009', 'lic']);
    expect(out.nodes).toBe(2);
    expect(cy.getElementById('i2009').visible()).toBe(false);
    expect(cy.getElementById('m2010').visible()).toBe(true);
    expect(cy.nodes()).toHaveLength(6); // nothing removed

    applyFilters(cy, { ...NO_FILTERS, kinds: ['Notice'], linkTypes: ['KNOWS'] });
    expect(cy.nodes('.filtered').map((n) => n.id())).toEqual(['n2010']);
    expect(cy.edges('.filtered').map((e) => e.id())).toEqual(['link:k1']);

    applyFilters(cy, NO_FILTERS);
    expect(cy.elements('.filtered')).toHaveLength(0);
    expect(cy.getElementById('p2').visible()).toBe(false); // hidden by hand, not by a filter
  });

  it('filter links by the grades and source types of the reports behind them', () => {
    const cy = chart();
    const index = new Map([
      ['r-firm', report('r-firm', 1, 'B', 'victim')],
      ['r-false', report('r-false', 3, 'E', 'public')],
    ]);
    annotateLinks(cy, index);
    expect(cy.getElementById('link:k1').data('strength')).toBe('firm');
    expect(cy.getElementById('link:k2').data('strength')).toBe('doubtful');
    expect(cy.getElementById('link:k3').data('strength')).toBe('ungraded');

    // Leaving out E: a link stays while any of its reports is graded otherwise.
    applyFilters(cy, { ...NO_FILTERS, grades: ['E'] });
    expect(cy.edges('.filtered').map((e) => e.id())).toEqual(['link:k2']);
    applyFilters(cy, { ...NO_FILTERS, grades: ['ungraded'] });
    expect(cy.edges('.filtered').map((e) => e.id()).sort()).toEqual(['link:k3', 'link:k4']);
    applyFilters(cy, { ...NO_FILTERS, sourceTypes: ['public'] });
    expect(cy.edges('.filtered').map((e) => e.id())).toEqual(['link:k2']);
  });
});

describe('grading', () => {
  it('takes the best report behind a link; withheld reports do not count', () => {
    expect(strengthOf([])).toBe('ungraded');
    expect(strengthOf([report('a', 2, 'A')])).toBe('firm');
    expect(strengthOf([report('a', 3, 'A')])).toBe('fair'); // not-reliable source
    expect(strengthOf([report('a', 1, 'D'), report('b', 3, 'E')])).toBe('fair');
    expect(strengthOf([report('a', 1, 'E')])).toBe('doubtful');
    expect(strengthOf([report('a', 1, 'A', 'police', true)])).toBe('ungraded');
  });
});

describe('undo and redo', () => {
  it('restore elements, positions, classes and pins exactly', () => {
    const cy = chart();
    const history = new ChartHistory(cy);
    cy.getElementById('p1').position({ x: 11, y: 22 }).lock().addClass('pinned');
    history.record('remove');
    cy.getElementById('p1').remove();
    expect(cy.nodes()).toHaveLength(5);
    expect(history.undo()).toBe('remove');
    const p1 = cy.getElementById('p1');
    expect(p1.position()).toEqual({ x: 11, y: 22 });
    expect(p1.locked()).toBe(true);
    expect(p1.hasClass('pinned')).toBe(true);
    expect(cy.getElementById('link:k1').nonempty()).toBe(true);
    expect(history.redo()).toBe('remove');
    expect(cy.getElementById('p1').empty()).toBe(true);
    expect(history.canRedo).toBe(false);
  });
});

describe('saved view state', () => {
  it('round-trips positions, hidden and pinned items and groups', () => {
    const cy = chart();
    cy.getElementById('p1').position({ x: 5, y: 6 }).lock().addClass('pinned');
    cy.getElementById('n2010').addClass('hidden');
    cy.$('#p2, #m2010').select();
    const gid = groupSelection(cy, 'Van group')!;
    const filters = { ...NO_FILTERS, from: '2010-01-01' };
    const { state, entityIds, linkIds } = captureState(cy, filters, { rank: '', communities: false, highlight: 'none', labels: 'name', layout: 'grid' });
    expect(entityIds.sort()).toEqual(['i2009', 'lic', 'm2010', 'n2010', 'p1', 'p2']);
    expect(linkIds.sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    const json = JSON.parse(JSON.stringify(state));

    const again = cytoscape({ headless: true, styleEnabled: true, style: chartStyle() });
    mergeSubgraph(again, { nodes: cy.nodes().filter((n) => !n.data('isGroup')).map((n) => n.data('entity')), links: cy.edges().map((e) => e.data('link')), truncated: false });
    restoreState(again, json);
    expect(again.getElementById('p1').position()).toEqual({ x: 5, y: 6 });
    expect(again.getElementById('p1').locked()).toBe(true);
    expect(again.getElementById('n2010').hasClass('hidden')).toBe(true);
    expect(again.getElementById(gid).data('label')).toBe('Van group');
    expect(again.getElementById('p2').parent().first().id()).toBe(gid);
    expect(json.filters.from).toBe('2010-01-01');
  });
});

describe('exports', () => {
  it('CSV quotes every cell and neutralises spreadsheet formulas; only visible items leave', () => {
    const cy = chart();
    cy.getElementById('lic').addClass('hidden');
    const text = csv(cy);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('"record","id","kind_or_type","label","source","target","sources","properties"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain('"Dan ""the van"" Oakes"');
    expect(text).not.toContain('"lic"');
    expect(lines.filter((l) => l.startsWith('"link"'))).toHaveLength(4);
  });

  it('GraphML escapes markup and carries nodes, links and their sources', () => {
    const cy = chart();
    const xml = graphml(cy);
    expect(xml).toContain('<node id="p1">');
    expect(xml).toContain('&#61;HYPERLINK(&#34;x&#34;)'.replace('&#61;', '='));
    expect(xml).toContain('<edge id="link:k1" source="p1" target="p2">');
    expect(xml).toContain('<data key="sources">r-firm r-false</data>');
    expect(xml).not.toMatch(/"the van"/);
  });
});

describe('timeline events', () => {
  it('puts each dated record in its lane, with its end date', () => {
    const events: DatedEvent[] = datedEvents(chart());
    expect(events.map((e) => [e.id, e.lane])).toEqual([
      ['lic', 'Licence event'],
      ['i2009', 'Incident'],
      ['m2010', 'Missing episode'],
      ['n2010', 'Notice'],
    ]);
    expect(events.find((e) => e.id === 'm2010')!.endDate).toBe('2010-07-03');
  });
});
