/**
 * The one authorisation and audit layer. Every Query and Mutation resolver is wrapped here (see
 * server/schema.ts), and subscriptions call the same functions:
 * 1. the caller must be allowed by POLICY (a refusal is itself audited);
 * 2. a Viewer is made for the caller (viewer.ts) and the resolver runs inside it, so every node and
 *    relationship it turns into answer data is seen as this user may see it — nothing the user may
 *    not see is read into the answer; ids the user may not start from answer as unknown ids;
 * 3. what is left outside entities (details, summaries, error messages) passes the second line:
 *    protected ids become the user's opaque ids and free text is scrubbed;
 * 4. what was shown is written to the audit log before the answer leaves (fail closed).
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../http/context.js';
import { appendAudit } from '../modules/audit/audit.js';
import { ALWAYS_AUDITED, auditedArgs, POLICY, QUIET_WRITES } from './policy.js';
import { invalidateProtection, protectionIndex, type ProtectionIndex } from './protection.js';
import { isFromProjected, runInView } from './current.js';
import { scopeFor, Viewer } from './viewer.js';
import { serviceSecret } from '../db/serviceSecret.js';
import { assignedChildren } from '../modules/safeguarding/assignments.js';
import { noteReached } from '../modules/restrictions/deconfliction.js';
import type { Resolvers } from '../generated/graphql.js';

/**
 * A Query or Mutation resolver as the guard sees it: whatever its generated type, it takes the
 * parent, its arguments by name, the request context and the info, and the wrapper passes them on.
 */
type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

function unauthenticated(reason: string | null) {
  return new GraphQLError(reason ?? 'Sign in first: send `Authorization: Bearer <token>` from `login`.', { extensions: { code: 'UNAUTHENTICATED' } });
}
// Says nothing about whether the thing asked for exists.
const forbidden = () => new GraphQLError('Your role does not allow this.', { extensions: { code: 'FORBIDDEN' } });

/** Throws unless POLICY lets the caller run `operation` (also used by subscriptions, which are not wrapped). */
export function authorize(ctx: RequestContext, operation: string): void {
  const rule = POLICY[operation];
  if (!rule) throw forbidden(); // an operation nobody wrote a rule for is nobody's
  if (rule === 'public') return;
  if (!ctx.user && ctx.authUnavailable) throw ctx.authUnavailable;
  if (!ctx.user) throw unauthenticated(ctx.authError);
  if (rule !== 'signed-in' && !rule.includes(ctx.user.role)) {
    ctx.log.warn({ user: ctx.user.username, role: ctx.user.role, operation }, 'forbidden');
    throw forbidden();
  }
}

const EMPTY_INDEX: ProtectionIndex = { children: new Map(), victimPhones: new Map(), places: new Map(), concerns: new Map(), conditional: new Map() };
const NO_KEY = new Uint8Array(32);

/** Operations whose view is about one child: a strategy meeting sees that child, no other. */
// Issue 20 item 7: the child's indicators are part of the same view.
const CHILD_VIEWS = new Set(['Query.childConnections', 'Mutation.strategyPack', 'Query.childIndicators', 'Query.childActions']);
/** Issue 20 item 8: the evidence pack on an adult shows every child only as a descriptor, whoever asks. */
const CHILDREN_AS_DESCRIPTORS = new Set(['Mutation.evidencePack']);

/** The view the caller gets for `operation` (made once per resolver call; the index behind it is shared). */
export async function viewerFor(ctx: RequestContext, operation: string, args: Record<string, unknown> = {}): Promise<Viewer> {
  const user = ctx.user;
  // Public operations (health, login) hold no case data and must answer while the database is down.
  if (POLICY[operation] === 'public') return new Viewer(user, EMPTY_INDEX, NO_KEY, scopeFor(null, null));
  let inView: string[] | null = null;
  if (user?.role === 'safeguarding') inView = CHILD_VIEWS.has(operation) && typeof args.childId === 'string' ? [args.childId] : await assignedChildren(ctx.db, user.username);
  let scope = scopeFor(user, inView);
  if (CHILDREN_AS_DESCRIPTORS.has(operation)) scope = { ...scope, childrenExcept: new Set() };
  const [index, key] = await Promise.all([protectionIndex(ctx.db, scope.childrenExcept !== null), serviceSecret(ctx.db, 'opaque-ids', 32)]);
  return new Viewer(user, index, key, scope);
}

