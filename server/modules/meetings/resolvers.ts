/**
 * Meetings with decisions and actions (issue 20, item 1). A meeting's record is kept in immutable
 * versions (:MeetingRecord, outside the case graph like alerts: no Entity label, no links into it,
 * so no chart, path or measure changes); a correction is a new version. Actions (:MeetingAction)
 * have an owner, a due date, a status and an outcome, each change appended to their history.
 *
 * Everything leaves through the caller's viewer (access/viewer.ts): items are entities as the
 * caller may see them (children as descriptors for licensing and for a safeguarding user's
 * unassigned children), and a record's free text is withheld when it concerns a protected child,
 * by the viewer's own rule (`entity(node, concerning)`), unless the recording agency released it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../http/context.js';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg, isoDate, topArg } from '../../http/args.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { sameAgency, type Viewer } from '../../access/viewer.js';
import { assignedChildren } from '../safeguarding/assignments.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);
const today = () => new Date().toISOString().slice(0, 10);

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
const OWNER_ROLES = ['analyst', 'safeguarding', 'licensing'] as const;
/** What a meeting may discuss: concerns (incidents), children and other persons, operators. */
const ITEM_KINDS = new Set(['Incident', 'Crime', 'Person', 'Officer', 'Operator']);

const line = (max: number, what: string) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} is at most ${max} characters`);
const oneLine = (max: number, what: string) => line(max, what).refine((s) => !/[\r\n]/.test(s), `${what} is one line`);

const attendeeArg = z.object({ name: oneLine(200, 'an attendee’s name'), role: oneLine(200, 'a role').nullish(), agency: oneLine(200, 'an agency').nullish() });
const actionArg = z
  .object({
    text: line(2000, 'an action'),
    itemIds: z.array(idArg).max(50).nullish(),
    ownerUser: z.string().trim().toLowerCase().max(64).nullish().transform((v) => v || null),
    ownerAgency: oneLine(200, 'the owner’s agency'),
    ownerRole: z.enum(OWNER_ROLES, { error: `the owner's role is one of ${OWNER_ROLES.join(', ')}` }).nullish(),
    dueOn: isoDate,
  });
const recordArgs = z.object({
  meetingId: idArg,
  basedOnVersion: z.number().int().min(1).nullish(),
  correctionReason: z.string().trim().max(2000).nullish().transform((v) => v || null),
  attendees: z.array(attendeeArg).min(1, 'name at least one attendee').max(100),
  itemIds: z.array(idArg).max(200),
  decisions: z.array(oneLine(2000, 'a decision')).max(100),
  actions: z.array(actionArg).max(100).nullish(),
});

export interface ActionChange {
  at: string;
  by: string;
  status: string;
  dueOn: string | null;
  outcome: string | null;
}

