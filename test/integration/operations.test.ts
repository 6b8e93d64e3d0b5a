import { describe, expect, it } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const COVERAGE = '{ operationCoverage(operationId: "op-central") { operation { id label } onChart byDisposition neverActioned { id } licensed { id } } }';

describe('operationCoverage', () => {
  it('counts the chart by disposition and lists who was never actioned and who holds a licence', async () => {
    const { operationCoverage: c } = await gqlOk(COVERAGE);
    expect(c.operation.label).toBe('Operation Central');
    expect(c.onChart).toBe(80);
    expect(c.byDisposition.convicted).toBe(5);
    expect(c.byDisposition.acquitted).toBe(3);
    expect(c.neverActioned.length).toBeGreaterThan(40);
    expect(c.neverActioned.length).toBeLessThanOrEqual(72);

    const db = testDatabase();
    const never = c.neverActioned.map((p: any) => p.id);
    const [{ actioned }] = await db.read(
      `MATCH (p:Person)-[c:ON_CHART]->(:Operation {id: 'op-central'}) WHERE p.id IN $ids
         AND (c.disposition <> 'identified' OR EXISTS { (:Notice)-[:SERVED_ON]->(p) }
              OR EXISTS { (p)-[:HOLDS]->(l:Licence) WHERE l.status IN ['suspended', 'revoked', 'refused'] })
       RETURN count(p) AS actioned`,
      { ids: never },
    );
    expect(actioned).toBe(0);
    expect(never).not.toContain('per-s001'); // a notice was served on him
    const licensed = c.licensed.map((p: any) => p.id);
    expect(licensed.length).toBeGreaterThan(0);
    const [{ holders }] = await db.read(
      "MATCH (p:Person)-[:HOLDS]->(l:Licence) WHERE p.id IN $ids AND l.kind IN ['driver', 'operator'] AND l.status = 'active' RETURN count(DISTINCT p) AS holders",
      { ids: licensed },
    );
    await db.close();
    expect(holders).toBe(licensed.length);
  });

  it('records a disposition, keeping the earlier one, and the person leaves the never-actioned list', async () => {
    const before = (await gqlOk(COVERAGE)).operationCoverage;
    const who = before.neverActioned.map((p: any) => p.id).find((id: string) => !['per-s001', 'per-s017'].includes(id));
    const { recordDisposition } = await gqlOk(
      'mutation ($id: ID!) { recordDisposition(operationId: "op-central", personId: $id, disposition: "arrested", on: "2011-02-01") { type source properties } }',
      { id: who },
    );
    expect(recordDisposition).toMatchObject({ type: 'ON_CHART', source: who, properties: { disposition: 'arrested', dispositionOn: '2011-02-01' } });
    expect(recordDisposition.properties.dispositionHistory).toEqual([':identified']);
    const after = (await gqlOk(COVERAGE)).operationCoverage;
    expect(after.neverActioned.map((p: any) => p.id)).not.toContain(who);
    expect(after.byDisposition.arrested).toBe((before.byDisposition.arrested ?? 0) + 1);

    const bad = await gql('mutation { recordDisposition(operationId: "op-central", personId: "per-c01x", disposition: "arrested", on: "2011-02-01") { id } }');
    expect(bad.errors?.[0].message).toMatch(/not on that operation/);
  });
});