/** Argument names that carry entity ids (a start, a target, a list to read). */
const ID_ARG = /^(id|ids|from|to|entityIds?|reportIds|personIds?|operatorId|operationId|within)$/;

/**
 * Ids the caller may not see (protected subjects, withheld reports) answer as unknown ids would:
 * a list loses them, a single id becomes one that matches nothing. So asking for a child by its
 * real id does not even confirm that it exists.
 */
function withoutHiddenIds(args: Record<string, unknown>, viewer: Viewer, operation: string): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  // Issue 20 item 4: a restricted record answers `entity` with its flag, and starts nothing else.
  const mayNotUse = operation === 'Query.entity' ? (id: string) => viewer.mayNotUse(id) : (id: string) => viewer.mayNotStartFrom(id);
  for (const [k, v] of Object.entries(args)) {
    if (!ID_ARG.test(k)) continue;
    if (typeof v === 'string' && mayNotUse(v)) (out ??= { ...args })[k] = 'unknown:withheld';
    else if (Array.isArray(v) && v.some((x) => typeof x === 'string' && mayNotUse(x))) {
      (out ??= { ...args })[k] = [...new Set(v.map((x) => (typeof x === 'string' && mayNotUse(x) ? 'unknown:withheld' : x)))];
    }
  }
  return out ?? args;
}

const isEntity = (o: Record<string, unknown>) => typeof o.id === 'string' && typeof o.kind === 'string' && Array.isArray(o.labels);
const isLink = (o: Record<string, unknown>) => typeof o.id === 'string' && typeof o.type === 'string' && typeof o.source === 'string' && typeof o.target === 'string';
const ID_KEY = /^(id|ids|.*Ids?|holders|persons)$/;

/**
 * The second line, over what lies outside entities and links (already seen through the viewer):
 * details, summaries, counts' labels. Copy on write; the ids found in it are added to what the
 * audit records as shown.
 */
export function outgoing(value: unknown, viewer: Viewer, idsSeen: Set<string>): unknown {
  const visit = (v: unknown, key: string | null, depth: number): unknown => {
    if (typeof v === 'string') {
      if (key && ID_KEY.test(key) && v.length < 200) idsSeen.add(v);
      return viewer.outgoing(v);
    }
    if (!v || typeof v !== 'object' || depth > 12) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      v.forEach((x, i) => {
        const y = visit(x, key, depth + 1);
        if (y !== x) (out ??= [...v])[i] = y;
      });
      return out ?? v;
    }
    const o = v as Record<string, unknown>;
    if (isEntity(o) || isLink(o) || isFromProjected(o)) return o;
    let out: Record<string, unknown> | null = null;
    for (const k in o) {
      const x = o[k];
      const y = visit(x, k, depth + 1);
      if (y !== x) (out ??= { ...o })[k] = y;
    }
    return out ?? o;
  };
  return visit(value, null, 0);
}

/** An error's message through the same second line (conflicts and refusals quote nothing hidden). */
function viewedError(e: unknown, viewer: Viewer): unknown {
  const err = e as GraphQLError;
  const code = (err as { extensions?: { code?: string } })?.extensions?.code;
  if (!code || typeof err.message !== 'string') return e;
  const message = viewer.outgoing(err.message);
  return message === err.message ? e : new GraphQLError(message, { extensions: { code } });
}

function audit(ctx: RequestContext, operation: string, args: Record<string, unknown>, entityIds: string[], outcome: string, username?: string) {
  const purpose = ctx.purpose ?? (typeof args.purpose === 'string' ? args.purpose : null);
  // A reason to open a child outside one's caseload is a purpose, kept for review with the flag.
  const reason = typeof args.openReason === 'string' && args.openReason.trim() ? ` — opened with reason: ${args.openReason.trim()}` : '';
  const written = appendAudit(ctx.db, {
    username: ctx.user?.username ?? username ?? '(unknown)',
    role: ctx.user?.role ?? '',
    purpose: purpose || reason ? `${purpose ?? ''}${reason}`.slice(0, 1500) : null,
    operation,
    // Passwords never reach the audit log (and audit.ts keeps case text out of it).
    args: 'password' in args ? { ...args, password: '[not recorded]' } : auditedArgs(operation, args),
    entityIds,
    outcome,
  });
  written.catch(() => {}); // awaited (and reported) by auditBeforeAnswer
  ctx.pendingAudit.push(written);
}

