/**
 * Restrictions with owners and review dates, access requests and deconfliction (issue 20 item 4),
 * and contested links (item 6). What a restriction keeps from whom is applied by the one access
 * layer (access/viewer.ts, with restrictionIndex.ts): this module writes and lists the records.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg, isoDate } from '../../http/args.js';
import type { RequestContext } from '../../http/context.js';
import { invalidateProtection } from '../../access/protection.js';
import { kindOf } from '../../domain/vocabulary.js';
import { raiseAlerts } from '../alerts/rules.js';
import { restrictionFlag } from './restrictionIndex.js';
import { raiseOverlaps, raiseTeamChange } from './deconfliction.js';
import { assessmentsOf, isContested } from './contested.js';
import { restrictedNearby } from './nearby.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);
const today = () => new Date().toISOString().slice(0, 10);
const norm = (s: unknown) => (typeof s === 'string' ? s.trim().replace(/\s+/g, ' ').toLowerCase() : '');
const text = (max: number, what: string) => z.string().trim().min(1, `give ${what}`).max(max, `${what} is at most ${max} characters`);

type Stored = Record<string, unknown>;

/** The caller's team (null when an admin has not set one). */
async function teamOf(ctx: RequestContext): Promise<string | null> {
  const [row] = await ctx.db.read(q('userTeam.cypher'), { username: ctx.user!.username });
  return (row?.team as string | null) ?? null;
}

const holds = (x: Stored, team: string | null, agency: string | null | undefined) => team !== null && norm(x.team) === norm(team) && norm(x.agency) === norm(agency);

/** A restriction as the caller may see it: everything for its team, the flag for anyone else. */
function restrictionView(x: Stored, pending: number, held: boolean, granted = false) {
  const r = { team: String(x.team), agency: (x.agency as string | null) ?? null, since: String(x.since), reviewDue: String(x.reviewDue) };
  const open = held || granted;
  return {
    id: String(x.id),
    scope: String(x.scope),
    targetId: open ? String(x.targetId) : null,
    team: r.team,
    agency: r.agency,
    reason: held ? ((x.reason as string) ?? null) : null,
    since: r.since,
    reviewDue: r.reviewDue,
    overdue: !x.liftedAt && r.reviewDue < today(),
    createdBy: held ? ((x.createdBy as string) ?? null) : null,
    held,
    flag: `1 item ${restrictionFlag(r)}`,
    pendingRequests: held ? pending : 0,
  };
}

function requestView(req: Stored, x: Stored | null, held: boolean) {
  const flag = x ? `1 item ${restrictionFlag({ team: String(x.team), agency: (x.agency as string | null) ?? null, since: String(x.since), reviewDue: String(x.reviewDue) })}` : 'a restriction no longer on record';
  return {
    id: String(req.id),
    restrictionId: String(req.restrictionId),
    flag: held && x ? `${flag} — ${String(x.scope).toLowerCase()} ${String(x.targetId)}` : flag,
    requester: String(req.requester),
    requesterTeam: (req.requesterTeam as string | null) ?? null,
    requesterAgency: (req.requesterAgency as string | null) ?? null,
    reason: String(req.reason),
    status: String(req.status),
    requestedAt: String(req.requestedAt),
    answeredBy: (req.answeredBy as string | null) ?? null,
    answeredAt: (req.answeredAt as string | null) ?? null,
    answer: (req.answer as string | null) ?? null,
  };
}

const notHeld = () => new GraphQLError('Only the team that holds this restriction can do that.', { extensions: { code: 'FORBIDDEN' } });
const noRestriction = () => badInput('There is no restriction in force with that id.');

const restrictArgs = z.object({
  input: z
    .object({
      scope: z.enum(['Report', 'Entity', 'Operation'], { error: 'scope is Report, Entity or Operation' }),
      targetId: idArg,
      reason: text(1000, 'a reason'),
      since: isoDate.nullish(),
      reviewDue: isoDate,
    })
    .refine((i) => i.reviewDue > (i.since ?? today()), { error: 'the review date must be after the start date' }),
});

/** A held restriction by id, or the refusal an outsider gets (the same for one that does not exist). */
async function heldRestriction(ctx: RequestContext, id: string) {
  const [row] = await ctx.db.read(q('restrictionById.cypher'), { id });
  if (!row || (row.x as Stored).liftedAt) throw noRestriction();
  const team = await teamOf(ctx);
  if (!holds(row.x as Stored, team, ctx.user!.agency)) throw notHeld();
  return row;
}

