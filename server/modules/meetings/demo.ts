/**
 * Writes the demo's follow-through records (seeds/demo/followThrough.ts) after the demo dataset:
 * they are not entities, so the dataset loader does not carry them. Once, with the dataset.
 */
import { cypherFile, type Database } from '../../db/database.js';
import type { Dataset } from '../../../seeds/dataset.js';
import { followThrough } from '../../../seeds/demo/followThrough.js';

/** Neo4j stores no nulls: a property that is null is left out. */
const stored = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

export async function writeFollowThroughDemo(db: Database, data: Dataset): Promise<void> {
  const { records, actions, deliveries } = followThrough(data);
  await db.write(cypherFile(import.meta.url, 'demoRecords.cypher'), { records: records.map(stored), actions: actions.map(stored), deliveries: deliveries.map(stored) });
}
