/** Reading entities and neighbourhoods: the Cypher lives beside this file. */
import { cypherFile, type Database, type PlainNode, type PlainRel } from '../../db/database.js';
import { toEntity, toLink, type EntityView, type LinkView } from '../../domain/entity.js';

const q = (name: string) => cypherFile(import.meta.url, name);

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
}

/**
 * Breadth-first, one bounded query per hop: each hop asks only for neighbours not yet seen and no
 * more than the room left under `limit`, so a hub node can never flood the result; the links are
 * then read once for the whole node set, which de-duplicates them and includes the links between
 * neighbours that a chart needs.
 */
export async function neighbourhood(db: Database, args: NeighbourhoodArgs): Promise<Subgraph> {
  const what = 'This neighbourhood';
  const expand = (frontier: string[], seen: string[], room: number) =>
    db.read(q('expandOneHop.cypher'), { frontier, seen, linkTypes: args.linkTypes, kinds: args.kinds, asOf: args.asOf, cap: room + 1 }, { what });
  // The first hop is asked together with the start nodes (one round trip less), making room for
  // all the ids asked for even if some do not exist.
  const firstRoom = args.limit - args.ids.length;
  const [startRows, firstHop] = await Promise.all([
    db.read(q('nodesById.cypher'), { ids: args.ids }, { what }),
    args.hops > 0 && firstRoom > 0 ? expand(args.ids, args.ids, firstRoom) : null,
  ]);
  const nodes = new Map<string, EntityView>();
  for (const r of startRows) {
    const e = toEntity(r.n as PlainNode);
    nodes.set(e.id, e);
  }
  let truncated = args.hops > 0 && firstRoom <= 0;
  let frontier = [...nodes.keys()];
  for (let hop = 0; hop < args.hops && frontier.length > 0 && !truncated; hop++) {
    const room = hop === 0 ? firstRoom : args.limit - nodes.size;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const rows = hop === 0 ? firstHop! : await expand(frontier, [...nodes.keys()], room);
    if (rows.length > room) {
      truncated = true;
      rows.length = room;
    }
    frontier = [];
    for (const r of rows) {
      const e = toEntity(r.m as PlainNode);
      nodes.set(e.id, e);
      frontier.push(e.id);
    }
  }

  const linkCap = Math.max(1000, args.limit * 5);
  const linkRows = await db.read(
    q('linksAmong.cypher'),
    { ids: [...nodes.keys()], linkTypes: args.linkTypes, asOf: args.asOf, cap: linkCap + 1 },
    { what },
  );
  if (linkRows.length > linkCap) {
    truncated = true;
    linkRows.length = linkCap;
  }
  const links = linkRows.map((r) => toLink(r.r as PlainRel, r.source as string, r.target as string));
  return { nodes: [...nodes.values()], links, truncated };
}
