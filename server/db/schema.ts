import path from 'node:path';
import fs from 'node:fs';
import { ROOT } from '../config.js';
import { type Database, splitStatements } from './database.js';
import { cypherFile } from './cypher.js';

const SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema.cypher');

/**
 * One-off data migrations, each run once per database and then recorded as done (a SchemaMigration
 * node): `datedOn-1` gives every record written before the as-of rule its datedOn (domain/asOf.ts).
 */
const MIGRATIONS: { id: string; file: string }[] = [{ id: 'datedOn-1', file: 'backfillDatedOn.cypher' }];

/** Applies cypher/schema.cypher (idempotent), waits for the indexes to come online, then runs the migrations not yet run. */
export async function applySchema(db: Database): Promise<number> {
  const statements = splitStatements(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  for (const statement of statements) {
    await db.write(statement, {}, { timeoutMs: 60_000 });
  }
  await db.write('CALL db.awaitIndexes(120)', {}, { timeoutMs: 130_000 });
  await migrate(db);
  return statements.length;
}

async function migrate(db: Database): Promise<void> {
  const done = new Set((await db.read('MATCH (m:SchemaMigration) RETURN m.id AS id')).map((r) => r.id as string));
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: writeOnce.
    for (const statement of splitStatements(cypherFile(import.meta.url, m.file))) await db.writeOnce(statement, {}, { timeoutMs: 600_000 });
    await db.write('MERGE (m:SchemaMigration {id: $id}) SET m.at = datetime()', { id: m.id });
  }
}
