import type cytoscape from 'cytoscape';

let counter = 0;

/**
 * Puts the selected entities into one compound node (a box with a name), so an analyst can say "this
 * is the Dunmere Road group" on the chart. Returns the group's id, or null with fewer than two.
 */
export function groupSelection(cy: cytoscape.Core, name: string): string | null {
  const members = cy.$('node:selected').filter((n) => !n.data('isGroup'));
  if (members.length < 2) return null;
  const id = `group:${Date.now().toString(36)}-${++counter}`;
  cy.add({ group: 'nodes', data: { id, label: name, isGroup: true, kind: 'Group', sk: 'group' } });
  members.move({ parent: id });
  return id;
}

/** Dissolves the selected groups (or the groups of the selected entities); members stay where they are. */
export function ungroupSelection(cy: cytoscape.Core): number {
  const sel = cy.$('node:selected');
  const groups = sel.filter((n) => !!n.data('isGroup')).union(sel.parent().filter((n) => !!n.data('isGroup')));
  groups.forEach((g) => {
    (g as cytoscape.NodeSingular).children().move({ parent: null });
  });
  const n = groups.length;
  groups.remove();
  return n;
}
