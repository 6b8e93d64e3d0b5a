import { z } from 'zod';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { idArg } from '../../http/args.js';
import { authorize, outgoing, viewerFor } from '../../access/guard.js';
import type { Viewer } from '../../access/viewer.js';
import type { PlainNode } from '../../db/database.js';
import type { Alert } from './rules.js';
import { alertFeed, resumePoint } from './feed.js';
import type { Resolvers } from '../../generated/graphql.js';

/**
 * Alerts as the caller may see them. A rule looks at the whole graph; an alert about a record held
 * under conditions from the caller (or that only withheld reports support) would tell its content,
 * so its summary says only that and whom to ask, and the held records' ids are left out.
 */
async function viewAlerts(ctx: RequestContext, viewer: Viewer, alerts: Alert[]): Promise<Alert[]> {
  const ids = [...new Set(alerts.flatMap((a) => a.entityIds ?? []))];
  if (!ids.length) return alerts;
  const rows = await ctx.db.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids });
  const held = new Map<string, string>();
  for (const r of rows) {
    const node = r.n as PlainNode;
    if (viewer.isHeld(node)) held.set(String(node.props.id), viewer.entity(node).label);
  }
  if (!held.size) return alerts;
  return alerts.map((a) => {
    const mine = (a.entityIds ?? []).filter((id) => held.has(id));
    if (!mine.length) return a;
    const holders = [...new Set(mine.map((id) => held.get(id)!))].join('; ');
    return { ...a, summary: `An alert (${a.rule.replace(/_/g, ' ')}) about records held under conditions (${holders}): ask the holder.`, entityIds: a.entityIds.filter((id) => !held.has(id)) };
  });
}

/** How often an open feed checks that its session still stands (the check itself is cached ~2 s per user). */
const SESSION_CHECK_MS = 3_000;

/**
 * The caller's alerts numbered after `from`, as they are raised on any server (feed.ts). Before
 * each delivery the session is checked again: a sign-out, a disabled account or a change of role or
 * agency ends the feed (with UNAUTHENTICATED), rather than letting it run on until the client
 * disconnects. Each delivered alert's number becomes the event's id (`ctx.eventId`, written as the
 * SSE `id:` by plugins/eventIds.ts), which the client sends back as `Last-Event-ID` to resume.
 */
async function* liveAlerts(ctx: RequestContext, from: number): AsyncGenerator<Alert> {
  const feed = alertFeed(ctx.db);
  // Set when the feed may hold news; a wait in progress is cut short by `wake`.
  const news = { arrived: false, wake: () => {} };
  const stop = feed.listen(() => {
    news.arrived = true;
    news.wake();
  });
  const ended = async () => {
    const now = ctx.recheck ? await ctx.recheck() : ctx.user;
    return !now || now.role !== ctx.user!.role || now.agency !== ctx.user!.agency;
  };
  const sessionEnded = () => new GraphQLError('Your session has ended or changed: sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
  let position = from;
  let lastCheck = Date.now();
  try {
    for (;;) {
      news.arrived = false;
      for (const a of await feed.after(position)) {
        position = a.seq;
        if (!a.audience.includes(ctx.user!.role)) continue;
        if (await ended()) throw sessionEnded();
        lastCheck = Date.now();
        // The same view as the inbox, taken afresh for each alert: held records, then the second line.
        const viewer = await viewerFor(ctx, 'Query.alerts');
        const [seen] = await viewAlerts(ctx, viewer, [a]);
        ctx.eventId = String(a.seq);
        yield outgoing(seen!, viewer, new Set()) as Alert;
      }
      // Wait for news, or at most SESSION_CHECK_MS: a quiet feed ends with its session too.
      if (!news.arrived) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          news.wake = resolve;
          timer = setTimeout(resolve, SESSION_CHECK_MS);
        });
        clearTimeout(timer);
        news.wake = () => {};
      }
      if (Date.now() - lastCheck >= SESSION_CHECK_MS) {
        if (await ended()) throw sessionEnded();
        lastCheck = Date.now();
      }
    }
  } finally {
    stop();
  }
}

export const alertsResolvers: Resolvers = {
  Query: {
    alerts: async (_, args, ctx) => {
      const { status, limit } = parseArgs(z.object({ status: z.enum(['open', 'acknowledged']).nullish(), limit: z.number().int().min(1).max(1000).default(100) }), args);
      const rows = await ctx.db.read(
        `MATCH (a:Alert) WHERE $role IN a.audience AND ($status IS NULL OR a.status = $status)
         RETURN properties(a) AS a ORDER BY a.raisedAt DESC, a.key LIMIT $limit`,
        { role: ctx.user!.role, status: status ?? null, limit },
      );
      return viewAlerts(ctx, ctx.viewer!, rows.map((r) => r.a as Alert));
    },
  },
  Mutation: {
    acknowledgeAlert: async (_, args, ctx) => {
      const { id, note } = parseArgs(z.object({ id: idArg, note: z.string().max(2000).nullish() }), args);
      const today = new Date().toISOString().slice(0, 10);
      const [row] = await ctx.db.write(
        `MATCH (a:Alert {id: $id}) WHERE $role IN a.audience
         SET a.status = 'acknowledged', a.acknowledgedBy = $by, a.acknowledgedAt = $now, a.note = $note
         // Licensing acknowledging a notice on a licensed person: licensing has now been told.
         WITH a
         OPTIONAL MATCH (n:Notice) WHERE a.rule = 'notice_on_licensed' AND $role = 'licensing' AND n.id IN a.entityIds AND n.licensingNotifiedOn IS NULL
         SET n.licensingNotifiedOn = $today
         RETURN properties(a) AS a`,
        { id, note: note ?? null, role: ctx.user!.role, by: ctx.user!.username, now: new Date().toISOString(), today },
      );
      if (!row) throw new GraphQLError('No alert with that id for your role.', { extensions: { code: 'BAD_USER_INPUT' } });
      return (await viewAlerts(ctx, ctx.viewer!, [row.a as Alert]))[0];
    },
  },
  Subscription: {
    alertRaised: {
      // Whoever may read the inbox may follow it live; each sees only alerts for their role.
      // It starts where the client left off (`Last-Event-ID`), or at the feed's head, read before the
      // stream is answered: whatever is raised after the client is told it is live reaches it.
      subscribe: async (_, __, ctx) => {
        authorize(ctx, 'Query.alerts');
        const from = resumePoint(ctx.lastEventId ?? null, await alertFeed(ctx.db).head());
        return liveAlerts(ctx, from);
      },
      // Already seen through the caller's view by liveAlerts.
      resolve: (a: Alert) => a,
    },
  },
};
