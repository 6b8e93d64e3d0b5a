/**
 * The working chart (autosave), through real HTTP on the demo data: a round trip keeps the entities
 * and the view state; it belongs to its user alone (another analyst reads their own or none, other
 * roles are refused); what it returns is read through the viewer when it is opened, so an entity
 * withheld after the save comes back as a held item and one deleted since not at all; and the audit
 * gets an entry per change of which entities are on it, not per autosave.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { gql, testDatabase } from '../support/client.js';

const stamp = Date.now().toString(36);
// Analysts of their own: the shared test analyst's working chart is cleared between files.
const A = `working-a-${stamp}`;
const B = `working-b-${stamp}`;
const PERSON = `per-wc-${stamp}`;
const REPORT = `rep-wc-${stamp}`;
const NAME = `Wensleydale${stamp}`;

let db: Database;
const tokens: Record<string, string> = {};

async function post(query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${inject('stack').url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** As analyst A; fails the test on any error. */
async function gqlOk(query: string, variables: Record<string, unknown> = {}) {
  const r = await post(query, variables, tokens[A]!);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data!;
}

const SAVE = `mutation ($e: [ID!]!, $l: [ID!], $s: JSON!) { saveWorkingChart(entityIds: $e, linkIds: $l, state: $s) { updatedAt nodeCount } }`;
const OPEN = '{ workingChart { updatedAt nodeCount state elements { nodes { id kind label properties } links { id type source target } truncated } } }';

/** A view state as the web app saves it (web/src/chart/savedState.ts). */
const state = (positions: Record<string, [number, number]>, extra: Record<string, unknown> = {}) => ({
  version: 1,
  positions,
  hidden: [],
  pinned: Object.keys(positions).slice(0, 1),
  groups: [{ id: 'group-1', label: 'Suspects', members: Object.keys(positions) }],
  filters: {},
  styling: { rank: '', communities: false, highlight: 'none', labels: 'name', layout: 'fcose' },
  viewport: { zoom: 1.25, pan: { x: 10, y: -20 } },
  ...extra,
});

async function auditEntries(username: string) {
  const rows = await db.read(
    "MATCH (a:AuditEntry {username: $username, operation: 'Mutation.saveWorkingChart'}) RETURN a.args AS args, a.entityIds AS ids ORDER BY a.seq",
    { username },
  );
  return rows.map((r) => ({ args: JSON.parse(r.args as string) as Record<string, unknown>, ids: r.ids as string[] }));
}

beforeAll(async () => {
  db = testDatabase();
  for (const user of [A, B]) {
    const password = randomBytes(12).toString('base64url');
    await upsertUser(db, user, 'analyst', password, 'Police');
    const r = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: user, p: password } }),
    });
    tokens[user] = ((await r.json()) as any).data.login.token;
  }
  // A person only one report supports, shared as 'P' for now (made 'C' by another agency later).
  await db.write(
    `CREATE (r:Entity:Report {id: $report, ref: $report, handling: 'P', ownerAgency: 'Police', receivedOn: '2015-01-01', sources: []})
     CREATE (p:Entity:Person {id: $person, name: $name, surname: 'Tester', sources: [$report]})
     WITH p MATCH (s:Person {id: 'per-s001'}) CREATE (p)-[:KNOWS {id: $link, sources: [$report]}]->(s)`,
    { report: REPORT, person: PERSON, name: NAME, link: `KNOWS:${PERSON}:per-s001` },
  );
});

afterAll(async () => {
  await db.write('MATCH (w:WorkingChart) WHERE w.owner IN $owners DETACH DELETE w', { owners: [A, B] });
  await db.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids: [PERSON, REPORT] });
  await db.close();
});

