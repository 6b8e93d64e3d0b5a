/**
 * `npm run restore -- <file>`: loads a backup into the running instance (PORT/DATA_DIR, or
 * NEO4J_URI), whose database must be empty (e.g. a new DATA_DIR started with DEMO=0). The checksum
 * is checked before anything is written; afterwards the counts and the audit chain are.
 * Exit 0 when restored and verified, 1 when not.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { restoreBackup, verifyBackupFile } from './backup.js';

function fail(message: string): never {
  console.error(`Restore failed: ${message}`);
  process.exit(1);
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file) fail('usage: npm run restore -- <backup file>');
  const { manifest } = await verifyBackupFile(path.resolve(file));
  console.log(`Checksum verified: ${manifest.nodes} nodes, ${manifest.relationships} relationships, audit log to entry ${manifest.audit.seq}.`);
  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start an empty one first (e.g. \`DEMO=0 DATA_DIR=var-restore npm start\`), or set NEO4J_URI.`);
  const db = Database.connect(target.uri, target.user, target.password);
  try {
    await db.waitUntilReady(10_000);
    const r = await restoreBackup(db, path.resolve(file), (done, total) => process.stdout.isTTY && process.stdout.write(`\r  ${done}/${total} records…`));
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(`Restored and verified in ${r.seconds.toFixed(1)} s: ${r.nodes} nodes, ${r.relationships} relationships; audit chain intact (${r.auditEntries} entries).`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
