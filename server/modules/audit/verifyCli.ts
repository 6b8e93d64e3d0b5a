/**
 * `npm run audit:verify`: recomputes the audit log's hash chain of the running instance
 * (PORT/DATA_DIR, or NEO4J_URI) and reports the first broken entry. Exit 0 when intact, 2 when not.
 */
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { verifyAuditChain } from './audit.js';

async function main() {
  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) {
    console.error(`audit: no running instance for DATA_DIR ${config.dataDir}: start it with \`npm start\` first (or set NEO4J_URI).`);
    process.exit(1);
  }
  const db = Database.connect(target.uri, target.user, target.password);
  try {
    const check = await verifyAuditChain(db);
    if (check.ok) console.log(`Audit log intact: ${check.entries} entries, every hash and link checks out.`);
    else console.log(`Audit log BROKEN at entry ${check.brokenAt} of ${check.entries}: that entry was altered or an entry before it removed.`);
    process.exitCode = check.ok ? 0 : 2;
  } finally {
    await db.close();
  }
}

void main();
