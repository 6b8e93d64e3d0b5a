/**
 * Same chart, same picture: layouts that use randomness (fcose's spectral start, tie-breaking) draw
 * it from a seeded generator while they run, and see the chart's elements in a fixed order (by id),
 * whatever order the server returned them in.
 */
import seedrandom from 'seedrandom';
import type cytoscape from 'cytoscape';

/** The seed every layout starts from: deterministic, not secret. */
export const LAYOUT_SEED = 'linkchart-layout';

/**
 * Runs `fn` with Math.random replaced by a seeded generator. fcose computes synchronously inside
 * `layout.run()` (its 'end' animation only moves nodes to the result), so the swap covers it.
 */
export function withSeededRandom<T>(fn: () => T, seed: string = LAYOUT_SEED): T {
  const original = Math.random;
  Math.random = seedrandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

const byId = (a: { id(): string }, b: { id(): string }): number => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);

/** The same elements as a collection in id order (nodes first), which is the order layouts read them in. */
export function inIdOrder(cy: cytoscape.Core, eles: cytoscape.Collection): cytoscape.Collection {
  const nodes = eles.nodes().toArray().sort(byId);
  const edges = eles.edges().toArray().sort(byId);
  return cy.collection([...nodes, ...edges] as unknown as cytoscape.CollectionArgument);
}
