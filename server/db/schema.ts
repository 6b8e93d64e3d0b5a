import path from 'node:path';
import fs from 'node:fs';
import { ROOT } from '../config.js';
import { type Database, splitStatements } from './database.js';
import { cypherFile } from './cypher.js';

const SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema.cypher');

/**
 * The one-off backfill of the as-of date (datedOn, domain/asOf.ts) for a database written before
 * records carried it. Its mark is the schema it comes with: a database without the datedOn index
 * (`incident_dated_on`, cypher/schema.cypher) has not been backfilled. The backfill runs before the
 * schema creates that index, so a backfill that fails is run again at the next start. No node marks
 * it: a backup's node counts and an empty database stay as they are.
 */
const BACKFILL_MARK = 'incident_dated_on';

/** Applies cypher/schema.cypher (idempotent) after the backfill if it is due, and waits for the indexes to come online. */
export async function applySchema(db: Database): Promise<number> {
  const [{ marked }] = await db.read('SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) > 0 AS marked', { name: BACKFILL_MARK });
  if (!marked) {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: writeOnce.
    for (const statement of splitStatements(cypherFile(import.meta.url, 'backfillDatedOn.cypher'))) await db.writeOnce(statement, {}, { timeoutMs: 600_000 });
  }
  const statements = splitStatements(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  for (const statement of statements) {
    await db.write(statement, {}, { timeoutMs: 60_000 });
  }
  await db.write('CALL db.awaitIndexes(120)', {}, { timeoutMs: 130_000 });
  return statements.length;
}
