/**
 * `npm run backup [-- --out <file>]`: writes a checksummed backup of the whole database of the
 * running instance (PORT/DATA_DIR, or NEO4J_URI) while it serves, by default to
 * DATA_DIR/backups/backup-<time>.jsonl.gz. Exit 0 when written, 1 when not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { writeBackup } from './backup.js';

function fail(message: string): never {
  console.error(`Backup failed: ${message}`);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start it with \`npm start\` first (or set NEO4J_URI).`);
  const file = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = Database.connect(target.uri, target.user, target.password);
  try {
    await db.waitUntilReady(10_000);
    const r = await writeBackup(db, file, (n) => process.stdout.isTTY && process.stdout.write(`\r  ${n} records…`));
    if (process.stdout.isTTY) process.stdout.write('\r');
    console.log(
      `Backup written to ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s): ` +
        `${r.nodes} nodes, ${r.relationships} relationships, audit log to entry ${r.audit.seq}.\n  sha256 ${r.sha256}` +
        (r.leftOutLate ? `\n  ${r.leftOutLate} relationships written during the backup were left for the next one.` : ''),
    );
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
