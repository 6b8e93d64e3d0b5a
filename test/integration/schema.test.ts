import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.js';
import type { Database } from '../../server/db/database.js';
import { LABELS } from '../../server/domain/vocabulary.js';
import { gqlOk, testDatabase } from '../support/client.js';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.close());

const snapshot = async () => ({
  constraints: (await db.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name')).map((r) => r.name),
  indexes: (await db.read('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name')).map((r) => `${r.name}:${r.state}`),
});

describe('schema', () => {
  it('is idempotent: applying it again changes nothing', async () => {
    const before = await snapshot();
    await applySchema(db);
    await applySchema(db);
    expect(await snapshot()).toEqual(before);
  });

  it('has an id uniqueness constraint for every label of the vocabulary', async () => {
    const rows = await db.read(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties",
    );
    const constrained = new Set(rows.filter((r) => (r.properties as string[])[0] === 'id').map((r) => r.label));
    for (const label of [...LABELS, 'Entity']) expect(constrained.has(label), label).toBe(true);
  });

  it('has the full-text, text and point indexes, all online', async () => {
    const rows = await db.read('SHOW INDEXES YIELD name, type, state RETURN name, type, state');
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('entity_search')).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    expect(byName.get('phone_number')).toMatchObject({ type: 'TEXT', state: 'ONLINE' });
    expect(byName.get('location_point')).toMatchObject({ type: 'POINT', state: 'ONLINE' });
  });

  it('refuses a second node with an id already taken', async () => {
    await db.write("MERGE (:Entity:Person {id: 'fx-dup'})");
    await expect(db.write("CREATE (:Entity:Vehicle {id: 'fx-dup'})")).rejects.toThrow(/already exists/);
  });
});

describe('health and stats', () => {
  it('reports the database up and counts the graph', async () => {
    const { health, stats } = await gqlOk('{ health { database version } stats { nodes relationships byLabel } }');
    expect(health.database).toBe(true);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    const [{ n }] = await db.read('MATCH (n) RETURN count(n) AS n');
    expect(stats.nodes).toBe(n);
    expect(stats.relationships).toBeGreaterThan(0);
    expect(stats.byLabel.Person).toBeGreaterThan(0);
    expect(stats.byLabel.Operation).toBeGreaterThanOrEqual(1);
  });
});
