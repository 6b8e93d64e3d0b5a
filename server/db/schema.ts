import path from 'node:path';
import fs from 'node:fs';
import { ROOT } from '../config.js';
import { type Database, splitStatements } from './database.js';

const SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema.cypher');

/** Applies cypher/schema.cypher (idempotent) and waits for the indexes to come online. */
export async function applySchema(db: Database): Promise<number> {
  const statements = splitStatements(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  for (const statement of statements) {
    await db.write(statement, {}, { timeoutMs: 60_000 });
  }
  await db.write('CALL db.awaitIndexes(120)', {}, { timeoutMs: 130_000 });
  return statements.length;
}
