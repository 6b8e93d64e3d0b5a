import type cytoscape from 'cytoscape';
import type { EdgeData, NodeData } from './merge';

/** Entities and links on the chart that an export would carry: what is visible now. */
export function exportedElements(cy: cytoscape.Core): { nodes: NodeData[]; edges: EdgeData[] } {
  const nodes = cy
    .nodes()
    .filter((n) => n.visible() && !!n.data('entity'))
    .map((n) => n.data() as NodeData);
  const edges = cy
    .edges()
    .filter((e) => e.visible())
    .map((e) => e.data() as EdgeData);
  return { nodes, edges };
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** GraphML (yEd, Gephi, i2-style tools): every property as a string attribute. */
export function graphml(cy: cytoscape.Core): string {
  const { nodes, edges } = exportedElements(cy);
  const nodeKeys = new Set<string>();
  for (const n of nodes) for (const k of Object.keys(n.entity.properties)) nodeKeys.add(k);
  const edgeKeys = new Set<string>();
  for (const e of edges) for (const k of Object.keys(e.link.properties)) edgeKeys.add(k);
  const key = (prefix: string, k: string) => `${prefix}_${k.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>',
    ...[...nodeKeys].map((k) => `  <key id="${xml(key('n', k))}" for="node" attr.name="${xml(k)}" attr.type="string"/>`),
    ...[...edgeKeys].map((k) => `  <key id="${xml(key('e', k))}" for="edge" attr.name="${xml(k)}" attr.type="string"/>`),
    '  <graph id="chart" edgedefault="directed">',
  ];
  for (const n of nodes) {
    const pos = cy.getElementById(n.id).position();
    lines.push(`    <node id="${xml(n.id)}">`);
    lines.push(`      <data key="kind">${xml(n.kind)}</data>`, `      <data key="label">${xml(n.label)}</data>`);
    lines.push(`      <data key="x">${pos.x.toFixed(1)}</data>`, `      <data key="y">${pos.y.toFixed(1)}</data>`);
    for (const [k, v] of Object.entries(n.entity.properties)) lines.push(`      <data key="${xml(key('n', k))}">${xml(value(v))}</data>`);
    lines.push('    </node>');
  }
  for (const e of edges) {
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`);
    lines.push(`      <data key="type">${xml(e.type)}</data>`, `      <data key="sources">${xml(e.link.sources.join(' '))}</data>`);
    for (const [k, v] of Object.entries(e.link.properties)) lines.push(`      <data key="${xml(key('e', k))}">${xml(value(v))}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n');
}

/**
 * One CSV cell, always quoted. A value a spreadsheet would read as a formula (starting with =, +, -,
 * @, a tab or a carriage return: OWASP's CSV injection list) is prefixed with a single quote, so it
 * shows as text and never runs.
 */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : value(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV of the chart's data: entities first, then links, one row each (column `record` says which). */
export function csv(cy: cytoscape.Core): string {
  const { nodes, edges } = exportedElements(cy);
  const rows = [['record', 'id', 'kind_or_type', 'label', 'source', 'target', 'sources', 'properties']];
  for (const n of nodes) rows.push(['entity', n.id, n.kind, n.label, '', '', n.entity.sources.join(' '), JSON.stringify(n.entity.properties)]);
  for (const e of edges) rows.push(['link', e.linkId, e.type, '', e.source, e.target, e.link.sources.join(' '), JSON.stringify(e.link.properties)]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
