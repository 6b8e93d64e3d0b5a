/**
 * Saved charts and audited exports. A saved chart stores ids, positions and view state only, never
 * copies of case data: reopening reads the entities fresh, through the same guard as any read.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode, type PlainRel } from '../../db/database.js';
import { toEntity, toLink } from '../../domain/entity.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** As many as the chart's scale target (5,000 elements) and the neighbourhood limit. */
export const MAX_CHART_ENTITIES = 5_000;
/** View state is positions and settings: about 60 bytes per node; well under the body limit. */
const MAX_STATE_CHARS = 900_000;

const id = z.string().min(1).max(200);
const ids = z.array(id).max(MAX_CHART_ENTITIES, `at most ${MAX_CHART_ENTITIES} entities`);

const saveArgs = z.object({
  name: z.string().trim().min(1, 'give the chart a name').max(120, 'a name is at most 120 characters'),
  entityIds: ids.min(1, 'an empty chart cannot be saved'),
  linkIds: z.array(id).max(MAX_CHART_ENTITIES * 5).nullish(),
  state: z.record(z.string(), z.unknown()),
});

const exportArgs = z.object({
  format: z.enum(['PNG', 'SVG', 'GRAPHML', 'CSV']),
  chartName: z.string().max(120).nullish(),
  entityIds: ids,
});

interface StoredChart {
  id: string;
  name: string;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
  nodeCount: number;
  state?: string;
  entityIds?: string[];
  linkIds?: string[] | null;
}

export const chartsResolvers = {
  Query: {
    savedCharts: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const rows = await ctx.db.read(q('listCharts.cypher'));
      return rows.map((r) => r.chart as StoredChart);
    },
    savedChart: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(z.object({ id }), args);
      const [row] = await ctx.db.read(q('openChart.cypher'), { id: a.id });
      if (!row) return null;
      const { state, entityIds = [], linkIds, ...summary } = row.chart as StoredChart;
      // Elements are read here, inside the guarded resolver, so the guard audits the persons on
      // the chart and applies redaction and withholding to them.
      const what = 'This saved chart';
      const nodeRows = await ctx.db.read(q('chartNodes.cypher'), { ids: entityIds }, { what });
      const cap = MAX_CHART_ENTITIES * 5;
      const linkRows = await ctx.db.read(q('chartLinks.cypher'), { ids: entityIds, cap: cap + 1 }, { what });
      const wanted = linkIds ? new Set(linkIds) : null;
      const links = linkRows
        .slice(0, cap)
        .map((r) => toLink(r.r as PlainRel, r.source as string, r.target as string))
        .filter((l) => !wanted || wanted.has(l.id));
      let parsed: unknown = {};
      try {
        parsed = JSON.parse(state ?? '{}');
      } catch {
        parsed = {};
      }
      return {
        ...summary,
        state: parsed,
        elements: { nodes: nodeRows.map((r) => toEntity(r.n as PlainNode)), links, truncated: linkRows.length > cap },
      };
    },
  },
  Mutation: {
    saveChart: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(saveArgs, args);
      const state = JSON.stringify(a.state);
      if (state.length > MAX_STATE_CHARS) throw badInput(`The chart's view state is too large (${state.length} characters).`);
      const [row] = await ctx.db.write(q('saveChart.cypher'), {
        id: `chart-${randomUUID()}`,
        name: a.name,
        username: ctx.user!.username,
        now: new Date().toISOString(),
        state,
        entityIds: [...new Set(a.entityIds)],
        linkIds: a.linkIds ? [...new Set(a.linkIds)] : null,
      });
      return row!.chart as StoredChart;
    },
    deleteChart: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(z.object({ id }), args);
      const [row] = await ctx.db.write(q('deleteChart.cypher'), { id: a.id });
      return Number(row?.n ?? 0) > 0;
    },
    recordExport: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const a = parseArgs(exportArgs, args);
      const rows = await ctx.db.read(q('exportEntities.cypher'), { ids: [...new Set(a.entityIds)] }, { what: 'This export' });
      // `entities` is not in the schema's selection; it is here so the guard's audit entry lists
      // the ids of what left the service (and marks it as a read of persons when it holds any).
      return { format: a.format, count: rows.length, at: new Date().toISOString(), entities: rows.map((r) => toEntity(r.n as PlainNode)) };
    },
  },
};
