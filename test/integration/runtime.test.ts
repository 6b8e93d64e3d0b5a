/**
 * The database runtime: persistence across restarts, a clean stop (no recovery on the next start),
 * a clear refusal to share a data directory, and clear errors when the database is unreachable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.js';
import { createApp, listen } from '../../server/http/app.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-runtime-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('local Neo4j runtime', () => {
  it('keeps data across a restart, and stops cleanly', async () => {
    let neo: LocalNeo4j = await startLocalNeo4j({ dataDir, heap: '512m', pageCache: '64m' });
    let db = Database.connect(neo.uri, neo.user, neo.password);
    await db.write("CREATE (:Entity:Person {id: 'persisted', name: 'Still Here'})");
    await db.close();

    // A second instance on the same data directory is refused with a reason, not a stack trace.
    await expect(startLocalNeo4j({ dataDir, heap: '512m', pageCache: '64m' })).rejects.toThrow(/in use by another running instance/);

    await neo.stop();
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'running.json'))).toBe(false);

    neo = await startLocalNeo4j({ dataDir, heap: '512m', pageCache: '64m' });
    db = Database.connect(neo.uri, neo.user, neo.password);
    const rows = await db.read("MATCH (p:Person {id: 'persisted'}) RETURN p.name AS name");
    expect(rows).toEqual([{ name: 'Still Here' }]);
    await db.close();
    await neo.stop();

    // A clean shutdown leaves nothing to recover: the second start must not have run recovery.
    const debugLog = fs.readFileSync(path.join(dataDir, 'neo4j', 'home', 'logs', 'debug.log'), 'utf8');
    expect(debugLog).not.toMatch(/Recovery completed|Recovery required/);
  }, 120_000);
});

describe('when the database is unreachable', () => {
  it('health says database false and queries fail with DATABASE_UNAVAILABLE', async () => {
    const deadPort = await freePort();
    const db = Database.connect(`bolt://127.0.0.1:${deadPort}`, 'neo4j', 'x');
    const { server } = createApp(db);
    const port = await listen(server, 0, '127.0.0.1');
    const ask = async (query: string) =>
      (await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        // Checking any token needs the database (the signing secret lives there).
        headers: { 'content-type': 'application/json', authorization: 'Bearer some.token.here' },
        body: JSON.stringify({ query }),
      }).then((r) => r.json())) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const health = await ask('{ health { database version } }');
      expect(health.data.health.database).toBe(false);
      const search = await ask('{ search(text: "anything") { score } }');
      expect(search.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(search.errors?.[0].message).toMatch(/database is unreachable/);
    } finally {
      server.close();
      await db.close();
    }
  });
});
