/**
 * Brings the whole service up (database, schema, demo data, HTTP) and down again, for `npm start`
 * and for the tests, which start their own stack on their own data directory and ports.
 */
import type http from 'node:http';
import { Database } from './db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from './db/localNeo4j.js';
import { runAlertRules } from './modules/alerts/rules.js';
import { applySchema } from './db/schema.js';
import { loadDataset } from './db/bulkLoad.js';
import { ensureNameKeys } from './domain/names/backfill.js';
import { createApp, listen } from './http/app.js';
import type { Config } from './config.js';
import { log } from './log.js';

/** Demo accounts, one per role, created with the demo data; their passwords are printed once. */
async function createDemoUsers(db: Database): Promise<{ username: string; role: string; password: string }[]> {
  const { upsertUser, ROLES } = await import('./modules/auth/users.js');
  const { randomBytes } = await import('node:crypto');
  const made = [];
  for (const role of ROLES) {
    const password = randomBytes(12).toString('base64url');
    await upsertUser(db, `demo-${role}`, role, password);
    if (role === 'safeguarding') await (await import('./modules/safeguarding/assignments.js')).assignDemoCaseload(db, `demo-${role}`);
    made.push({ username: `demo-${role}`, role, password });
  }
  return made;
}

export interface Stack {
  url: string;
  port: number;
  db: Database;
  neo4j?: LocalNeo4j;
  demoLoaded: boolean;
  /** Demo accounts created by this start (first start of a demo database only). */
  demoUsers: { username: string; role: string; password: string }[];
  /** Users in the database, to tell a first-time operator how to create one. */
  userCount: number;
  stop(): Promise<void>;
}

/** Loads the demo dataset once per database; a marker node records that it was loaded. */
export async function ensureDemoData(db: Database): Promise<boolean> {
  const [{ loaded }] = await db.read("OPTIONAL MATCH (m:DatasetLoad {name: 'demo'}) RETURN m IS NOT NULL AS loaded");
  if (loaded) return false;
  const started = Date.now();
  const { generateDemo } = await import('../seeds/demo.js'); // only needed on a first start
  const data = generateDemo();
  const result = await loadDataset(db, data);
  await (await import('./modules/changes/demo.js')).recordDemoChanges(db); // issue 20 item 5: the demo's reasoned changes
  await (await import('./modules/meetings/demo.js')).writeFollowThroughDemo(db, data); // issue 20: meetings' records, actions, deliveries
  await db.write("MERGE (m:DatasetLoad {name: 'demo'}) SET m.loadedAt = datetime(), m.nodes = $nodes, m.links = $links", { ...result });
  log.info({ ...result, seconds: +((Date.now() - started) / 1000).toFixed(1) }, 'demo dataset loaded');
  return true;
}

export async function startStack(config: Config, opts: { host?: string } = {}): Promise<Stack> {
  let neo4j: LocalNeo4j | undefined;
  let db: Database;
  if (config.external) {
    db = Database.connect(config.external.uri, config.external.user, config.external.password);
  } else {
    neo4j = await startLocalNeo4j({ dataDir: config.dataDir, heap: config.neo4jHeap, pageCache: config.neo4jPageCache });
    db = Database.connect(neo4j.uri, neo4j.user, neo4j.password);
  }
  let server: http.Server | undefined;
  try {
    await db.waitUntilReady();
    await applySchema(db);
    const demoLoaded = config.demo ? await ensureDemoData(db) : false;
    // Loading the demo is a write like any other: the rules raise what the data shows (once; alerts
    // are stored, so later starts have nothing to do here).
    if (demoLoaded) await runAlertRules(db, null);
    // Name keys for persons and saved contact names written before the current key rules (one count when none).
    await ensureNameKeys(db, log);
    const demoUsers = demoLoaded && config.createDemoUsers ? await createDemoUsers(db) : [];
    if (demoLoaded) await (await import('./modules/restrictions/demo.js')).writeRestrictionsDemo(db); // issue 20 item 4: demo restrictions (after the demo users: the demo analyst joins a team)
    const { countUsers } = await import('./modules/auth/users.js');
    const userCount = await countUsers(db);
    const app = createApp(db);
    const stopDeliveryEscalation = (await import('./modules/deliveries/escalation.js')).startDeliveryEscalation(db); // issue 20: unacknowledged deliveries
    const stopRestrictionReviews = (await import('./modules/restrictions/deconfliction.js')).startReviewTimer(db); // issue 20 item 4: overdue reviews
    server = app.server;
    const port = await listen(server, config.port, opts.host);
    const url = `http://localhost:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Requests in flight finish (up to SHUTDOWN_DRAIN_MS), live feeds are told to reconnect.
        stopDeliveryEscalation();
        stopRestrictionReviews();
        await app.lifecycle.drain(server!, config.shutdownDrainMs);
        await db.close();
        await neo4j?.stop();
      })());
    return { url, port, db, neo4j, demoLoaded, demoUsers, userCount, stop };
  } catch (e) {
    server?.close();
    await db.close();
    await neo4j?.stop();
    throw e;
  }
}