describe('the working chart', () => {
  it('comes back as saved: entities, links and view state', async () => {
    const positions: Record<string, [number, number]> = { 'per-s001': [100, 200], 'op-central': [-50, 75] };
    const saved = (await gqlOk(SAVE, { e: ['per-s001', 'op-central'], s: state(positions) })).saveWorkingChart;
    expect(saved.nodeCount).toBe(2);
    const w = (await gqlOk(OPEN)).workingChart;
    expect(w.nodeCount).toBe(2);
    expect(w.elements.nodes.map((n: any) => n.id).sort()).toEqual(['op-central', 'per-s001']);
    expect(w.elements.links.length).toBeGreaterThan(0); // per-s001 is on Operation Central's chart
    expect(w.state.positions).toEqual(positions);
    expect(w.state.viewport).toEqual({ zoom: 1.25, pan: { x: 10, y: -20 } });
    expect(w.state.groups).toEqual([{ id: 'group-1', label: 'Suspects', members: ['per-s001', 'op-central'] }]);
  });

  it('keeps only the links saved when link ids are given, and an empty chart as empty', async () => {
    const all = (await gqlOk(OPEN)).workingChart.elements.links as { id: string }[];
    const one = all[0]!.id;
    await gqlOk(SAVE, { e: ['per-s001', 'op-central'], l: [one], s: state({}) });
    expect((await gqlOk(OPEN)).workingChart.elements.links.map((l: any) => l.id)).toEqual([one]);
    await gqlOk(SAVE, { e: [], s: state({}) });
    const empty = (await gqlOk(OPEN)).workingChart;
    expect(empty.nodeCount).toBe(0);
    expect(empty.elements.nodes).toEqual([]);
  });

  it("belongs to its user: another analyst reads their own or none, other roles are refused", async () => {
    await gqlOk(SAVE, { e: ['per-s001'], s: state({ 'per-s001': [1, 2] }) });
    expect((await post(OPEN, {}, tokens[B]!)).data!.workingChart).toBeNull();
    const bSave = await post(SAVE, { e: ['op-central'], s: state({ 'op-central': [9, 9] }) }, tokens[B]!);
    expect(bSave.errors).toBeUndefined();
    expect((await post(OPEN, {}, tokens[B]!)).data!.workingChart.elements.nodes.map((n: any) => n.id)).toEqual(['op-central']);
    // A's is untouched by B's save.
    const a = (await gqlOk(OPEN)).workingChart;
    expect(a.elements.nodes.map((n: any) => n.id)).toEqual(['per-s001']);
    expect(a.state.positions).toEqual({ 'per-s001': [1, 2] });
    for (const role of ['licensing', 'safeguarding', 'admin'] as const) {
      expect((await gql(OPEN, {}, role)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect((await gql(SAVE, { e: ['per-s001'], s: {} }, role)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('is seen as the user may see it when opened, not as it was when saved', async () => {
    const link = `KNOWS:${PERSON}:per-s001`;
    await gqlOk(SAVE, { e: [PERSON, 'per-s001'], l: [link], s: state({ [PERSON]: [5, 5], 'per-s001': [6, 6] }) });
    const before = (await gqlOk(OPEN)).workingChart;
    expect(before.elements.nodes.find((n: any) => n.id === PERSON).label).toContain(NAME);
    expect(before.elements.links.map((l: any) => l.id)).toEqual([link]);

    // The only report behind the person is now handled under conditions by another agency, not shared with Police.
    await db.write("MATCH (r:Report {id: $id}) SET r.handling = 'C', r.ownerAgency = 'Other Constabulary', r.sharedWith = []", { id: REPORT });
    await new Promise((r) => setTimeout(r, 2_200)); // the protection index is re-read at most 2 s later
    const after = (await gqlOk(OPEN)).workingChart;
    const held = after.elements.nodes.find((n: any) => n.id === PERSON);
    expect(held.kind).toBe('HeldItem');
    expect(held.label).toMatch(/held by Other Constabulary/);
    expect(JSON.stringify(after)).not.toContain(NAME);
    // The link only that report supports is held too: under another id, so the saved link id no longer matches it.
    expect(after.elements.links.map((l: any) => l.id)).not.toContain(link);

    // Deleted since: gone from the elements and from the view state.
    await db.write('MATCH (p:Person {id: $id}) DETACH DELETE p', { id: PERSON });
    const gone = (await gqlOk(OPEN)).workingChart;
    expect(gone.elements.nodes.map((n: any) => n.id)).toEqual(['per-s001']);
    expect(Object.keys(gone.state.positions)).toEqual(['per-s001']);
    expect(gone.state.groups).toEqual([{ id: 'group-1', label: 'Suspects', members: ['per-s001'] }]);
  });

  it('is audited once per change of what is on it, with sizes as arguments, never per move', async () => {
    const first = await post(SAVE, { e: ['per-s001', 'per-s002'], s: state({ 'per-s001': [0, 0], 'per-s002': [1, 1] }) }, tokens[B]!);
    expect(first.errors).toBeUndefined();
    const n = (await auditEntries(B)).length;
    // Moves and view changes only: no entry.
    for (let i = 0; i < 3; i++) await post(SAVE, { e: ['per-s002', 'per-s001'], s: state({ 'per-s001': [i, i], 'per-s002': [1, 1] }, { viewport: { zoom: i, pan: { x: 0, y: 0 } } }) }, tokens[B]!);
    expect(await auditEntries(B)).toHaveLength(n);
    // One entity swapped for another: one entry, with the ids that came and went and sizes only.
    await post(SAVE, { e: ['per-s001', 'per-s003'], s: state({ 'per-s001': [0, 0], 'per-s003': [2, 2] }) }, tokens[B]!);
    const entries = await auditEntries(B);
    expect(entries).toHaveLength(n + 1);
    const last = entries.at(-1)!;
    expect(last.ids.sort()).toEqual(['per-s002', 'per-s003']);
    expect(last.args).toEqual({ entityCount: 2, added: 1, removed: 1 });
    expect(JSON.stringify(entries)).not.toContain('positions');
  });
});
