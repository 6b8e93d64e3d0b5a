/**
 * Saved charts belong to their author: two analysts (and one of another agency), through real HTTP.
 * B cannot list, open, overwrite or delete A's chart; A shares it with B by name, then with the
 * agency; only A can re-share or delete it. Charts saved before owners existed are their creator's.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { gql as gqlAsA, gqlOk as gqlOkAsA, testDatabase } from '../support/client.js';

const stamp = Date.now().toString(36);
const B = `chart-b-${stamp}`;
const C = `chart-c-${stamp}`; // an analyst of another agency
const NAME = `Shared chart ${stamp}`;

let db: Database;
const tokens: Record<string, string> = {};

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${inject('stack').url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** As user B or C (signed in over HTTP with the `login` mutation). */
async function gqlAs(user: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await post(query, variables, tokens[user]);
  if (r.errors?.length) throw new Error(`GraphQL errors for ${user}: ${JSON.stringify(r.errors)}`);
  return r.data!;
}

const SAVE = `mutation ($n: String!, $e: [ID!]!, $s: JSON!, $u: [String!], $g: Boolean) {
  saveChart(name: $n, entityIds: $e, state: $s, sharedWithUsers: $u, sharedWithAgency: $g) { id name owner mine shared sharedWithUsers sharedWithAgency nodeCount }
}`;
const LIST = '{ savedCharts { id name owner mine shared sharedWithUsers sharedWithAgency } }';
const OPEN = 'query ($id: ID!) { savedChart(id: $id) { id name owner mine shared state elements { nodes { id } } } }';
const DELETE = 'mutation ($id: ID!) { deleteChart(id: $id) }';

