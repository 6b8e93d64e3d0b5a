/**
 * A canonical dump of a whole database for comparing two of them: every node (labels and typed
 * properties) and every relationship (type, both end nodes, typed properties), as sorted strings.
 * Written independently of the backup's own encoding, so that a value the backup turned into
 * another type (an integer into a float, a date into a string) shows as a difference.
 */
import { isInt, isPoint } from 'neo4j-driver';
import type { Database } from '../../server/db/database.js';

function typed(v: unknown): unknown {
  if (isInt(v)) return `int:${v.toString()}`;
  if (typeof v === 'number') return `float:${Object.is(v, -0) ? '-0' : String(v)}`;
  if (typeof v === 'string') return `str:${v}`;
  if (typeof v === 'boolean') return `bool:${v}`;
  if (Array.isArray(v)) return v.map(typed);
  if (isPoint(v)) return `point:${v.srid}:${v.x}:${v.y}:${v.z ?? ''}`;
  if (v && typeof v === 'object') return `${v.constructor.name}:${String(v)}`; // temporals: kind and ISO text
  throw new Error(`unexpected value ${String(v)}`);
}

function props(p: Record<string, unknown>): [string, unknown][] {
  return Object.keys(p)
    .sort()
    .map((k) => [k, typed(p[k])]);
}

export async function canonicalDump(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.readTransaction(async (tx) => {
    const byKey = new Map<string, string>();
    for await (const r of tx.run('MATCH (n) RETURN elementId(n) AS k, labels(n) AS l, properties(n) AS p')) {
      byKey.set(r.get('k'), JSON.stringify([[...(r.get('l') as string[])].sort(), props(r.get('p'))]));
    }
    const relationships: string[] = [];
    for await (const r of tx.run('MATCH (a)-[r]->(b) RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS t, properties(r) AS p')) {
      relationships.push(JSON.stringify([r.get('t'), byKey.get(r.get('s')), byKey.get(r.get('e')), props(r.get('p'))]));
    }
    return { nodes: [...byKey.values()].sort(), relationships: relationships.sort() };
  }, { timeoutMs: 120_000 });
}

/** What one dump has that the other lacks (with multiplicity), a few of each. */
export function dumpDifference(a: string[], b: string[], max = 5): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  const onlyInSecond: string[] = [];
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    else onlyInSecond.push(x);
  }
  const onlyInFirst = [...counts].flatMap(([x, c]) => Array<string>(c).fill(x));
  return { onlyInFirst: onlyInFirst.slice(0, max), onlyInSecond: onlyInSecond.slice(0, max) };
}
