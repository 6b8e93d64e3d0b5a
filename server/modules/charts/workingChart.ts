/**
 * The analyst's working chart: what is on their screen, autosaved by the web app (debounced, and
 * when the page is hidden) so that a reload, a new sign-in or an ended session brings it back.
 *
 * One per user (`WorkingChart {owner}`), readable by its owner only: there is no argument naming
 * whose chart to read. Like a saved chart it stores ids, positions and view state, never case data;
 * on reading, the entities and links are read fresh through the viewer (`readChartElements`), so
 * an entity withheld since the save comes back as a held item, one deleted since not at all, and
 * the view state is trimmed to what came back.
 *
 * Audit: the guard does not audit each autosave (policy.ts, QUIET_WRITES): moving a node is not a
 * change anyone needs to review, and the entities were audited when they were read onto the chart.
 * What is audited here is each change of *which* entities are on the chart (ids added and removed,
 * with counts as arguments, never the view state); the restore is audited by the guard as any read
 * of persons is.
 */
import { z } from 'zod';
import { badInput, parseArgs } from '../../http/errors.js';
import { cypherFile } from '../../db/database.js';
import { appendAudit } from '../audit/audit.js';
import { MAX_CHART_ENTITIES, readChartElements } from './elements.js';
import type { Resolvers, WorkingChartSaved } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** Positions and settings, as for a saved chart (about 60 bytes per node). */
const MAX_STATE_CHARS = 900_000;
const id = z.string().min(1).max(200);

const saveArgs = z.object({
  entityIds: z.array(id).max(MAX_CHART_ENTITIES, `at most ${MAX_CHART_ENTITIES} entities`),
  linkIds: z.array(id).max(MAX_CHART_ENTITIES * 5).nullish(),
  state: z.record(z.string(), z.unknown()),
});

/**
 * The saved view state, kept to the elements that came back: positions, hidden, pinned and group
 * members of entities (and links) the caller no longer sees, or that are gone, are dropped.
 */
export function stateForElements(state: unknown, nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): Record<string, unknown> {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return {};
  const s = { ...(state as Record<string, unknown>) };
  const known = (x: unknown) => typeof x === 'string' && (nodeIds.has(x) || linkIds.has(x));
  if (s.positions && typeof s.positions === 'object' && !Array.isArray(s.positions)) {
    s.positions = Object.fromEntries(Object.entries(s.positions as Record<string, unknown>).filter(([k]) => nodeIds.has(k)));
  }
  for (const k of ['hidden', 'pinned']) if (Array.isArray(s[k])) s[k] = (s[k] as unknown[]).filter(known);
  if (Array.isArray(s.groups)) {
    s.groups = (s.groups as Record<string, unknown>[])
      .map((g) => ({ ...g, members: Array.isArray(g?.members) ? (g.members as unknown[]).filter(known) : [] }))
      .filter((g) => g.members.length > 0);
  }
  return s;
}

interface StoredWorkingChart {
  updatedAt: string;
  nodeCount: number;
  state?: string;
  entityIds?: string[];
  linkIds?: string[] | null;
}

export const workingChartResolvers: Resolvers = {
  Query: {
    workingChart: async (_, __, ctx) => {
      const [row] = await ctx.db.read(q('openWorkingChart.cypher'), { username: ctx.user!.username });
      if (!row) return null;
      const chart = row.chart as StoredWorkingChart;
      const elements = await readChartElements(ctx, chart.entityIds ?? [], chart.linkIds, 'Your working chart');
      let parsed: unknown;
      try {
        parsed = JSON.parse(chart.state ?? '{}');
      } catch {
        parsed = {};
      }
      const state = stateForElements(parsed, new Set(elements.nodes.map((n) => n.id)), new Set(elements.links.map((l) => l.id)));
      return { updatedAt: chart.updatedAt, nodeCount: chart.nodeCount, state, elements };
    },
  },
  Mutation: {
    saveWorkingChart: async (_, args, ctx) => {
      const a = parseArgs(saveArgs, args);
      const state = JSON.stringify(a.state);
      if (state.length > MAX_STATE_CHARS) throw badInput(`The chart's view state is too large (${state.length} characters).`);
      const entityIds = [...new Set(a.entityIds)];
      const [row] = await ctx.db.write(q('saveWorkingChart.cypher'), {
        username: ctx.user!.username,
        now: new Date().toISOString(),
        state,
        entityIds,
        linkIds: a.linkIds ? [...new Set(a.linkIds)] : null,
      });
      const before = new Set((row!.before as string[]) ?? []);
      const now = new Set(entityIds);
      const added = entityIds.filter((x) => !before.has(x));
      const removed = [...before].filter((x) => !now.has(x));
      if (added.length || removed.length) {
        // One entry per change of what is on the chart; the answer waits for it like any other.
        const written = appendAudit(ctx.db, {
          username: ctx.user!.username,
          role: ctx.user!.role,
          purpose: ctx.purpose,
          operation: 'Mutation.saveWorkingChart',
          args: { entityCount: entityIds.length, added: added.length, removed: removed.length },
          entityIds: [...added, ...removed],
          outcome: 'ok',
        });
        written.catch(() => {});
        ctx.pendingAudit.push(written);
      }
      return row!.saved as WorkingChartSaved;
    },
  },
};
