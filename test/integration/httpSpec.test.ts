/**
 * GraphQL over HTTP conformance: graphql-http's server audits against the test stack's /graphql.
 * Every MUST passes; so does every SHOULD and MAY (the list printed on failure says which not).
 */
import { serverAudits } from 'graphql-http';
import { describe, expect, inject, it } from 'vitest';
import { tokenFor } from '../support/client.js';

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('passes every audit', async () => {
    // Signed in: some audits ask `__type`, and introspection is for signed-in users only.
    const authorization = `Bearer ${await tokenFor('analyst')}`;
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), authorization } });
    const audits = serverAudits({ url: `${inject('stack').url}/graphql`, fetchFn });
    expect(audits.length).toBeGreaterThan(50);
    const failed: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.status}, ${result.reason} (HTTP ${result.response.status})`);
    }
    expect(failed.filter((f) => f.startsWith('MUST'))).toEqual([]);
    expect(failed).toEqual([]);
  });
});
