/** Helpers for tests: GraphQL over real HTTP, and a direct connection to the test database. */
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const { url } = inject('stack');
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Like gql, but fails the test on any GraphQL error and returns data. */
export async function gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await gql<T>(query, variables);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export function testDatabase(): Database {
  const s = inject('stack');
  return Database.connect(s.boltUri, s.boltUser, s.boltPassword);
}
