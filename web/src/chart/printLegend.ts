/**
 * The key printed beside an exported chart: built from what is on the chart (kinds, marks, how links
 * are drawn), so paper never explains what is not there and never misses what is.
 */
import type cytoscape from 'cytoscape';
import type { Scene } from './chartScene';
import { KIND_STYLES, kindStyle } from './kinds';

export type Swatch =
  | { type: 'shape'; shape: string; fill: string; border: string; borderStyle: string; images: string[] }
  | { type: 'line'; color: string; width: number; style: 'solid' | 'dashed' | 'dotted' }
  | { type: 'halo'; color: string };

export interface LegendEntry {
  label: string;
  swatch: Swatch;
}

const plainShape = (shape: string, fill: string, border = '#0b0e13', borderStyle = 'solid', images: string[] = []): Swatch => ({ type: 'shape', shape, fill, border, borderStyle, images });

/** Legend entries for the visible chart, kinds in vocabulary order, then marks, then links. */
export function chartLegend(cy: cytoscape.Core, scene: Scene): LegendEntry[] {
  const nodes = cy.nodes().filter((n) => n.visible() && !n.isParent() && !!n.data('sk'));
  const order = new Map(KIND_STYLES.map((k, i) => [k.key, i]));
  const kinds = [...new Set(nodes.map((n) => String(n.data('sk'))))].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
  const imagesOf = (kind: string) => scene.nodes.find((n) => n.kind === kind)?.images.map((i) => i.url) ?? [];
  const out: LegendEntry[] = kinds.map((k) => {
    const s = kindStyle(k);
    return { label: s.name, swatch: plainShape(s.shape, s.color, '#0b0e13', k === 'HeldItem' ? 'dashed' : 'solid', imagesOf(k)) };
  });
  const nodeList = nodes.toArray() as cytoscape.NodeSingular[];
  const any = (pred: (n: cytoscape.NodeSingular) => boolean) => nodeList.some(pred);
  if (any((n) => n.hasClass('in-community'))) out.push({ label: 'Fill colour: community', swatch: plainShape('ellipse', '#c9a0f0') });
  if (any((n) => n.data('child') === true)) out.push({ label: 'Child (double ring)', swatch: plainShape('ellipse', '#ffffff', '#5ee6ff', 'double') });
  if (any((n) => n.data('restricted') === true)) out.push({ label: 'Protected address (dashed)', swatch: plainShape('ellipse', '#ffffff', '#6b7684', 'dashed') });
  if (any((n) => n.data('hotspot') === true)) out.push({ label: 'Hotspot', swatch: { type: 'halo', color: '#ff5252' } });
  if (any((n) => n.hasClass('hl'))) out.push({ label: 'Highlighted', swatch: { type: 'halo', color: '#ffe27a' } });

  const edges = cy.edges().filter((e) => e.visible());
  if (edges.nonempty()) {
    const edgeList = edges.toArray() as cytoscape.EdgeSingular[];
    const has = (pred: (e: cytoscape.EdgeSingular) => boolean) => edgeList.some(pred);
    const line = (label: string, style: 'solid' | 'dashed' | 'dotted', width = 1.6, color = '#5f6f84') => out.push({ label, swatch: { type: 'line', color, width, style } });
    if (has((e) => e.data('type') !== 'HELD')) line('Link: firm or ungraded', 'solid');
    if (has((e) => e.data('strength') === 'fair')) line('Link: fair grading', 'dashed');
    if (has((e) => e.data('strength') === 'doubtful')) line('Link: doubtful grading', 'dotted');
    if (has((e) => Number(e.data('nsources')) >= 2)) line('Thicker: more reports behind it', 'solid', 4.5);
    if (has((e) => e.data('type') === 'HELD')) line('Held link: ask its owner', 'dashed', 1.8, '#8b949e');
    if (has((e) => e.hasClass('path-hl'))) line('Path or network asked for', 'solid', 4, '#ff9f43');
  }
  return out;
}
