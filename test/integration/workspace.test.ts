/**
 * The analyst workspace's server operations: provenance of links (with withholding of restricted
 * reports), saved charts (saved, listed, reopened by another analyst, read fresh from the graph) and
 * audited exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.close());

const PROVENANCE = 'query ($r: [ID!], $e: ID) { provenance(reportIds: $r, entityId: $e) { id kind label properties } }';

describe('provenance', () => {
  it("returns the reports behind a link with their 3x5x2 grades, and the reports that mention an entity", async () => {
    const [row] = await db.read(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE size(coalesce(r.sources, [])) >= 2
       WITH r, [s IN r.sources WHERE EXISTS { MATCH (x:Report {id: s}) WHERE x.handling = 'P' }] AS open
       WHERE size(open) >= 1
       RETURN r.sources AS sources, open LIMIT 1`,
    );
    expect(row, 'the demo data has links with several reports behind them').toBeTruthy();
    const { provenance } = await gqlOk(PROVENANCE, { r: row!.sources });
    expect(provenance.map((p: any) => p.id).sort()).toEqual([...(row!.sources as string[])].sort());
    const open = provenance.find((p: any) => p.id === (row!.open as string[])[0]);
    expect(open.kind).toBe('Report');
    expect([1, 2, 3]).toContain(open.properties.sourceGrade);
    expect(open.properties.intelGrade).toMatch(/^[A-E]$/);
    expect(open.properties.handling).toBe('P');
    expect(open.properties.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [m] = await db.read("MATCH (:Report)-[:MENTIONS]->(n:Entity {id: 'per-s001'}) RETURN count(*) AS n");
    const { provenance: mentions } = await gqlOk(PROVENANCE, { e: 'per-s001' });
    expect(mentions.length).toBe(m!.n);
  });

  it('withholds a report handled under conditions from an agency it was not shared with', async () => {
    // The test analyst's agency is Police: a C report owned by another agency and not shared with Police.
    const [row] = await db.read(
      `MATCH (r:Report {handling: 'C'}) WHERE r.ownerAgency <> 'Police' AND NOT 'Police' IN coalesce(r.sharedWith, [])
       RETURN r.id AS id, r.ownerAgency AS owner, r.summary AS summary LIMIT 1`,
    );
    expect(row).toBeTruthy();
    const { provenance } = await gqlOk(PROVENANCE, { r: [row!.id] });
    expect(provenance).toHaveLength(1);
    expect(provenance[0].label).toMatch(new RegExp(`^1 item held by ${row!.owner}`));
    expect(provenance[0].properties.withheld).toBe(true);
    expect(JSON.stringify(provenance)).not.toContain(String(row!.summary));
    expect(provenance[0].properties.intelGrade).toBeUndefined();
  });

  it('refuses bad input', async () => {
    const r = await gql(PROVENANCE, { r: Array.from({ length: 2001 }, (_, i) => `rep-${i}`) });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('saved charts', () => {
  const NAME = `ws-test chart ${Date.now()}`;

  it('saves a chart, lists it, and reopens it for another analyst with its entities read fresh', async () => {
    const { neighbourhood } = await gqlOk('{ neighbourhood(ids: ["per-s001"], hops: 1, limit: 30) { nodes { id } links { id } } }');
    const entityIds: string[] = neighbourhood.nodes.map((n: any) => n.id);
    const linkIds: string[] = neighbourhood.links.slice(0, 5).map((l: any) => l.id);
    const state = { version: 1, positions: { 'per-s001': { x: 10, y: 20 } }, hidden: [], filters: { from: '2009-01-01' } };
    const { saveChart } = await gqlOk(
      'mutation ($n: String!, $e: [ID!]!, $l: [ID!], $s: JSON!) { saveChart(name: $n, entityIds: $e, linkIds: $l, state: $s) { id name owner mine shared createdBy nodeCount } }',
      { n: NAME, e: entityIds, l: linkIds, s: state },
    );
    // A new chart is its author's, shared with no one (test/integration/charts.test.ts: owners and sharing).
    expect(saveChart).toMatchObject({ name: NAME, owner: 'test-analyst', mine: true, shared: false, createdBy: 'test-analyst', nodeCount: entityIds.length });

    const [stored] = await db.read('MATCH (c:SavedChart {id: $id}) RETURN labels(c) AS labels, c.state AS state', { id: saveChart.id });
    expect(stored!.labels).toEqual(['SavedChart']); // a service record, not an Entity of the case graph
    expect(JSON.parse(stored!.state as string)).toEqual(state);

    const { savedCharts } = await gqlOk('{ savedCharts { id name nodeCount } }');
    expect(savedCharts.find((c: any) => c.id === saveChart.id)).toMatchObject({ name: NAME });

    const { savedChart } = await gqlOk('query ($id: ID!) { savedChart(id: $id) { name state elements { nodes { id } links { id } } } }', { id: saveChart.id });
    expect(savedChart.state).toEqual(state);
    expect(savedChart.elements.nodes.map((n: any) => n.id).sort()).toEqual([...entityIds].sort());
    expect(savedChart.elements.links.map((l: any) => l.id).sort()).toEqual([...linkIds].sort());

    // Reopening reads persons: the audit log says who opened which chart.
    const [audit] = await db.read(
      "MATCH (a:AuditEntry {operation: 'Query.savedChart'}) WHERE 'per-s001' IN a.entityIds RETURN a.username AS u ORDER BY a.seq DESC LIMIT 1",
    );
    expect(audit!.u).toBe('test-analyst');

    // Saving under the same name replaces it (one chart per name).
    const again = await gqlOk('mutation ($n: String!, $e: [ID!]!) { saveChart(name: $n, entityIds: $e, state: {v: 2}) { id nodeCount } }', { n: NAME, e: ['per-s001'] });
    expect(again.saveChart).toEqual({ id: saveChart.id, nodeCount: 1 });

    const { deleteChart } = await gqlOk('mutation ($id: ID!) { deleteChart(id: $id) }', { id: saveChart.id });
    expect(deleteChart).toBe(true);
    const gone = await gqlOk('query ($id: ID!) { savedChart(id: $id) { id } }', { id: saveChart.id });
    expect(gone.savedChart).toBeNull();
  });

  it('refuses an empty chart or a missing name, and other roles', async () => {
    const empty = await gql('mutation { saveChart(name: "ws-x", entityIds: [], state: {}) { id } }');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noName = await gql('mutation { saveChart(name: "  ", entityIds: ["per-s001"], state: {}) { id } }');
    expect(noName.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const licensing = await gql('{ savedCharts { id } }', {}, 'licensing');
    expect(licensing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('recordExport', () => {
  it('writes an audit entry naming the format and the exported entities before any download', async () => {
    const ids = ['per-s001', 'op-central'];
    const { recordExport } = await gqlOk('mutation ($e: [ID!]!) { recordExport(format: GRAPHML, chartName: "ws-export", entityIds: $e) { format count at } }', { e: ids });
    expect(recordExport).toMatchObject({ format: 'GRAPHML', count: 2 });
    const [entry] = await db.read(
      "MATCH (a:AuditEntry {operation: 'Mutation.recordExport', username: 'test-analyst'}) WHERE a.args CONTAINS 'GRAPHML' AND 'op-central' IN a.entityIds RETURN a ORDER BY a.seq DESC LIMIT 1",
    );
    const a = (entry!.a as { props: Record<string, unknown> }).props ?? entry!.a;
    expect(a.username).toBe('test-analyst');
    expect([...(a.entityIds as string[])].sort()).toEqual([...ids].sort());
    // The chart's name is the analyst's words: only its length is kept.
    expect(JSON.parse(a.args as string)).toMatchObject({ format: 'GRAPHML', chartName: '[text: 9 chars]' });
  });
});
