/**
 * Saved charts and audited exports. A saved chart stores ids, positions and view state only, never
 * copies of case data: reopening reads the entities fresh, through the same guard as any read.
 *
 * A chart belongs to its author (`owner`; for charts saved before owners, `createdBy`): names are
 * unique per owner, only the owner replaces, re-shares or deletes it, and others see it only when
 * the owner shared it with them by username or with the owner's agency.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { MAX_CHART_ENTITIES, readChartElements } from './elements.js';
import { workingChartResolvers } from './workingChart.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** View state is positions and settings: about 60 bytes per node; well under the body limit. */
const MAX_STATE_CHARS = 900_000;

const id = z.string().min(1).max(200);
const ids = z.array(id).max(MAX_CHART_ENTITIES, `at most ${MAX_CHART_ENTITIES} entities`);

/** At most this many users to share one chart with by name (share with the agency for more). */
const MAX_SHARED_USERS = 50;

const saveArgs = z.object({
  name: z.string().trim().min(1, 'give the chart a name').max(120, 'a name is at most 120 characters'),
  entityIds: ids.min(1, 'an empty chart cannot be saved'),
  linkIds: z.array(id).max(MAX_CHART_ENTITIES * 5).nullish(),
  state: z.record(z.string(), z.unknown()),
  // Omitted: the chart stays shared as it was (a new chart: with no one).
  sharedWithUsers: z
    .array(z.string().trim().toLowerCase().min(1, 'a username cannot be empty').max(64))
    .max(MAX_SHARED_USERS, `share with at most ${MAX_SHARED_USERS} users by name (or with your agency)`)
    .nullish(),
});

const exportArgs = z.object({
  format: z.enum(['PNG', 'SVG', 'GRAPHML', 'CSV', 'PDF', 'PRINT']),
  chartName: z.string().max(120).nullish(),
  entityIds: ids,
});

interface StoredChart {
  id: string;
  name: string;
  owner: string;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
  nodeCount: number;
  sharedWithUsers?: string[] | null;
  /** The agency it is shared with (the owner's, when shared); null when not. */
  sharedWithAgency?: string | null;
  state?: string;
  entityIds?: string[];
  linkIds?: string[] | null;
}

/** Who is asking, as the chart queries match on it. */
function caller(ctx: RequestContext): { username: string; agency: string | null } {
  return { username: ctx.user!.username, agency: ctx.user!.agency ?? null };
}

/**
 * A chart as the caller sees it: whose it is, whether it is theirs and whether it is shared. Whom
 * it is shared with is the owner's business: others see null there.
 */
function summaryFor(c: StoredChart, ctx: RequestContext) {
  const mine = c.owner === ctx.user!.username;
  const users = c.sharedWithUsers ?? [];
  return {
    id: c.id,
    name: c.name,
    owner: c.owner,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
    updatedAt: c.updatedAt,
    nodeCount: c.nodeCount,
    mine,
    shared: users.length > 0 || Boolean(c.sharedWithAgency),
    sharedWithUsers: mine ? users : null,
    sharedWithAgency: mine ? Boolean(c.sharedWithAgency) : null,
  };
}

