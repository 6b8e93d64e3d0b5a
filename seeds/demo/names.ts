/**
 * Invented full names, each used once in the whole cast (suspects, children, adults), so that a
 * shared surname is always a story (brothers, sisters, a parent) and never an accident of the draw.
 */
import type { Rng } from './builder.js';

export class Names {
  /** Full names ("given surname") already given out. */
  readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** A given name and surname from the lists whose combination nobody has yet. */
  unique(givens: readonly string[], surnames: readonly string[]): [string, string] {
    for (;;) {
      const given = this.rng.pick(givens);
      const surname = this.rng.pick(surnames);
      const full = `${given} ${surname}`;
      if (!this.used.has(full)) {
        this.used.add(full);
        return [given, surname];
      }
    }
  }
}
