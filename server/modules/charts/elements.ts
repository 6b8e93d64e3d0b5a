/** Reading a stored chart's elements (saved charts and the working chart alike). */
import type { RequestContext } from '../../http/context.js';
import { cypherFile, type PlainNode, type PlainRel } from '../../db/database.js';
import { linkHidden, toEntity, toLink } from '../../domain/entity.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** As many as the chart's scale target (5,000 elements) and the neighbourhood limit. */
export const MAX_CHART_ENTITIES = 5_000;

/**
 * A chart's entities and links as the graph holds them now. Read inside the guarded resolver, so
 * the guard audits the persons on it and the viewer applies redaction and withholding: a stored
 * chart never carries case data of its own. `linkIds` null: every link among the entities.
 */
export async function readChartElements(ctx: RequestContext, entityIds: string[], linkIds: string[] | null | undefined, what: string) {
  const nodeRows = await ctx.db.read(q('chartNodes.cypher'), { ids: entityIds }, { what });
  const cap = MAX_CHART_ENTITIES * 5;
  const linkRows = await ctx.db.read(q('chartLinks.cypher'), { ids: entityIds, cap: cap + 1 }, { what });
  const wanted = linkIds ? new Set(linkIds) : null;
  const links = linkRows
    .slice(0, cap)
    .filter((r) => !linkHidden((r.r as PlainRel).type, r.source as string, r.target as string))
    .map((r) => toLink(r.r as PlainRel, r.source as string, r.target as string))
    .filter((l) => !wanted || wanted.has(l.id));
  return { nodes: nodeRows.map((r) => toEntity(r.n as PlainNode)), links, truncated: linkRows.length > cap };
}

