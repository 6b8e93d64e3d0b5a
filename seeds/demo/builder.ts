/**
 * The small builder every part of the demo writes with: ISO dates, the one seeded random generator,
 * and the graph of nodes and links with deterministic ids.
 *
 * Everything random in the demo comes from one Rng, drawn in a fixed order (index.ts calls the parts
 * one after another), so a seed always gives the same dataset, ids included.
 */
import seedrandom from 'seedrandom';
import type { DatasetLink, DatasetNode, PropertyValue } from '../dataset.js';

/** Properties as the parts write them: undefined means "absent" and is left out of the dataset. */
export type Props = Record<string, PropertyValue | undefined>;

const DAY_MS = 86_400_000;
const toDay = (iso: string): number =>
  Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
const fromDay = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number): string => fromDay(toDay(iso) + n);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** Whole years between a date of birth and a date. */
export const ageOn = (dob: string, on: string): number =>
  Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);

export function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`demo generator: missing ${what}`);
  return x;
}

/** The seeded random generator. Each method draws a fixed number of values, so the order of calls is the dataset. */
export class Rng {
  private readonly r: seedrandom.PRNG;
  constructor(seed: string) {
    this.r = seedrandom(seed);
  }
  next(): number {
    return this.r();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return must(xs[Math.floor(this.r() * xs.length)], 'pick from empty list');
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      const t = a[i] as T;
      a[i] = a[j] as T;
      a[j] = t;
    }
    return a;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, n));
  }
  date(from: string, to: string): string {
    return fromDay(this.int(toDay(from), toDay(to)));
  }
}

/** Nodes and links with deterministic ids; strips undefined props so absent means absent, not null. */
export class Graph {
  readonly nodes = new Map<string, DatasetNode>();
  readonly links: DatasetLink[] = [];
  private readonly byBase = new Map<string, DatasetLink[]>();

  node(id: string, labels: string[], props: Props): DatasetNode {
    if (this.nodes.has(id)) throw new Error(`duplicate node id ${id}`);
    const n: DatasetNode = { id, labels, props: clean(props) };
    this.nodes.set(id, n);
    return n;
  }

  get(id: string): DatasetNode {
    return must(this.nodes.get(id), `node ${id}`);
  }

  /** A new link; a second link of the same type between the same ends gets a numeric suffix. */
  link(type: string, start: string, end: string, props: Props = {}): DatasetLink {
    const base = `${type}:${start}:${end}`;
    const same = this.byBase.get(base) ?? [];
    const id = same.length === 0 ? base : `${base}:${same.length + 1}`;
    const l: DatasetLink = { id, type, start, end, props: clean(props) };
    same.push(l);
    this.byBase.set(base, same);
    this.links.push(l);
    return l;
  }

  /** The existing link of that type between those ends, or a new one (for facts stated many times). */
  once(type: string, start: string, end: string, props: Props = {}): DatasetLink {
    return this.byBase.get(`${type}:${start}:${end}`)?.[0] ?? this.link(type, start, end, props);
  }
}

function clean(p: Props): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

/** Add report ids to a node's or link's `sources`, each once, in the order given. */
export function addSources(target: DatasetNode | DatasetLink, reps: readonly string[]): void {
  const cur = (target.props.sources as string[] | undefined) ?? [];
  const next = [...cur];
  for (const r of reps) if (!next.includes(r)) next.push(r);
  if (next.length) target.props.sources = next;
}
