/** Reading entities and neighbourhoods: the Cypher lives beside this file. */
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import type { RenderOptions } from '../../db/cypher.js';
import { linkHidden, toEntity, toLink, type EntityView, type LinkView } from '../../domain/entity.js';
import { currentViewer, PRIVATE_CHILD_LINKS } from '../../access/viewer.js';

const q = (name: string, opts?: RenderOptions) => cypherFile(import.meta.url, name, opts);

export interface Subgraph {
  nodes: EntityView[];
  links: LinkView[];
  truncated: boolean;
}

export async function entityById(db: Database, id: string): Promise<EntityView | null> {
  const rows = await db.read(q('entity.cypher'), { id });
  return rows.length ? toEntity(rows[0].n as PlainNode) : null;
}

export async function listOperations(db: Database): Promise<EntityView[]> {
  const rows = await db.read(q('operations.cypher'));
  return rows.map((r) => toEntity(r.o as PlainNode));
}

export interface NeighbourhoodArgs {
  ids: string[];
  hops: number;
  linkTypes: string[] | null;
  kinds: string[] | null;
  asOf: string | null;
  limit: number;
  /**
   * As of `asOf`, the history (what had begun by then, ended links included: a strategy meeting's
   * view of a child) instead of the state (what was in force then: the analyst's network on a date).
   */
  history?: boolean;
  /** "What we knew then" (asOfBasis KNOWN): the reports known by `asOf` (db/knownReports.ts); null asks what had happened. */
  known?: string[] | null;
}

/**
 * Breadth-first in one statement (one round trip, about twice as fast as a query per hop): each
 * hop takes only neighbours not yet seen and no more than the room left under `limit`, so a hub
 * can never flood the answer; the links are then read once for the whole node set, which
 * de-duplicates them and includes the links between neighbours that a chart needs.
 */
/**
 * The neighbourhood statement for `hops` hops: the start, the hop once per hop (a checked whole
 * number, like a quantifier's bounds), then the links. Every part is a .cypher file beside this one.
 */
export function neighbourhoodQuery(hops: number, history = false, known = false): string {
  if (!Number.isInteger(hops) || hops < 0 || hops > 3) throw new Error('hops must be 0..3');
  const base = history ? HISTORY : undefined;
  const opts = known ? { ...base, on: ['known'] } : base;
  return q('neighbourhoodStart.cypher', opts) + q('neighbourhoodHop.cypher', opts).repeat(hops) + q('neighbourhoodLinks.cypher', opts);
}

/** The as-of rule's history half (fragments/dated.cypher) in place of the whole (asOf.cypher). */
export const HISTORY: RenderOptions = { instead: { asOf: 'dated' } };

export async function neighbourhood(db: Database, args: NeighbourhoodArgs): Promise<Subgraph> {
  const statement = neighbourhoodQuery(args.hops, args.history, args.known != null);
  const linkCap = Math.max(1000, args.limit * 5);
  const [row] = await db.read(
    statement,
    {
      ids: args.ids, linkTypes: args.linkTypes, kinds: args.kinds, asOf: args.asOf, known: args.known ?? null, limit: args.limit, cap: args.limit + 1, linkCap,
      privateLinks: PRIVATE_CHILD_LINKS, privateOf: currentViewer()?.privateLinksOf() ?? [],
    },
    { what: 'This neighbourhood' },
  );
  const nodes = (row.nodes as [string[], Record<string, unknown>][]).map(([labels, props]) => toEntity({ labels, props }));
  const linkRows = row.links as [string, Record<string, unknown>, string, string, string | null][];
  const links = linkRows
    .slice(0, linkCap)
    .filter(([type, , source, target]) => !linkHidden(type, source, target))
    .map(([type, props, source, target, elementId]) => toLink({ type, props, elementId: elementId ?? undefined }, source, target));
  return { nodes, links, truncated: (row.truncated as boolean) || linkRows.length > linkCap };
}