export const chartsResolvers: Resolvers = {
  Query: {
    ...workingChartResolvers.Query,
    savedCharts: async (_, __, ctx) => {
      const rows = await ctx.db.read(q('listCharts.cypher'), caller(ctx));
      return rows.map((r) => summaryFor(r.chart as StoredChart, ctx));
    },
    savedChart: async (_, args, ctx) => {
      const a = parseArgs(z.object({ id }), args);
      // A chart the caller may not open answers as no such chart: null, and nothing read.
      const [row] = await ctx.db.read(q('openChart.cypher'), { id: a.id, ...caller(ctx) });
      if (!row) return null;
      const chart = row.chart as StoredChart;
      const { state, entityIds = [], linkIds } = chart;
      const elements = await readChartElements(ctx, entityIds, linkIds, 'This saved chart');
      let parsed: unknown;
      try {
        parsed = JSON.parse(state ?? '{}');
      } catch {
        parsed = {};
      }
      // The view state is the owner's writing (group names) and whatever a client put there: to
      // another user it goes as view state only — positions, hidden, pinned, group members, filters,
      // styling, viewport — with group names and notes only inside the owner's agency.
      if (chart.owner !== ctx.user!.username) {
        const [owner] = await ctx.db.read(q('ownerAgency.cypher'), { owner: chart.owner });
        parsed = viewStateForOthers(parsed, (owner?.agency ?? null) === (ctx.user!.agency ?? null));
      }
      return {
        ...summaryFor(chart, ctx),
        state: parsed,
        elements,
      };
    },
  },
  Mutation: {
    ...workingChartResolvers.Mutation,
    saveChart: async (_, args, ctx) => {
      // sharedWithAgency needs no more than its SDL type (Boolean): omitted and null keep the sharing.
      const a = { ...parseArgs(saveArgs, args), sharedWithAgency: args.sharedWithAgency };
      const state = JSON.stringify(a.state);
      if (state.length > MAX_STATE_CHARS) throw badInput(`The chart's view state is too large (${state.length} characters).`);
      const { username, agency } = caller(ctx);
      const sharedWithUsers = a.sharedWithUsers ? [...new Set(a.sharedWithUsers)].filter((u) => u !== username).sort() : null;
      if (sharedWithUsers?.length) {
        const known = await ctx.db.read(q('knownUsers.cypher'), { names: sharedWithUsers });
        const found = new Set(known.map((r) => r.username as string));
        const unknown = sharedWithUsers.filter((u) => !found.has(u));
        if (unknown.length) throw badInput(`No such user to share with: ${unknown.join(', ')}.`);
      }
      if (a.sharedWithAgency && !agency) throw badInput('You belong to no agency to share the chart with.');
      const [row] = await ctx.db.write(q('saveChart.cypher'), {
        id: `chart-${randomUUID()}`,
        name: a.name,
        username,
        now: new Date().toISOString(),
        state,
        entityIds: [...new Set(a.entityIds)],
        linkIds: a.linkIds ? [...new Set(a.linkIds)] : null,
        shareUsers: sharedWithUsers !== null,
        sharedWithUsers: sharedWithUsers ?? [],
        shareAgency: a.sharedWithAgency != null,
        sharedWithAgency: a.sharedWithAgency ? agency : null,
      });
      return summaryFor(row!.chart as StoredChart, ctx);
    },
    deleteChart: async (_, args, ctx) => {
      const a = parseArgs(z.object({ id }), args);
      // Only the owner's delete removes anything; for anyone else's chart (or none) the answer is false.
      const [row] = await ctx.db.write(q('deleteChart.cypher'), { id: a.id, username: ctx.user!.username });
      return Number(row?.n ?? 0) > 0;
    },
    recordExport: async (_, args, ctx) => {
      const a = parseArgs(exportArgs, args);
      const rows = await ctx.db.read(q('exportEntities.cypher'), { ids: [...new Set(a.entityIds)] }, { what: 'This export' });
      // `entities` is not in the schema's selection; it is here so the guard's audit entry lists
      // the ids of what left the service (and marks it as a read of persons when it holds any).
      return { format: a.format, count: rows.length, at: new Date().toISOString(), entities: rows.map((r) => toEntity(r.n as PlainNode)) };
    },
  },
};

const VIEW_STATE_KEYS = ['version', 'positions', 'hidden', 'pinned', 'groups', 'filters', 'styling', 'viewport'];

/** A saved view state as another user may have it: its known parts only, group names only for the owner's agency. */
export function viewStateForOthers(state: unknown, sameAgency: boolean): Record<string, unknown> {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return {};
  const s = state as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of VIEW_STATE_KEYS) if (s[k] !== undefined) out[k] = s[k];
  // Notes drawn on the chart are the owner's writing too: shown only inside the owner's agency.
  if (sameAgency && s.annotations !== undefined) out.annotations = s.annotations;
  if (Array.isArray(out.groups)) {
    out.groups = (out.groups as Record<string, unknown>[]).map((g, i) => ({
      id: String(g?.id ?? `group-${i}`),
      label: sameAgency && typeof g?.label === 'string' ? g.label : `Group ${i + 1}`,
      members: Array.isArray(g?.members) ? (g.members as unknown[]).map(String) : [],
    }));
  }
  return out;
}
