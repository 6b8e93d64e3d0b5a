import { z } from 'zod';
import { isoDate } from '../../http/args.js';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { neighbourhood } from '../graph/queries.js';

const q = (name: string) => cypherFile(import.meta.url, name);

const childArgs = z.object({
  childId: z.string().min(1),
  hops: z.number().int().min(1, 'hops must be 1 to 3').max(3, 'hops must be 1 to 3').default(2),
  asOf: isoDate
    .nullish()
    .transform((v) => v ?? new Date().toISOString().slice(0, 10)),
  purpose: z.string().trim().min(3, 'state the purpose of this view (e.g. the strategy meeting it is for)').max(500),
});

export const safeguardingResolvers = {
  Query: {
    children: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const rows = await ctx.db.read('MATCH (c:Person) WHERE c.child = true RETURN c ORDER BY c.pseudonym, c.id LIMIT 2000');
      return rows.map((r) => toEntity(r.c as PlainNode));
    },
    childConnections: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const { childId, hops, asOf } = parseArgs(childArgs, args);
      const [found] = await ctx.db.read('MATCH (c:Person {id: $childId}) WHERE c.child = true RETURN c', { childId });
      // The same answer for "no such id" and "not a child": the view is only ever about a child.
      if (!found) throw new GraphQLError('No child with that id.', { extensions: { code: 'BAD_USER_INPUT' } });
      const [network, chronologyRows, linkedRows] = await Promise.all([
        neighbourhood(ctx.db, { ids: [childId], hops, linkTypes: null, kinds: null, asOf, limit: 1500 }),
        ctx.db.read(q('chronology.cypher'), { childId, asOf }, { what: 'This chronology' }),
        ctx.db.read(q('linkedPersons.cypher'), { childId, asOf }, { what: 'The linked persons' }),
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
    },
  },
};
