/** Helpers for tests: GraphQL over real HTTP (signed in per role), and a direct database connection. */
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import type { StackInfo } from './globalSetup.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type Role = 'analyst' | 'safeguarding' | 'licensing' | 'admin';

/** A GraphQL client for one running server, signing in once per role with that server's test accounts. */
export class GraphQLClient {
  private tokens = new Map<Role, Promise<string>>();
  constructor(
    readonly url: string,
    private readonly users: StackInfo['users'],
  ) {}

  private async post<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  tokenFor(role: Role): Promise<string> {
    let t = this.tokens.get(role);
    if (!t) {
      const { username, password } = this.users[role];
      t = this.post<{ login: { token: string } }>('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, {}).then((r) => {
        if (!r.data) throw new Error(`login as ${role} failed: ${JSON.stringify(r.errors)}`);
        return r.data.login.token;
      });
      this.tokens.set(role, t);
    }
    return t;
  }

  /** As an analyst (the role with case data), unless `as` says otherwise; `as: null` sends no token. */
  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as: Role | null = 'analyst', extraHeaders: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (as) headers.authorization = `Bearer ${await this.tokenFor(as)}`;
    return this.post<T>(query, variables, headers);
  }

  /** Like gql, but fails the test on any GraphQL error and returns data. */
  async gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as: Role | null = 'analyst'): Promise<T> {
    const r = await this.gql<T>(query, variables, as);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }
}

let shared: GraphQLClient | undefined;
/** The client of the stack shared by the whole run (test/support/globalSetup.ts). */
function sharedClient(): GraphQLClient {
  const s = inject('stack');
  return (shared ??= new GraphQLClient(s.url, s.users));
}

export const tokenFor = (role: Role) => sharedClient().tokenFor(role);
export const gql: GraphQLClient['gql'] = (...args) => sharedClient().gql(...args);
export const gqlOk: GraphQLClient['gqlOk'] = (...args) => sharedClient().gqlOk(...args);

export function testDatabase(): Database {
  const s = inject('stack');
  return Database.connect(s.boltUri, s.boltUser, s.boltPassword);
}
