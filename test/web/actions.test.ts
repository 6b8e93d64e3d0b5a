/**
 * The workspace's actions: keys map to the right action (Shift and Ctrl variants included), no key
 * is bound twice, enabled rules follow the chart and the role, context-menu targets act on the
 * clicked element (or the selection it is part of), and the help is generated from the same table.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../web/src/api';
import { ACTIONS, actionForKey, actionsIn, contextFor, helpRows, isEnabled, keyLabel, run, titleOf } from '../../web/src/actions';
import { mergeSubgraph } from '../../web/src/chart/merge';
import { createChartOps } from '../../web/src/store/chartOps';
import { createChartStore } from '../../web/src/store/chartStore';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});
const byName = (name: string) => {
  const a = ACTIONS.find((x) => x.name === name);
  if (!a) throw new Error(`no action ${name}`);
  return a;
};

function workspace(analyst = true) {
  const cy = cytoscape({ headless: true });
  const e = (id: string): Entity => ({ id, kind: 'Person', label: id, labels: ['Person'], properties: {}, sources: [] });
  mergeSubgraph(cy, { nodes: [e('a'), e('b'), e('c')], links: [{ id: 'l1', type: 'KNOWS', source: 'a', target: 'b', properties: {}, sources: [] }], truncated: false });
  const store = createChartStore();
  return { cy, store, ops: createChartOps(cy, store, { analyst }) };
}

describe('action keys', () => {
  it('maps keys to actions, with Shift and Ctrl variants', () => {
    const name = (e: ReturnType<typeof key>) => actionForKey(ACTIONS, e)?.name;
    expect(name(key('e'))).toBe('expand');
    expect(name(key('E', { shift: true }))).toBe('expand');
    expect(name(key('g'))).toBe('group');
    expect(name(key('G', { shift: true }))).toBe('ungroup');
    expect(name(key('z', { ctrl: true }))).toBe('undo');
    expect(name(key('z', { meta: true }))).toBe('undo');
    expect(name(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(name(key('y', { ctrl: true }))).toBe('redo');
    expect(name(key('Delete'))).toBe('remove');
    expect(name(key('Backspace'))).toBe('remove');
    expect(name(key('?', { shift: true }))).toBe('help');
    expect(name(key('Escape'))).toBe('escape');
    // Not bound: a plain z, Ctrl+E (the browser's), Alt+L.
    expect(name(key('z'))).toBeUndefined();
    expect(name(key('e', { ctrl: true }))).toBeUndefined();
    expect(name(key('l', { alt: true }))).toBeUndefined();
  });

  it('binds no key twice', () => {
    const all = ACTIONS.flatMap((a) => (a.keys ?? []).map((k) => k.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
  });

  it('writes keys for people', () => {
    expect(keyLabel('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(keyLabel('Delete')).toBe('Del');
    expect(keyLabel('e')).toBe('E');
  });
});

describe('enabled rules', () => {
  it('follow the selection, the history and the role', () => {
    const { cy, ops } = workspace();
    const ctx = () => contextFor(ops);
    expect(isEnabled(byName('group'), ctx())).toBe(false);
    cy.getElementById('a').select();
    expect(isEnabled(byName('group'), ctx())).toBe(false);
    expect(isEnabled(byName('remove'), ctx())).toBe(true);
    cy.getElementById('b').select();
    expect(isEnabled(byName('group'), ctx())).toBe(true);

    expect(isEnabled(byName('undo'), ctx())).toBe(false);
    expect(run(byName('undo'), ctx())).toBe(false);
    expect(run(byName('hide'), ctx())).toBe(true);
    expect(isEnabled(byName('undo'), ctx())).toBe(true);
    expect(titleOf(byName('undo'), ctx())).toBe('Undo: Hide (Ctrl+Z)');
    expect(isEnabled(byName('show-all'), ctx())).toBe(true);

    // Exports are offered to analysts only.
    const licensing = workspace(false);
    expect(isEnabled(byName('export-png'), contextFor(licensing.ops))).toBe(false);
    expect(actionsIn(ACTIONS, 'export', false)).toEqual([]);
    expect(actionsIn(ACTIONS, 'export', true).map((a) => a.name)).toEqual(expect.arrayContaining(['export-png', 'export-svg', 'export-graphml', 'export-csv']));
  });

  it('act on the right-clicked element, or on the selection it belongs to', () => {
    const { cy, ops } = workspace();
    cy.getElementById('a').select();
    cy.getElementById('b').select();
    // Right-click on c (not selected): only c is hidden.
    run(byName('hide'), contextFor(ops, cy.getElementById('c')));
    expect(cy.elements('.hidden').map((e) => e.id())).toEqual(['c']);
    ops.undo();
    // Right-click on a (selected): the whole selection.
    cy.getElementById('a').select();
    cy.getElementById('b').select();
    run(byName('pin'), contextFor(ops, cy.getElementById('a')));
    expect(cy.nodes(':locked').map((n) => n.id()).sort()).toEqual(['a', 'b']);
  });
});

describe('help', () => {
  it('is generated from the same table the keys use', () => {
    const rows = helpRows(ACTIONS);
    const keyed = ACTIONS.filter((a) => a.keys?.length);
    expect(rows).toHaveLength(keyed.length);
    expect(rows).toContainEqual({ keys: 'Ctrl+Z', what: 'Undo' });
    expect(rows).toContainEqual({ keys: 'Ctrl+Y or Ctrl+Shift+Z', what: 'Redo' });
    expect(rows).toContainEqual({ keys: 'Shift+G', what: 'Ungroup' });
    expect(rows.find((r) => r.keys === 'Del or Backspace')?.what).toMatch(/off the chart/);
    // Every toolbar and chartbar button's tooltip names its key when it has one.
    const { ops } = workspace();
    for (const a of [...actionsIn(ACTIONS, 'toolbar', true), ...actionsIn(ACTIONS, 'chartbar', true)]) {
      if (a.keys?.length) expect(titleOf(a, contextFor(ops))).toContain(`(${keyLabel(a.keys[0]!)})`);
    }
  });
});
