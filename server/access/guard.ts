/**
 * The one authorisation and audit layer. Every Query and Mutation resolver is wrapped here (see
 * server/schema.ts): the caller must be allowed by POLICY, and what the resolver returns or
 * changes is written to the audit log before the answer leaves the server. If the audit entry
 * cannot be written, the answer is not sent (fail closed).
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../http/context.js';
import { appendAudit } from '../modules/audit/audit.js';
import { ALWAYS_AUDITED, POLICY } from './policy.js';
import { licensingArgs, protectedIdentifiers, redactChildren, withholdReports } from './redaction.js';

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
type ResolverMap = Record<string, unknown>;

const PERSON_KINDS = new Set(['Person', 'Officer']);

/** Ids of the entities in a result, and whether any is a person. */
export function entitiesIn(value: unknown): { ids: string[]; person: boolean } {
  const ids = new Set<string>();
  let person = false;
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 8 || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.kind === 'string' && Array.isArray(o.labels)) {
      ids.add(o.id);
      if (PERSON_KINDS.has(o.kind)) person = true;
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'properties') walk(x, depth + 1);
  };
  walk(value, 0);
  return { ids: [...ids], person };
}

function unauthenticated(reason: string | null) {
  return new GraphQLError(reason ?? 'Sign in first: send `Authorization: Bearer <token>` from `login`.', { extensions: { code: 'UNAUTHENTICATED' } });
}
// Says nothing about whether the thing asked for exists.
const forbidden = () => new GraphQLError('Your role does not allow this.', { extensions: { code: 'FORBIDDEN' } });

/** Whose identities an answer must not carry, by role; null when the role sees the graph as stored. */
function redactionScope(ctx: RequestContext, operation: string, args: Record<string, unknown>): { exceptChild: string | null } | null {
  if (ctx.user?.role === 'licensing') return { exceptChild: null };
  if (ctx.user?.role === 'safeguarding' && operation === 'Query.childConnections') return { exceptChild: String(args.childId) };
  return null;
}

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

function guard(operation: string, resolve: Resolver): Resolver {
  return async (parent, args, ctx, info) => {
    authorize(ctx, operation);
    let result: unknown;
    let returnedIds: { ids: string[]; person: boolean };
    const scope = redactionScope(ctx, operation, args);
    if (scope) {
      // Children's identities are protected (all of them for licensing; all but the meeting's own
      // child for a strategy meeting): descriptors instead, no victim's phone or protected address.
      const prot = await protectedIdentifiers(ctx.db, scope.exceptChild);
      const prepared = licensingArgs(operation, args, prot);
      const raw = 'answer' in prepared ? prepared.answer : await resolve(parent, prepared.args, ctx, info);
      returnedIds = entitiesIn(raw); // the audit keeps the real ids of what was shown, redacted or not
      result = redactChildren(operation, raw, prot);
    } else {
      result = await resolve(parent, args, ctx, info);
      returnedIds = entitiesIn(result);
    }
    if (ctx.user) result = withholdReports(result, ctx.user.agency);
    const { ids, person } = returnedIds;
    if (ctx.user && (person || ALWAYS_AUDITED(operation))) {
      // Not awaited here: the rest of the answer is built while the entry is written, and
      // `auditBeforeAnswer` holds the answer back until it is committed.
      const written = appendAudit(ctx.db, {
        username: ctx.user.username,
        role: ctx.user.role,
        purpose: ctx.purpose ?? (typeof args.purpose === 'string' ? args.purpose : null),
        operation,
        // Passwords never reach the audit log.
        args: 'password' in args ? { ...args, password: '[not recorded]' } : args,
        entityIds: ids,
        outcome: 'ok',
      });
      written.catch(() => {}); // awaited (and reported) by auditBeforeAnswer
      ctx.pendingAudit.push(written);
    }
    return result;
  };
}

/** Wraps the Query and Mutation resolvers of every module; type resolvers pass through. */
export function guardResolvers<T extends ResolverMap>(maps: T[]): T[] {
  return maps.map((map) => {
    const out: ResolverMap = { ...map };
    for (const type of ['Query', 'Mutation']) {
      if (!map[type]) continue;
      const fields = map[type] as Record<string, Resolver>;
      out[type] = Object.fromEntries(Object.entries(fields).map(([field, fn]) => [field, guard(`${type}.${field}`, fn)]));
    }
    return out as T;
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
