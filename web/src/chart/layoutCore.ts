/**
 * The layout computation for big charts, written to run anywhere (a Web Worker in the app, Node in a
 * benchmark): a headless Cytoscape with only ids, sizes, groups and links, so the browser's main
 * thread never stalls while fcose works through thousands of nodes.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { withSeededRandom } from './seeded';

cytoscape.use(fcose);

export interface LayoutInput {
  nodes: { id: string; x: number; y: number; size: number; pinned: boolean; parent?: string | undefined; isGroup?: boolean }[];
  edges: { source: string; target: string }[];
}

export type LayoutOutput = Record<string, { x: number; y: number }>;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * fcose at draft quality with a bounded number of iterations: seconds, not minutes, for 5,000
 * elements. Deterministic: elements in id order, randomness seeded (same chart, same picture).
 */
export function computeLayout(given: LayoutInput): LayoutOutput {
  const edgeKey = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;
  const input: LayoutInput = {
    nodes: [...given.nodes].sort(byId),
    edges: [...given.edges].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : edgeKey(a) > edgeKey(b) ? 1 : 0)),
  };
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }] as unknown as cytoscape.StylesheetJson,
    elements: [
      ...input.nodes
        .filter((n) => n.isGroup)
        .map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size }, position: { x: n.x, y: n.y } })),
      ...input.nodes
        .filter((n) => !n.isGroup)
        .map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size, ...(n.parent ? { parent: n.parent } : {}) }, position: { x: n.x, y: n.y } })),
      ...input.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  const pinned = input.nodes.filter((n) => n.pinned && !n.isGroup);
  const n = input.nodes.length;
  const layout = cy.layout({
    name: 'fcose',
    quality: 'draft',
    randomize: pinned.length === 0,
    animate: false,
    fit: false,
    nodeRepulsion: 9000,
    idealEdgeLength: 90,
    nodeSeparation: 80,
    numIter: n > 3000 ? 600 : 1200,
    packComponents: true,
    ...(pinned.length ? { fixedNodeConstraint: pinned.map((p) => ({ nodeId: p.id, position: { x: p.x, y: p.y } })) } : {}),
  } as unknown as cytoscape.LayoutOptions);
  withSeededRandom(() => layout.run());
  const out: LayoutOutput = {};
  cy.nodes().forEach((node) => {
    if (node.isParent()) return;
    const p = node.position();
    out[node.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return out;
}
