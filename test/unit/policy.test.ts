/**
 * Who may call what (server/access/policy.ts) and the guard's check of it (`authorize`,
 * server/access/guard.ts), without a database: the policy table against the schema and against
 * DESIGN.md §6, and the refusals a caller gets. test/integration/matrix.test.ts calls every
 * operation as every role over HTTP.
 */
import type { GraphQLError, GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../server/access/guard.js';
import { ALWAYS_AUDITED, auditedArgs, POLICY, QUIET_WRITES } from '../../server/access/policy.js';
import type { RequestContext } from '../../server/http/context.js';
import { ROLES, type Role } from '../../server/modules/auth/users.js';
import { buildSchema } from '../../server/schema.js';

const schemaOperations = () => {
  const schema = buildSchema();
  return ['Query', 'Mutation'].flatMap((t) => Object.keys((schema.getType(t) as GraphQLObjectType).getFields()).map((f) => `${t}.${f}`));
};

const allowed = (operation: string, role: Role) => {
  const rule = POLICY[operation];
  return rule === 'public' || rule === 'signed-in' || (Array.isArray(rule) && rule.includes(role));
};

const ctx = (role: Role | null, extra: Partial<RequestContext> = {}) =>
  ({
    user: role ? { username: `test-${role}`, role, agency: null } : null,
    authError: null,
    log: { warn: () => {} },
    ...extra,
  }) as unknown as RequestContext;

const refusal = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return ((e as GraphQLError).extensions?.code as string) ?? 'no code';
  }
};

describe('the policy table', () => {
  it('has a rule for every operation of the schema, and none for an operation that is gone', () => {
    const operations = schemaOperations();
    expect(operations.filter((f) => !POLICY[f])).toEqual([]);
    expect(Object.keys(POLICY).filter((f) => !operations.includes(f))).toEqual([]);
  });

  it('lets only health and login be called without signing in', () => {
    expect(Object.keys(POLICY).filter((op) => POLICY[op] === 'public').sort()).toEqual(['Mutation.login', 'Query.health']);
  });

  it('gives admin users, assignments and the audit log, and no case data (DESIGN.md §6)', () => {
    const adminMay = Object.keys(POLICY).filter((op) => Array.isArray(POLICY[op]) && allowed(op, 'admin'));
    // Users' accounts include their team (restrictions) and manager flag (delivery escalation): no case data.
    expect(adminMay.sort()).toEqual(['Mutation.assignChildren', 'Mutation.setManager', 'Mutation.setUser', 'Mutation.setUserTeam', 'Query.auditLog', 'Query.auditVerify', 'Query.stats', 'Query.teams', 'Query.users']);
    // ... and only admin reads the audit log or manages users.
    for (const op of ['Query.auditLog', 'Query.auditVerify', 'Query.users', 'Mutation.setUser', 'Mutation.assignChildren']) expect(POLICY[op]).toEqual(['admin']);
  });

  it('gives safeguarding the strategy-meeting view, not the graph to explore', () => {
    for (const op of ['Query.search', 'Query.entity', 'Query.neighbourhood', 'Query.paths', 'Query.rank', 'Query.whoIs', 'Mutation.submitReport', 'Mutation.merge']) expect(allowed(op, 'safeguarding'), op).toBe(false);
    for (const op of ['Query.children', 'Query.childConnections', 'Mutation.strategyPack']) expect(allowed(op, 'safeguarding'), op).toBe(true);
  });

  it("keeps licensing to exploring through redaction and its own questions: no rankings, no child's view, no writes to case data", () => {
    for (const op of ['Query.search', 'Query.entity', 'Query.neighbourhood', 'Query.operatorRisk', 'Query.driverRecord']) expect(allowed(op, 'licensing'), op).toBe(true);
    for (const op of ['Query.rank', 'Query.linkedChildren', 'Query.whoIs', 'Query.childConnections', 'Query.children', 'Mutation.submitReport', 'Mutation.merge', 'Query.savedCharts']) {
      expect(allowed(op, 'licensing'), op).toBe(false);
    }
  });

  it('names only known roles', () => {
    for (const [op, rule] of Object.entries(POLICY)) if (Array.isArray(rule)) for (const role of rule) expect(ROLES, op).toContain(role);
  });
});

describe('authorize', () => {
  it('fails closed: an operation without a rule is nobody’s, admin included', () => {
    for (const role of ROLES) expect(refusal(() => authorize(ctx(role), 'Query.somethingNew'))).toBe('FORBIDDEN');
    expect(refusal(() => authorize(ctx(null), 'Query.somethingNew'))).toBe('FORBIDDEN');
  });

  it('answers every role exactly as the table says, and asks anyone not signed in to sign in', () => {
    for (const op of schemaOperations()) {
      for (const role of ROLES) expect(refusal(() => authorize(ctx(role), op)), `${op} as ${role}`).toBe(allowed(op, role) ? null : 'FORBIDDEN');
      expect(refusal(() => authorize(ctx(null), op)), `${op} signed out`).toBe(POLICY[op] === 'public' ? null : 'UNAUTHENTICATED');
    }
  });

  it('says why a token was refused, and refuses with the outage when the token could not be checked', () => {
    try {
      authorize(ctx(null, { authError: 'Your session has expired: sign in again.' }), 'Query.me');
      expect.unreachable();
    } catch (e) {
      expect((e as GraphQLError).message).toBe('Your session has expired: sign in again.');
    }
    const outage = Object.assign(new Error('The database is unavailable'), { extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(() => authorize(ctx(null, { authUnavailable: outage }), 'Query.search')).toThrow(outage);
    // Public operations still answer during the outage.
    expect(() => authorize(ctx(null, { authUnavailable: outage }), 'Query.health')).not.toThrow();
  });
});

describe('what the audit records', () => {
  it('records every change and every audit read, but not the working chart’s autosave', () => {
    expect(ALWAYS_AUDITED('Mutation.merge')).toBe(true);
    expect(ALWAYS_AUDITED('Mutation.login')).toBe(true);
    expect(ALWAYS_AUDITED('Query.auditLog')).toBe(true);
    expect(ALWAYS_AUDITED('Query.auditVerify')).toBe(true);
    expect(ALWAYS_AUDITED('Query.search')).toBe(false);
    for (const quiet of QUIET_WRITES) {
      expect(POLICY[quiet], quiet).toBeDefined();
      expect(ALWAYS_AUDITED(quiet)).toBe(false);
    }
    for (const op of Object.keys(POLICY).filter((o) => o.startsWith('Mutation.') && !QUIET_WRITES.has(o))) expect(ALWAYS_AUDITED(op), op).toBe(true);
  });

  it("keeps a quiet write's arguments as sizes, and every other operation's as given", () => {
    expect(auditedArgs('Mutation.saveWorkingChart', { entityIds: ['a', 'b', 'c'], linkIds: ['l'], state: '{"positions":{}}' })).toEqual({ entityCount: 3, linkCount: 1 });
    expect(auditedArgs('Mutation.saveWorkingChart', {})).toEqual({ entityCount: null, linkCount: null });
    const args = { ids: ['per-s001'], hops: 2 };
    expect(auditedArgs('Query.neighbourhood', args)).toBe(args);
  });
});