const parseJson = <T>(s: unknown, fallback: T): T => {
  if (typeof s !== 'string') return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** An action as the caller may see it: its text through the viewer's free-text rule, its items as entities. */
export async function viewAction(ctx: RequestContext, a: PlainNode, meeting: PlainNode | null, items: Map<string, PlainNode>, asOf = today()) {
  const viewer = ctx.viewer!;
  const p = a.props;
  const itemIds = (p.itemIds as string[] | null) ?? [];
  const seen = viewer.entity({ labels: ['MeetingAction'], props: p }, [...itemIds, String(p.meetingId)]);
  const withheld = Array.isArray(seen.properties.textWithheld) && seen.properties.textWithheld.length > 0;
  const history = ((p.history as string[] | null) ?? []).map((h) => parseJson<ActionChange>(h, { at: '', by: '', status: '', dueOn: null, outcome: null }));
  const ownerUser = str(p.ownerUser);
  const ownerAgency = String(p.ownerAgency ?? '');
  const ownerRole = str(p.ownerRole);
  const status = String(p.status);
  const dueOn = String(p.dueOn);
  return {
    id: String(p.id),
    meeting: meeting ? toEntity(meeting) : null,
    text: str(seen.properties.text),
    items: itemIds.flatMap((id) => (items.has(id) ? [toEntity(items.get(id)!)] : [])),
    ownerUser,
    ownerAgency,
    ownerRole,
    owner: ownerUser ?? `${ownerAgency}${ownerRole ? ` (${ownerRole})` : ''}`,
    dueOn,
    status,
    outcome: str(seen.properties.outcome),
    overdue: status === 'open' && dueOn < asOf,
    createdBy: String(p.createdBy),
    createdAt: String(p.createdAt),
    // An outcome in the history is the same free text as the outcome: withheld with it.
    history: history.map((h) => ({ ...h, outcome: withheld ? null : h.outcome })),
    textWithheld: withheld,
  };
}
export type ActionView = Awaited<ReturnType<typeof viewAction>>;

/** The entities behind many records' items, read once. */
async function readItems(ctx: RequestContext, ids: Iterable<string>): Promise<Map<string, PlainNode>> {
  const all = [...new Set(ids)];
  if (!all.length) return new Map();
  const rows = await ctx.db.read(q('items.cypher'), { ids: all });
  return new Map(rows.map((r) => [String((r.n as PlainNode).props.id), r.n as PlainNode]));
}

async function viewActions(ctx: RequestContext, rows: { a: PlainNode; m: PlainNode | null }[], asOf?: string): Promise<ActionView[]> {
  const items = await readItems(ctx, rows.flatMap((r) => (r.a.props.itemIds as string[] | null) ?? []));
  return Promise.all(rows.map((r) => viewAction(ctx, r.a, r.m, items, asOf)));
}

function viewVersion(viewer: Viewer, r: PlainNode, items: Map<string, PlainNode>) {
  const p = r.props;
  const itemIds = (p.itemIds as string[] | null) ?? [];
  const seen = viewer.entity({ labels: ['MeetingRecord'], props: p }, [...itemIds, String(p.meetingId)]);
  const withheld = Array.isArray(seen.properties.textWithheld) && seen.properties.textWithheld.length > 0;
  const notes = str(seen.properties.notes);
  return {
    id: String(p.id),
    meetingId: String(p.meetingId),
    version: Number(p.version),
    recordedBy: String(p.recordedBy),
    recordedAt: String(p.recordedAt),
    correctionReason: str(seen.properties.reason),
    attendees: parseJson<{ name: string; role: string | null; agency: string | null }[]>(p.attendees, []),
    items: itemIds.flatMap((id) => (items.has(id) ? [toEntity(items.get(id)!)] : [])),
    decisions: notes ? notes.split('\n').filter(Boolean) : [],
    actionIds: (p.actionIds as string[] | null) ?? [],
    textWithheld: withheld,
  };
}

/** Which actions a caller sees in lists: licensing only those assigned to licensing (its agency or role) or to them. */
function ownerFilter(ctx: RequestContext, mine: boolean) {
  const u = ctx.user!;
  if (!mine && u.role !== 'licensing') return { agency: null, username: null, role: null };
  return { agency: sameAgency(u.agency) ?? '(no agency)', username: u.username, role: u.role };
}

const noFilter = { status: null, dueBefore: null, ids: null, childId: null };

/** Ids a caller may refer to in a write: entities they can read, of a kind a meeting discusses. */
async function readableItems(ctx: RequestContext, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const items = await readItems(ctx, ids);
  for (const [i, id] of ids.entries()) {
    const n = items.get(id);
    // Said by position, never by id: an id echoed back (or masked) would tell which ids are children's.
    if (!n || !ctx.viewer!.canRead(n)) throw badInput(`Item ${i + 1} of ${ids.length} is not a concern, person or operator you can see.`);
    const kind = toEntity(n).kind;
    if (!ITEM_KINDS.has(kind)) throw badInput(`Item ${i + 1} of ${ids.length} is a ${kind}: a meeting's items are concerns, children, persons and operators.`);
  }
}

async function knownUsers(ctx: RequestContext, usernames: string[]): Promise<void> {
  if (!usernames.length) return;
  const rows = await ctx.db.read('MATCH (u:User) WHERE u.username IN $usernames RETURN u.username AS username', { usernames });
  const found = new Set(rows.map((r) => r.username as string));
  for (const u of usernames) if (!found.has(u)) throw badInput(`No user called ${u}: name an existing user as owner, or leave the owner empty and give the agency and role.`);
}

export const meetingsResolvers: Resolvers = {
  Query: {
    meetings: async (_, args, ctx) => {
      const { kind, limit } = parseArgs(z.object({ kind: z.enum(['strategy', 'responsible_authority', 'other']).nullish(), limit: z.number().int().min(1).max(500).default(100) }), args);
      const rows = await ctx.db.read(q('meetings.cypher'), { kind: kind ?? null, limit, today: today() });
      return rows.map((r) => ({ meeting: toEntity(r.m as PlainNode), versions: Number(r.versions), openActions: Number(r.openActions), overdueActions: Number(r.overdueActions) }));
    },
    meetingRecord: async (_, args, ctx) => {
      const { meetingId } = parseArgs(z.object({ meetingId: idArg }), args);
      const [row] = await ctx.db.read(q('meetingRecord.cypher'), { meetingId });
      if (!row) throw badInput('No meeting with that id.');
      const versions = row.versions as PlainNode[];
      const actions = row.actions as PlainNode[];
      const items = await readItems(ctx, [...versions, ...actions].flatMap((n) => (n.props.itemIds as string[] | null) ?? []));
      const meeting = row.m as PlainNode;
      return {
        meeting: toEntity(meeting),
        versions: versions.map((v) => viewVersion(ctx.viewer!, v, items)),
        actions: await Promise.all(actions.map((a) => viewAction(ctx, a, meeting, items))),
      };
    },
    childActions: async (_, args, ctx) => {
      const { childId } = parseArgs(z.object({ childId: idArg }), args);
      // A part of the strategy-meeting view of this one child (the guard's CHILD_VIEWS: every other
      // child a descriptor); a safeguarding user sees it for the children on their list only.
      if (ctx.viewer!.mayNotUse(childId)) return [];
      if (ctx.user!.role === 'safeguarding' && !(await assignedChildren(ctx.db, ctx.user!.username)).includes(childId)) return [];
      const rows = await ctx.db.read(q('actions.cypher'), { ...noFilter, ...ownerFilter(ctx, false), status: 'open', childId });
      return viewActions(ctx, rows as { a: PlainNode; m: PlainNode | null }[]);
    },
    myActions: async (_, args, ctx) => {
      const { status } = parseArgs(z.object({ status: z.enum(ACTION_STATUSES).nullish() }), args);
      const rows = await ctx.db.read(q('actions.cypher'), { ...noFilter, ...ownerFilter(ctx, true), status: status ?? 'open' });
      return viewActions(ctx, rows as { a: PlainNode; m: PlainNode | null }[]);
    },
    overdueActions: async (_, args, ctx) => {
      const { asOf } = parseArgs(z.object({ asOf: isoDate.nullish().transform((v) => v ?? today()) }), args);
      const rows = await ctx.db.read(q('actions.cypher'), { ...noFilter, ...ownerFilter(ctx, false), status: 'open', dueBefore: asOf });
      const actions = await viewActions(ctx, rows as { a: PlainNode; m: PlainNode | null }[], asOf);
      const group = (key: (a: ActionView) => string) => {
        const groups = new Map<string, ActionView[]>();
        for (const a of actions) groups.set(key(a), [...(groups.get(key(a)) ?? []), a]);
        return [...groups]
          .map(([owner, list]) => ({ owner, agency: list[0]!.ownerAgency, count: list.length, actions: list }))
          .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));
      };
      return { asOf, byOwner: group((a) => a.owner), byAgency: group((a) => a.ownerAgency) };
    },
    itemsWithoutAction: async (_, args, ctx) => {
      const { minMeetings, top } = parseArgs(z.object({ minMeetings: z.number().int().min(2, 'minMeetings is at least 2').max(50).default(2), top: topArg }), args);
      const rows = await ctx.db.read(q('itemsWithoutAction.cypher'), { minMeetings, top }, { what: 'This report' });
      return rows.map((r) => ({
        item: toEntity(r.n as PlainNode),
        meetings: (r.meetings as PlainNode[]).sort((a, b) => String(a.props.date).localeCompare(String(b.props.date))).map(toEntity),
      }));
    },
  },
  Mutation: {
    recordMeeting: async (_, args, ctx) => {
      const a = parseArgs(recordArgs, args);
      const [current] = await ctx.db.read(q('lastVersion.cypher'), { meetingId: a.meetingId });
      if (!current || !ctx.viewer!.canRead(current.m as PlainNode)) throw badInput('No meeting with that id.');
      const last = Number(current.last);
      if (last > 0 && !a.basedOnVersion) throw badInput(`This meeting already has a record (version ${last}): a correction names the version it corrects (basedOnVersion) and says why (correctionReason).`);
      if (a.basedOnVersion && !a.correctionReason) throw badInput('Say why the record is corrected (correctionReason): the earlier version is kept and the reason shows with the new one.');
      if (a.basedOnVersion && a.basedOnVersion !== last)
        throw badInput(`Version ${last} was recorded after the version ${a.basedOnVersion} you corrected: reload the record and correct the latest.`);
      const actions = a.actions ?? [];
      await readableItems(ctx, [...a.itemIds, ...actions.flatMap((x) => x.itemIds ?? [])]);
      await knownUsers(ctx, [...new Set(actions.flatMap((x) => (x.ownerUser ? [x.ownerUser] : [])))]);
      const now = new Date().toISOString();
      const by = ctx.user!.username;
      const rows = await ctx.db.write(q('recordMeeting.cypher'), {
        meetingId: a.meetingId,
        basedOn: a.basedOnVersion ?? null,
        by,
        agency: ctx.user!.agency,
        now,
        reason: a.correctionReason,
        attendees: JSON.stringify(a.attendees.map((x) => ({ name: x.name, role: x.role ?? null, agency: x.agency ?? null }))),
        itemIds: [...new Set(a.itemIds)],
        notes: a.decisions.join('\n'),
        actions: actions.map((x) => ({
          id: `act-${randomUUID()}`,
          text: x.text,
          itemIds: [...new Set(x.itemIds ?? [])],
          ownerUser: x.ownerUser,
          ownerAgency: x.ownerAgency,
          ownerRole: x.ownerRole ?? null,
          dueOn: x.dueOn,
          history: JSON.stringify({ at: now, by, status: 'open', dueOn: x.dueOn, outcome: null } satisfies ActionChange),
        })),
      });
      if (!rows[0]) throw badInput('Another version was recorded at the same moment: reload the record and correct the latest.');
      const r = rows[0].r as PlainNode;
      return viewVersion(ctx.viewer!, r, await readItems(ctx, (r.props.itemIds as string[]) ?? []));
    },
    updateAction: async (_, args, ctx) => {
      const { id, status, outcome, dueOn } = parseArgs(
        z.object({
          id: idArg,
          status: z.enum(ACTION_STATUSES, { error: `status is one of ${ACTION_STATUSES.join(', ')}` }),
          outcome: z.string().trim().max(4000).nullish().transform((v) => v || null),
          dueOn: isoDate.nullish().transform((v) => v ?? null),
        }),
        args,
      );
      // Licensing changes only the actions assigned to licensing (the others are not theirs to see).
      const [found] = await ctx.db.read(q('actions.cypher'), { ...noFilter, ...ownerFilter(ctx, false), ids: [id] });
      if (!found) throw badInput('No action with that id for you.');
      if (status !== 'open' && !outcome && !(found.a as PlainNode).props.outcome) throw badInput(`Say what came of it (outcome) when an action is ${status}.`);
      const change: ActionChange = { at: new Date().toISOString(), by: ctx.user!.username, status, dueOn, outcome };
      const [row] = await ctx.db.write(q('updateAction.cypher'), { id, status, outcome, dueOn, change: JSON.stringify(change) });
      return (await viewActions(ctx, [row as { a: PlainNode; m: PlainNode | null }]))[0]!;
    },
    releaseActionText: async (_, args, ctx) => {
      const { id, text } = parseArgs(z.object({ id: idArg, text: line(2000, 'the released text') }), args);
      const [found] = await ctx.db.read(q('actions.cypher'), { ...noFilter, ...ownerFilter(ctx, false), ids: [id] });
      if (!found) throw badInput('No action with that id for you.');
      if (sameAgency(String((found.a as PlainNode).props.createdAgency ?? '')) !== sameAgency(ctx.user!.agency))
        throw new GraphQLError('Only the agency that recorded the action releases its text.', { extensions: { code: 'FORBIDDEN' } });
      const [row] = await ctx.db.write(q('releaseActionText.cypher'), { id, text, by: ctx.user!.username, now: new Date().toISOString() });
      return (await viewActions(ctx, [row as { a: PlainNode; m: PlainNode | null }]))[0]!;
    },
  },
};