beforeAll(async () => {
  db = testDatabase();
  for (const [user, agency] of [
    [B, 'Police'],
    [C, 'Other Constabulary'],
  ] as const) {
    const password = randomBytes(12).toString('base64url');
    await upsertUser(db, user, 'analyst', password, agency);
    const r = await post('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: user, p: password });
    expect(r.errors).toBeUndefined();
    tokens[user] = r.data!.login.token;
  }
});
afterAll(async () => {
  await db.write('MATCH (c:SavedChart) WHERE c.name STARTS WITH $prefix OR c.owner IN $users DETACH DELETE c', { prefix: `Shared chart ${stamp}`, users: [B, C] });
  await db.close();
});

describe('saved charts belong to their author', () => {
  let aChart: { id: string };

  it("keeps A's chart from B: not listed, not opened, not overwritten, not deleted", async () => {
    const { saveChart } = await gqlOkAsA(SAVE, { n: NAME, e: ['per-s001', 'op-central'], s: { by: 'A' } });
    aChart = saveChart;
    expect(saveChart).toMatchObject({ owner: 'test-analyst', mine: true, shared: false, sharedWithUsers: [], sharedWithAgency: false, nodeCount: 2 });

    const listB = (await gqlAs(B, LIST)).savedCharts as any[];
    expect(listB.find((c) => c.id === aChart.id)).toBeUndefined();
    expect((await gqlAs(B, OPEN, { id: aChart.id })).savedChart).toBeNull(); // as for no such chart

    // B saving under the same name makes B's own chart; A's is untouched.
    const bSave = (await gqlAs(B, SAVE, { n: NAME, e: ['per-s002'], s: { by: 'B' } })).saveChart;
    expect(bSave).toMatchObject({ owner: B, mine: true, nodeCount: 1 });
    expect(bSave.id).not.toBe(aChart.id);
    const aOpen = (await gqlOkAsA(OPEN, { id: aChart.id })).savedChart;
    expect(aOpen).toMatchObject({ owner: 'test-analyst', mine: true, state: { by: 'A' } });
    expect(aOpen.elements.nodes.map((n: any) => n.id).sort()).toEqual(['op-central', 'per-s001']);
    // A does not see B's chart either.
    expect(((await gqlOkAsA(LIST)).savedCharts as any[]).find((c) => c.id === bSave.id)).toBeUndefined();

    expect((await gqlAs(B, DELETE, { id: aChart.id })).deleteChart).toBe(false);
    expect((await gqlOkAsA(OPEN, { id: aChart.id })).savedChart).not.toBeNull();

    // Saving again under one's own name replaces one's own chart.
    const again = (await gqlAs(B, SAVE, { n: NAME, e: ['per-s002', 'per-s003'], s: { by: 'B', v: 2 } })).saveChart;
    expect(again).toMatchObject({ id: bSave.id, nodeCount: 2 });
    expect((await gqlAs(B, DELETE, { id: bSave.id })).deleteChart).toBe(true);
  });

  it('lets B open a chart A shared with B, but not delete or re-share it', async () => {
    const shared = (await gqlOkAsA(SAVE, { n: NAME, e: ['per-s001', 'op-central'], s: { by: 'A', v: 2 }, u: [B.toUpperCase()] })).saveChart;
    expect(shared).toMatchObject({ id: aChart.id, shared: true, sharedWithUsers: [B], sharedWithAgency: false });

    const listB = (await gqlAs(B, LIST)).savedCharts as any[];
    // B sees whose it is and that it is shared, not whom else it is shared with.
    expect(listB.find((c) => c.id === aChart.id)).toEqual({ id: aChart.id, name: NAME, owner: 'test-analyst', mine: false, shared: true, sharedWithUsers: null, sharedWithAgency: null });
    const opened = (await gqlAs(B, OPEN, { id: aChart.id })).savedChart;
    expect(opened).toMatchObject({ owner: 'test-analyst', mine: false, shared: true });
    // Only a view state's own parts reach another user (positions, groups, …), not what else a client put there.
    expect(opened.state).toEqual({});
    expect(opened.elements.nodes).toHaveLength(2);

    expect((await gqlAs(B, DELETE, { id: aChart.id })).deleteChart).toBe(false);
    // C (not shared with, another agency) still sees nothing of it.
    expect(((await gqlAs(C, LIST)).savedCharts as any[]).find((c) => c.id === aChart.id)).toBeUndefined();
    expect((await gqlAs(C, OPEN, { id: aChart.id })).savedChart).toBeNull();

    // Saving without sharing arguments keeps the sharing as it was.
    const kept = (await gqlOkAsA(SAVE, { n: NAME, e: ['per-s001'], s: { by: 'A', v: 3 } })).saveChart;
    expect(kept).toMatchObject({ id: aChart.id, sharedWithUsers: [B], nodeCount: 1 });
    // An unknown username is refused, not silently dropped.
    const unknown = await gqlAsA(SAVE, { n: NAME, e: ['per-s001'], s: {}, u: ['no-such-user-x'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shares with the author's agency, and unshares", async () => {
    const withAgency = (await gqlOkAsA(SAVE, { n: NAME, e: ['per-s001'], s: { by: 'A' }, u: [], g: true })).saveChart;
    expect(withAgency).toMatchObject({ id: aChart.id, shared: true, sharedWithUsers: [], sharedWithAgency: true });
    // B is in A's agency (Police): they see it; C, of another agency, does not.
    expect(((await gqlAs(B, LIST)).savedCharts as any[]).find((c) => c.id === aChart.id)).toMatchObject({ owner: 'test-analyst', shared: true, mine: false });
    expect((await gqlAs(B, OPEN, { id: aChart.id })).savedChart).toMatchObject({ id: aChart.id });
    expect((await gqlAs(C, OPEN, { id: aChart.id })).savedChart).toBeNull();

    const unshared = (await gqlOkAsA(SAVE, { n: NAME, e: ['per-s001'], s: { by: 'A' }, g: false })).saveChart;
    expect(unshared).toMatchObject({ shared: false, sharedWithAgency: false });
    expect((await gqlAs(B, OPEN, { id: aChart.id })).savedChart).toBeNull();

    expect((await gqlOkAsA(DELETE, { id: aChart.id })).deleteChart).toBe(true);
    expect((await gqlOkAsA(OPEN, { id: aChart.id })).savedChart).toBeNull();
  });

  it('treats a chart saved before owners existed as its creator’s', async () => {
    const id = `chart-legacy-${stamp}`;
    const name = `${NAME} legacy`;
    await db.write(
      `CREATE (:SavedChart {id: $id, name: $name, createdBy: $by, updatedBy: $by, updatedAt: '2025-01-01T00:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z',
                            nodeCount: 1, state: '{}', entityIds: ['per-s001'], linkIds: null})`,
      { id, name, by: B },
    );
    expect(((await gqlAs(B, LIST)).savedCharts as any[]).find((c) => c.id === id)).toMatchObject({ owner: B, mine: true, shared: false });
    expect((await gqlOkAsA(OPEN, { id })).savedChart).toBeNull();
    expect((await gqlOkAsA(DELETE, { id })).deleteChart).toBe(false);
    // B saving under its name replaces that chart (no second one).
    const saved = (await gqlAs(B, SAVE, { n: name, e: ['per-s001', 'per-s002'], s: {} })).saveChart;
    expect(saved).toMatchObject({ id, owner: B, nodeCount: 2 });
    const [row] = await db.read('MATCH (c:SavedChart {name: $name}) RETURN count(c) AS n, collect(c.owner) AS owners', { name });
    expect(row).toMatchObject({ n: 1, owners: [B] });
    expect((await gqlAs(B, DELETE, { id })).deleteChart).toBe(true);
  });
});