export const restrictionsResolvers: Resolvers = {
  Link: {
    assessments: (link, _args, ctx) => assessmentsOf(ctx, ctx.db, link.sources ?? []),
    contested: async (link, _args, ctx) => isContested(await assessmentsOf(ctx, ctx.db, link.sources ?? [])),
  },
  SearchHit: {
    restrictedNearby: (hit, _args, ctx) => restrictedNearby(ctx, ctx.db, ctx.viewer, hit.entity.id),
  },
  Query: {
    restrictions: async (_, _args, ctx) => {
      const team = await teamOf(ctx);
      const rows = await ctx.db.read(q('restrictionsOf.cypher'), { team: norm(team) || '\u0000', agency: norm(ctx.user!.agency), username: ctx.user!.username });
      return rows.map((r) => {
        const held = holds(r.x as Stored, team, ctx.user!.agency);
        return restrictionView(r.x as Stored, Number(r.pending), held, !held);
      });
    },
    overdueRestrictionReviews: async (_, args, ctx) => {
      const { asOf } = parseArgs(z.object({ asOf: isoDate.nullish() }), args);
      const team = await teamOf(ctx);
      if (!team) return [];
      const rows = await ctx.db.read(q('restrictionsOf.cypher'), { team: norm(team), agency: norm(ctx.user!.agency), username: ctx.user!.username });
      return rows
        .filter((r) => holds(r.x as Stored, team, ctx.user!.agency) && String((r.x as Stored).reviewDue) < (asOf ?? today()))
        .map((r) => restrictionView(r.x as Stored, Number(r.pending), true));
    },
    accessRequests: async (_, args, ctx) => {
      const { status } = parseArgs(z.object({ status: z.enum(['pending', 'granted', 'refused'], { error: 'status is pending, granted or refused' }).nullish() }), args);
      const team = await teamOf(ctx);
      const rows = await ctx.db.read(q('accessRequests.cypher'), { status: status ?? null, username: ctx.user!.username, team: norm(team) || '\u0000', agency: norm(ctx.user!.agency) });
      return rows.map((r) => requestView(r.q as Stored, r.x as Stored, holds(r.x as Stored, team, ctx.user!.agency)));
    },
    teams: async (_, _args, ctx) => {
      const rows = await ctx.db.read(q('teams.cypher'));
      return rows.map((r) => ({ username: String(r.username), agency: (r.agency as string | null) ?? null, team: (r.team as string | null) ?? null }));
    },
  },
  Mutation: {
    restrict: async (_, args, ctx) => {
      const { input } = parseArgs(restrictArgs, args);
      const team = await teamOf(ctx);
      if (!team) throw badInput('You are not in a team: ask an administrator to set your team (setUserTeam) before restricting a record.');
      // Writes respect reads: only a record the caller can read can be restricted (one they cannot read answers as unknown).
      const [row] = await ctx.db.read('MATCH (n:Entity {id: $id}) RETURN n', { id: input.targetId });
      const node = row?.n as PlainNode | undefined;
      if (!node || !ctx.viewer!.canRead(node)) throw badInput(`There is no record ${input.targetId} you can read.`);
      const kind = kindOf(node.labels);
      if (input.scope === 'Report' && kind !== 'Report') throw badInput(`${input.targetId} is not a report: restrict it with scope Entity.`);
      if (input.scope === 'Operation' && kind !== 'Operation') throw badInput(`${input.targetId} is not an operation: restrict it with scope Entity.`);
      if (input.scope === 'Entity' && (kind === 'Report' || kind === 'Operation')) throw badInput(`${input.targetId} is a ${kind.toLowerCase()}: restrict it with scope ${kind}.`);
      const [created] = await ctx.db.write(q('createRestriction.cypher'), {
        id: `rst-${randomUUID()}`,
        ...input,
        since: input.since ?? today(),
        team,
        agency: ctx.user!.agency,
        by: ctx.user!.username,
        role: ctx.user!.role,
        now: new Date().toISOString(),
      });
      invalidateProtection(ctx.db);
      await raiseOverlaps(ctx.db);
      return restrictionView(created!.x as Stored, 0, true);
    },
    reviewRestriction: async (_, args, ctx) => {
      const a = parseArgs(z.object({ id: idArg, reviewDue: isoDate, reason: text(1000, 'a reason').nullish() }), args);
      const row = await heldRestriction(ctx, a.id);
      if (a.reviewDue <= today()) throw badInput('The next review date must be after today.');
      const [updated] = await ctx.db.write(q('reviewRestriction.cypher'), { id: a.id, reviewDue: a.reviewDue, reason: a.reason ?? null, by: ctx.user!.username, now: new Date().toISOString(), today: today() });
      return restrictionView((updated ?? row).x as Stored, Number((updated ?? row).pending), true);
    },
    liftRestriction: async (_, args, ctx) => {
      const a = parseArgs(z.object({ id: idArg, reason: text(1000, 'a reason') }), args);
      await heldRestriction(ctx, a.id);
      const [updated] = await ctx.db.write(q('liftRestriction.cypher'), { id: a.id, reason: a.reason, by: ctx.user!.username, now: new Date().toISOString() });
      invalidateProtection(ctx.db);
      return restrictionView(updated!.x as Stored, 0, true);
    },
    requestAccess: async (_, args, ctx) => {
      const a = parseArgs(z.object({ restrictionId: idArg, reason: text(1000, 'a reason') }), args);
      const [row] = await ctx.db.read(q('restrictionById.cypher'), { id: a.restrictionId });
      if (!row || (row.x as Stored).liftedAt) throw noRestriction();
      const team = await teamOf(ctx);
      if (holds(row.x as Stored, team, ctx.user!.agency)) throw badInput('Your team holds this restriction: you already see what it covers.');
      const [made] = await ctx.db.write(q('requestAccess.cypher'), {
        id: `acr-${randomUUID()}`,
        restrictionId: a.restrictionId,
        by: ctx.user!.username,
        team,
        agency: ctx.user!.agency,
        role: ctx.user!.role,
        reason: a.reason,
        now: new Date().toISOString(),
      });
      const x = made!.x as Stored;
      const req = made!.q as Stored;
      await raiseAlerts(ctx.db, [
        {
          key: `access_request:${String(req.id)}`,
          rule: 'access_request',
          audience: [typeof x.ownerRole === 'string' ? x.ownerRole : 'analyst'],
          summary: `Access request for ${String(x.team)}: ${ctx.user!.username}${team ? ` of ${team}` : ''}${ctx.user!.agency ? ` (${ctx.user!.agency})` : ''} asks to see what restriction ${String(x.id)} covers. Answer it under Restrictions.`,
          entityIds: [String(x.targetId)],
        },
      ]);
      return requestView(req, x, false);
    },
    answerAccessRequest: async (_, args, ctx) => {
      const a = parseArgs(z.object({ id: idArg, grant: z.boolean(), reason: z.string().trim().max(1000, 'a reason is at most 1000 characters').nullish() }), args);
      if (!a.grant && !a.reason) throw badInput('Give a reason when refusing access: the requester sees it.');
      const [row] = await ctx.db.read(q('requestById.cypher'), { id: a.id });
      if (!row?.x) throw badInput('There is no access request with that id.');
      const team = await teamOf(ctx);
      if (!holds(row.x as Stored, team, ctx.user!.agency)) throw notHeld();
      if ((row.q as Stored).status !== 'pending') throw badInput(`That request was already answered (${String((row.q as Stored).status)}).`);
      const [answered] = await ctx.db.write(q('answerRequest.cypher'), { id: a.id, status: a.grant ? 'granted' : 'refused', by: ctx.user!.username, now: new Date().toISOString(), answer: a.reason || null });
      if (!answered) throw badInput('That request was already answered.');
      invalidateProtection(ctx.db);
      return requestView(answered.q as Stored, answered.x as Stored, true);
    },
    setUserTeam: async (_, args, ctx) => {
      const a = parseArgs(z.object({ username: z.string().trim().toLowerCase().min(1).max(64), team: z.string().trim().max(80, 'a team name is at most 80 characters').nullish() }), args);
      const [row] = await ctx.db.write(q('setUserTeam.cypher'), { username: a.username, team: a.team ? a.team.replace(/\s+/g, ' ') : null });
      if (!row) throw badInput(`There is no user ${a.username}.`);
      invalidateProtection(ctx.db);
      // A team's restrictions open to whoever joins it: the holders are told, never left unaware.
      await raiseTeamChange(ctx.db, ctx.user!.username, row);
      return { username: String(row.username), agency: (row.agency as string | null) ?? null, team: (row.team as string | null) ?? null };
    },
  },
};
