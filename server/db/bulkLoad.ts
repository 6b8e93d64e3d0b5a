/**
 * Batched, idempotent loading of a Dataset: nodes MERGE on id, links MERGE on their own id between
 * their endpoints, each batch in one transaction (a failure leaves no half-written batch).
 * Labels and types are identifiers in Cypher, so they are checked against the vocabulary before
 * they reach a query string; every value travels as a parameter.
 */
import type { Dataset, DatasetLink, DatasetNode } from '../../seeds/dataset.js';
import { isLabel, isLinkType } from '../domain/vocabulary.js';
import type { Database } from './database.js';
import { cypherFile } from './cypher.js';
import { namesIn } from '../domain/names/keys.js';
import { contactKeyProps, nameKeyProps } from '../domain/names/store.js';

const BATCH = 2_000;

/** Items grouped by a key, in first-seen order. */
export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function* batches<T>(items: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * MERGEs one batch of nodes sharing the same labels, in one transaction: every node also gets the
 * Entity label (the graph-wide id index) and, when it has coordinates, the `point` the map and the
 * point index use, and its `datedOn` (the as-of rule, domain/asOf.ts). Shared by the demo loader and the CSV import.
 */
export async function mergeNodeBatch(db: Database, labels: string[], rows: { id: string; props: Record<string, unknown> }[]): Promise<void> {
  for (const l of labels) if (!isLabel(l)) throw new Error(`label ${l} is not in the vocabulary`);
  // The point is only computed for batches that carry coordinates (a fifth faster without).
  const located = rows.some((r) => r.props.latitude != null && r.props.longitude != null);
  // A person's row is the whole record: its name keys are computed from it (domain/names/store.ts).
  const persons = labels.includes('Person');
  await db.write(
    cypherFile(import.meta.url, 'mergeNodes.cypher', { names: { labels: labels.join(':') }, off: located ? [] : ['locatedPoint'] }),
    { rows: rows.map((r) => ({ id: r.id, props: persons && namesIn(r.props) ? { ...r.props, ...nameKeyProps(r.props) } : r.props })) },
    { timeoutMs: 300_000 },
  );
}

/** A link row's properties as stored: a HAS_CONTACT saved under a name also gets that name's keys. */
export function linkProps(type: string, props: Record<string, unknown>): Record<string, unknown> {
  return type === 'HAS_CONTACT' && props.savedAs != null ? { ...props, ...contactKeyProps(props.savedAs) } : props;
}

export interface LoadResult {
  nodes: number;
  links: number;
}

export async function loadDataset(db: Database, data: Dataset, onProgress?: (done: number, total: number) => void): Promise<LoadResult> {
  const total = data.nodes.length + data.links.length;
  let done = 0;

  for (const [labelKey, nodes] of groupBy(data.nodes, (n) => n.labels.join(':'))) {
    for (const batch of batches<DatasetNode>(nodes)) {
      await mergeNodeBatch(db, labelKey.split(':'), batch);
      done += batch.length;
      onProgress?.(done, total);
    }
  }

  for (const [type, links] of groupBy(data.links, (l) => l.type)) {
    if (!isLinkType(type)) throw new Error(`link type ${type} is not in the vocabulary`);
    const cypher = cypherFile(import.meta.url, 'mergeLinks.cypher', { names: { type } });
    for (const batch of batches<DatasetLink>(links)) {
      await db.write(cypher, { rows: batch.map((l) => ({ id: l.id, start: l.start, end: l.end, props: linkProps(type, l.props) })) }, { timeoutMs: 120_000 });
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  return { nodes: data.nodes.length, links: data.links.length };
}
