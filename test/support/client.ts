/** Helpers for tests: GraphQL over real HTTP (signed in per role), and a direct database connection. */
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type Role = 'analyst' | 'safeguarding' | 'licensing' | 'admin';

async function post<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${inject('stack').url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

const tokens = new Map<Role, Promise<string>>();
/** A token for the test account of a role (signed in once per test file). */
export function tokenFor(role: Role): Promise<string> {
  let t = tokens.get(role);
  if (!t) {
    const { username, password } = inject('stack').users[role];
    t = post<{ login: { token: string } }>('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, {}).then((r) => {
      if (!r.data) throw new Error(`login as ${role} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    });
    tokens.set(role, t);
  }
  return t;
}

/** As an analyst (the role with case data), unless `as` says otherwise; `as: null` sends no token. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as: Role | null = 'analyst', extraHeaders: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (as) headers.authorization = `Bearer ${await tokenFor(as)}`;
  return post<T>(query, variables, headers);
}

/** Like gql, but fails the test on any GraphQL error and returns data. */
export async function gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as: Role | null = 'analyst'): Promise<T> {
  const r = await gql<T>(query, variables, as);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export function testDatabase(): Database {
  const s = inject('stack');
  return Database.connect(s.boltUri, s.boltUser, s.boltPassword);
}
