import { z } from 'zod';
import { isoDate } from '../../http/args.js';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { HISTORY, neighbourhood } from '../graph/queries.js';
import { assignChildren, assignedChildren } from './assignments.js';
import { idArg } from '../../http/args.js';
import { currentViewer } from '../../access/viewer.js';
import { renderPack, type PackView } from './pack.js';
import { knownReportIds } from '../../db/knownReports.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

export const childArgs = z.object({
  childId: z.string().min(1),
  hops: z.number().int().min(1, 'hops must be 1 to 3').max(3, 'hops must be 1 to 3').default(2),
  asOf: isoDate
    .nullish()
    .transform((v) => v ?? new Date().toISOString().slice(0, 10)),
  asOfBasis: z.enum(['HAPPENED', 'KNOWN']).nullish(),
  purpose: z.string().trim().min(3, 'state the purpose of this view (e.g. the strategy meeting it is for)').max(500),
  openReason: z.string().trim().min(10, 'say in a sentence why you need to open a child not assigned to you').max(1000).nullish(),
});

/**
 * Need-to-know: a safeguarding user opens the children assigned to them; any other child only with
 * a stated reason (the guard records the view as opened-with-reason). Analysts are not limited.
 */
async function checkNeedToKnow(ctx: RequestContext, childId: string, openReason: string | null | undefined): Promise<PlainNode | undefined> {
  if (ctx.user?.role !== 'safeguarding' || openReason) return undefined;
  const [found] = await ctx.db.read(q('child.cypher'), { childId });
  if (!found) throw new GraphQLError('No child with that id.', { extensions: { code: 'BAD_USER_INPUT' } });
  // The child as read here is the one the view shows (no second read of the same record).
  if ((await assignedChildren(ctx.db, ctx.user.username)).includes(childId)) return found.c as PlainNode;
  throw new GraphQLError('This child is not assigned to you. To open the view anyway, give a reason (openReason): it is recorded and reviewed.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

/** The strategy-meeting view of one child, as stored (the guard, or the pack, redacts it for the role). */
export async function childView(db: Database, { childId, hops, asOf, known = null }: { childId: string; hops: number; asOf: string; known?: string[] | null }, child?: PlainNode) {
  // "What we knew then" (asOfBasis KNOWN, issue 20 item 9): the same rule, its opt-in `known` slot on.
  const asked = known ? { on: ['known'] } : {};
  const [found] = child ? [{ c: child }] : await db.read(q('child.cypher'), { childId });
  // The same answer for "no such id" and "not a child": the view is only ever about a child.
  if (!found) throw new GraphQLError('No child with that id.', { extensions: { code: 'BAD_USER_INPUT' } });
  const [network, chronologyRows, linkedRows] = await Promise.all([
    // A strategy meeting reviews the child's history as of its date: what had begun by then, links
    // that have since ended included (a past placement, a contact that stopped), each with its dates.
    neighbourhood(db, { ids: [childId], hops, linkTypes: null, kinds: null, asOf, limit: 1500, history: true, known }),
    db.read(cypherFile(import.meta.url, 'chronology.cypher', asked), { childId, asOf, known }, { what: 'This chronology' }),
    db.read(cypherFile(import.meta.url, 'linkedPersons.cypher', { ...HISTORY, ...asked }), { childId, asOf, known, withheld: currentViewer()?.withheldReportIds() ?? [] }, { what: 'The linked persons' }),
  ]);
  // The child's own phones are victims' phones: never to be called (DESIGN.md §6).
  const childPhones = new Set(network.links.filter((l) => l.type === 'HAS_PHONE' && l.source === childId).map((l) => l.target));
  for (const n of network.nodes) {
    if (childPhones.has(n.id)) {
      n.properties = { ...n.properties, doNotContact: true };
      n.doNotContact = true;
    }
  }
  const chronology = chronologyRows.map((r) => {
    const e = toEntity(r.e as PlainNode);
    const extra = Object.fromEntries(Object.entries(r.extra as Record<string, unknown>).filter(([, v]) => v !== null));
    // chronologyDate: the date that places the record in the chronology, whatever its kind.
    return { ...e, properties: { ...e.properties, ...extra, chronologyDate: r.date } };
  });
  const linkedPersons = linkedRows.map((r) => ({
    entity: toEntity(r.p as PlainNode),
    score: (r.routeKinds as string[]).length,
    // reports: the distinct reports behind the routes — independent sources, shown with each link.
    detail: { routes: r.routes, routeKinds: r.routeKinds, reports: r.reports, sources: (r.reports as string[]).length, otherChildren: r.otherChildren, notices: r.notices },
  }));
  return { child: toEntity(found.c as PlainNode), network, chronology, linkedPersons };
}

export const safeguardingResolvers: Resolvers = {
  Query: {
    // A safeguarding user's picker lists only the children assigned to them, so the descriptors in
    // a view cannot be matched against a list of everyone.
    children: async (_, __, ctx) => {
      const only = ctx.user?.role === 'safeguarding' ? await assignedChildren(ctx.db, ctx.user.username) : null;
      const rows = await ctx.db.read(q('children.cypher'), { only });
      return rows.map((r) => toEntity(r.c as PlainNode));
    },
    childConnections: async (_, args, ctx) => {
      const a = parseArgs(childArgs, args);
      const child = await checkNeedToKnow(ctx, a.childId, a.openReason);
      const known = a.asOfBasis === 'KNOWN' ? await knownReportIds(ctx.db, a.asOf, ctx.user?.agency) : null;
      return childView(ctx.db, { ...a, known }, child);
    },
  },
  Mutation: {
    strategyPack: async (_, args, ctx) => {
      const a = parseArgs(childArgs, args);
      await checkNeedToKnow(ctx, a.childId, a.openReason);
      // Read inside the guard's view, as the screen is: every child but this one a descriptor, so
      // the PDF cannot carry more than the screen would.
      const view = await childView(ctx.db, a);
      const generatedAt = new Date().toISOString();
      const pdf = await renderPack(view as unknown as PackView, { purpose: a.purpose, asOf: a.asOf, hops: a.hops, generatedBy: ctx.user!.username, generatedAt });
      const pseudonym = String(view.child.properties.pseudonym ?? 'child').replace(/[^A-Za-z0-9_-]/g, '');
      const shows = [view.child, ...view.linkedPersons.map((p) => p.entity), ...view.chronology];
      return { filename: `strategy-pack-${pseudonym}-${a.asOf}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64'), bytes: pdf.length, shows };
    },
    assignChildren: async (_, args, ctx) => {
      const a = parseArgs(z.object({ username: z.string().trim().toLowerCase().min(1).max(64), childIds: z.array(idArg).max(500, 'at most 500 children') }), args);
      const done = await assignChildren(ctx.db, a.username, [...new Set(a.childIds)]);
      if (!done) throw new GraphQLError('No user with that username.', { extensions: { code: 'BAD_USER_INPUT' } });
      // Ids that are not children are left out: say so, so an admin's typo is not silently lost.
      const missing = a.childIds.filter((id) => !done.assignedChildren.includes(id));
      return { ...done, notChildren: missing };
    },
  },
};
