/**
 * Deliveries to another agency (issue 20, item 2), kept as :Delivery records outside the case
 * graph: who sent what, from and to which agency and role, who received it, when, and what they
 * decided. A caller sees those their agency sent or received; the subjects through their viewer
 * (children as descriptors for licensing) and the free text withheld by the viewer's rule when it
 * concerns a protected child. Escalation of the unacknowledged: escalation.ts.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../http/context.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg } from '../../http/args.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { sameAgency } from '../../access/viewer.js';
import { DELIVERY_KINDS } from './escalation.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const ROLES = ['analyst', 'safeguarding', 'licensing'] as const;

async function viewDeliveries(ctx: RequestContext, nodes: PlainNode[]) {
  const ids = [...new Set(nodes.flatMap((d) => (d.props.subjectIds as string[] | null) ?? []))];
  const rows = ids.length ? await ctx.db.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids }) : [];
  const subjects = new Map(rows.map((r) => [String((r.n as PlainNode).props.id), r.n as PlainNode]));
  return nodes.map((d) => {
    const p = d.props;
    const subjectIds = (p.subjectIds as string[] | null) ?? [];
    const seen = ctx.viewer!.entity({ labels: ['Delivery'], props: p }, subjectIds);
    const withheld = Array.isArray(seen.properties.textWithheld) && seen.properties.textWithheld.length > 0;
    return {
      id: String(p.id),
      deliveryKind: String(p.kind),
      title: str(seen.properties.title),
      note: str(seen.properties.note),
      subjects: subjectIds.flatMap((id) => (subjects.has(id) ? [toEntity(subjects.get(id)!)] : [])),
      sentBy: String(p.sentBy),
      fromAgency: String(p.fromAgency),
      fromRole: String(p.fromRole),
      sentAt: String(p.sentAt),
      toAgency: String(p.toAgency),
      toRole: str(p.toRole),
      status: String(p.status),
      receivedBy: str(p.receivedBy),
      receivedAt: str(p.receivedAt),
      decision: str(seen.properties.outcome),
      escalatedAt: str(p.escalatedAt),
      escalatedTo: (p.escalatedTo as string[] | null) ?? [],
      textWithheld: withheld,
    };
  });
}

const agencyOf = (ctx: RequestContext) => {
  const agency = sameAgency(ctx.user!.agency);
  if (!agency) throw new GraphQLError('Your account has no agency: deliveries are between agencies. Ask an administrator to set yours.', { extensions: { code: 'FORBIDDEN' } });
  return agency;
};

export const deliveriesResolvers: Resolvers = {
  Query: {
    deliveries: async (_, args, ctx) => {
      const { box, status, limit } = parseArgs(
        z.object({
          box: z.enum(['INBOX', 'SENT', 'ALL']).nullish().transform((v) => v ?? 'INBOX'),
          status: z.enum(['unacknowledged', 'acknowledged']).nullish(),
          limit: z.number().int().min(1).max(1000).default(100),
        }),
        args,
      );
      const rows = await ctx.db.read(q('deliveries.cypher'), { agency: agencyOf(ctx), inbox: box !== 'SENT', sent: box !== 'INBOX', status: status ?? null, ids: null, limit });
      return viewDeliveries(ctx, rows.map((r) => r.d as PlainNode));
    },
  },
  Mutation: {
    sendDelivery: async (_, args, ctx) => {
      const a = parseArgs(
        z.object({
          deliveryKind: z.enum(DELIVERY_KINDS, { error: `deliveryKind is one of ${DELIVERY_KINDS.join(', ')}` }),
          toAgency: z.string().trim().min(1, 'say which agency it goes to').max(200),
          toRole: z.enum(ROLES, { error: `toRole is one of ${ROLES.join(', ')}` }),
          title: z.string().trim().min(3, 'say in a few words what was sent').max(500),
          note: z.string().trim().max(4000).nullish().transform((v) => v || null),
          subjectIds: z.array(idArg).max(200).nullish().transform((v) => [...new Set(v ?? [])]),
        }),
        args,
      );
      const from = agencyOf(ctx);
      if (sameAgency(a.toAgency) === from) throw badInput('A delivery goes to another agency: this one is your own.');
      // Writes respect reads: a delivery names only what its sender can see.
      if (a.subjectIds.length) {
        const rows = await ctx.db.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n', { ids: a.subjectIds });
        const readable = new Set(rows.map((r) => r.n as PlainNode).filter((n) => ctx.viewer!.canRead(n)).map((n) => String(n.props.id)));
        // Said by position, never by id: an id echoed back (or masked) would tell which ids are children's.
        const missing = a.subjectIds.findIndex((id) => !readable.has(id));
        if (missing >= 0) throw badInput(`Subject ${missing + 1} of ${a.subjectIds.length} is not a record you can see.`);
      }
      const [row] = await ctx.db.write(q('sendDelivery.cypher'), {
        id: `dlv-${randomUUID()}`,
        kind: a.deliveryKind,
        title: a.title,
        note: a.note,
        subjectIds: a.subjectIds,
        by: ctx.user!.username,
        fromAgency: ctx.user!.agency,
        fromRole: ctx.user!.role,
        now: new Date().toISOString(),
        toAgency: a.toAgency,
        toRole: a.toRole,
      });
      return (await viewDeliveries(ctx, [row!.d as PlainNode]))[0]!;
    },
    acknowledgeDelivery: async (_, args, ctx) => {
      const { id, decision } = parseArgs(z.object({ id: idArg, decision: z.string().trim().min(3, 'say what you decided (at least a few words)').max(4000) }), args);
      const agency = agencyOf(ctx);
      const [row] = await ctx.db.write(q('acknowledgeDelivery.cypher'), { id, agency, by: ctx.user!.username, now: new Date().toISOString(), decision });
      if (!row) {
        const [found] = await ctx.db.read(q('deliveries.cypher'), { agency, inbox: true, sent: false, status: null, ids: [id], limit: 1 });
        const d = found?.d as PlainNode | undefined;
        if (!d) throw badInput('No delivery with that id sent to your agency.');
        throw badInput(`Already acknowledged by ${String(d.props.receivedBy)} on ${String(d.props.receivedAt).slice(0, 10)}.`);
      }
      return (await viewDeliveries(ctx, [row.d as PlainNode]))[0]!;
    },
    setManager: async (_, args, ctx) => {
      const { username, manager } = parseArgs(z.object({ username: z.string().trim().toLowerCase().min(1).max(64), manager: z.boolean() }), args);
      const [row] = await ctx.db.write(q('setManager.cypher'), { username, manager });
      if (!row) throw badInput(`No user called ${username}.`);
      return { username: String(row.username), role: String(row.role), agency: str(row.agency), manager: row.manager === true };
    },
  },
};