function guard(operation: string, resolve: Resolver): Resolver {
  return async (parent, args, ctx, info) => {
    try {
      authorize(ctx, operation);
    } catch (e) {
      const code = (e as GraphQLError).extensions?.code;
      if (code === 'FORBIDDEN' && ctx.user) audit(ctx, operation, {}, [], 'denied');
      throw e;
    }
    const viewer = await viewerFor(ctx, operation, args);
    ctx.viewer = viewer;
    let result: unknown;
    try {
      // Queries: hidden ids are dropped here. Mutations check what they refer to themselves, so that
      // their refusals read exactly as for an id that does not exist.
      const viewedArgs = operation.startsWith('Query.') ? withoutHiddenIds(args, viewer, operation) : args;
      result = await runInView(viewer, () => resolve(parent, viewedArgs, ctx, info));
    } catch (e) {
      if (operation === 'Mutation.login') {
        const attempted = typeof args.username === 'string' ? args.username.trim().toLowerCase().slice(0, 64) : undefined;
        audit(ctx, operation, {}, [], 'failed', attempted);
      } else if (ctx.user && (e as GraphQLError).extensions?.code === 'FORBIDDEN') {
        // Refused by a rule inside the operation (a child not on the caseload, another agency's text).
        audit(ctx, operation, args, [], 'denied');
      } else if (ctx.user && operation.startsWith('Mutation.')) audit(ctx, operation, args, [], 'refused');
      throw viewedError(e, viewer);
    }
    if (operation.startsWith('Mutation.') && !QUIET_WRITES.has(operation)) invalidateProtection(ctx.db);
    // Issue 20 item 4: the holders of restrictions whose flags this answer showed learn who reached them.
    noteReached(ctx.db, viewer);
    const idsInDetail = new Set<string>();
    // Copy on write: for a viewer with nothing to hide (an analyst) the answer comes back as it was.
    result = outgoing(result, viewer, idsInDetail);
    if (ctx.user && (viewer.shownPerson || ALWAYS_AUDITED(operation))) {
      // Not awaited here: the rest of the answer is built while the entry is written, and
      // `auditBeforeAnswer` holds the answer back until it is committed. The ids are those of what
      // was shown (descriptors by their real ids), after the view, including those in details.
      const ids = new Set(viewer.shown);
      for (const id of idsInDetail) ids.add(viewer.storedId(id));
      audit(ctx, operation, args, [...ids], CHILD_VIEWS.has(operation) && typeof args.openReason === 'string' ? 'opened-with-reason' : 'ok');
    }
    return result;
  };
}

/** Wraps the Query and Mutation resolvers of every module; type resolvers pass through. */
export function guardResolvers(maps: Resolvers[]): Resolvers[] {
  return maps.map((map) => {
    const out: Resolvers = { ...map };
    for (const type of ['Query', 'Mutation'] as const) {
      const fields = map[type];
      if (!fields) continue;
      // Each wrapper answers what the resolver it wraps answers, for the same arguments.
      out[type] = Object.fromEntries(Object.entries(fields).map(([field, fn]) => [field, guard(`${type}.${field}`, fn as Resolver)]));
    }
    return out;
  });
}

/**
 * Fail closed: no answer leaves the server before the audit entries of its resolvers are
 * committed. If one cannot be written, the whole answer is replaced by an error.
 */
export const auditBeforeAnswer: Plugin<RequestContext> = {
  onExecute() {
    return {
      async onExecuteDone({ args, setResult }) {
        const pending = (args.contextValue as RequestContext).pendingAudit;
        if (!pending?.length) return;
        try {
          await Promise.all(pending);
        } catch (e) {
          const unreachable = (e as { extensions?: { code?: string } }).extensions?.code === 'DATABASE_UNAVAILABLE';
          (args.contextValue as RequestContext).log.error({ err: e }, 'audit entry not written: answer withheld');
          setResult({
            data: null,
            errors: [
              new GraphQLError(
                unreachable ? (e as Error).message : 'The audit log could not be written, so the answer was withheld. Try again; tell an administrator if it persists.',
                { extensions: { code: unreachable ? 'DATABASE_UNAVAILABLE' : 'AUDIT_UNAVAILABLE' } },
              ),
            ],
          });
        }
      },
    };
  },
};
