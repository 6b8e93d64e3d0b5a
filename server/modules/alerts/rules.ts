/**
 * Alert rules, run whenever information is written (a report submitted, an import, the demo load):
 * each rule looks at what was touched (`ids`; everything when null) and yields alerts with a stable
 * key, so the same finding never raises two alerts. New alerts are stored (:Alert, not an Entity)
 * and published to the live subscribers of this database.
 */
import { randomUUID } from 'node:crypto';
import { createPubSub } from 'graphql-yoga';
import { cypherFile, type Database } from '../../db/database.js';
import { deriveChildLinks } from '../analysis/childLinks.js';
import { findSuccessors } from '../licensing/resolvers.js';

export interface Alert {
  id: string;
  key: string;
  rule: string;
  audience: string[];
  status: 'open' | 'acknowledged';
  raisedAt: string;
  summary: string;
  entityIds: string[];
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
  note?: string | null;
}

type Finding = Pick<Alert, 'key' | 'rule' | 'audience' | 'summary' | 'entityIds'>;

/** A person linked to this many distinct children raises an alert (ALERT_LINKED_CHILDREN, default 3). */
export const LINKED_CHILDREN_THRESHOLD = Math.max(1, Number(process.env.ALERT_LINKED_CHILDREN ?? 3) || 3);

const CYPHER_RULES = ['noticeOnLicensed.cypher', 'foundAtNoticePremises.cypher', 'secondNotice.cypher', 'renewalWhileOpen.cypher'];

// One channel per database, so two stacks in one process (tests) never see each other's alerts.
const channels = new WeakMap<Database, ReturnType<typeof createPubSub<{ alert: [Alert] }>>>();
export function alertChannel(db: Database) {
  let c = channels.get(db);
  if (!c) channels.set(db, (c = createPubSub<{ alert: [Alert] }>()));
  return c;
}

async function linkedChildrenFindings(db: Database, ids: string[] | null): Promise<Finding[]> {
  // The persons whose count may have changed: those touched, and those one link from what was touched.
  let persons: string[] | null = null;
  if (ids) {
    const [row] = await db.read('MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..1]-(p:Person) RETURN collect(DISTINCT p.id) AS persons', { ids });
    persons = row.persons as string[];
    if (!persons.length) return [];
  }
  const byPerson = new Map<string, { label: string; children: Set<string> }>();
  for (const l of await deriveChildLinks(db, persons, null)) {
    const e = byPerson.get(l.person.id) ?? byPerson.set(l.person.id, { label: l.person.label, children: new Set() }).get(l.person.id)!;
    e.children.add(l.child.id);
  }
  return [...byPerson]
    .filter(([, e]) => e.children.size >= LINKED_CHILDREN_THRESHOLD)
    .map(([id, e]) => ({
      key: `linked_children:${id}:${LINKED_CHILDREN_THRESHOLD}`,
      rule: 'linked_children',
      audience: ['analyst'],
      summary: `${e.label} (${id}) is linked to ${e.children.size} children (threshold ${LINKED_CHILDREN_THRESHOLD}).`,
      entityIds: [id],
    }));
}

async function successorFindings(db: Database, ids: string[] | null): Promise<Finding[]> {
  // Operators near what was touched (all when null); one successor search, kept to findings about them.
  let near: Set<string> | null = null;
  if (ids) {
    const [row] = await db.read('MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..2]-(o:Operator) RETURN collect(DISTINCT o.id) AS operators', { ids });
    near = new Set(row.operators as string[]);
    if (!near.size) return [];
  }
  return (await findSuccessors(db, null))
    .filter((f) => !near || near.has(f.operator.id) || near.has(f.predecessor.id))
    .map((f) => ({
      key: `successor_operator:${f.operator.id}<${f.predecessor.id}`,
      rule: 'successor_operator',
      audience: ['licensing', 'analyst'],
      summary: `${f.operator.label} (${f.operator.id}) looks like a successor of ${f.predecessor.label} (${f.predecessor.id}, licence ${f.predecessorStatus}): ${f.signals.length} signals — ${f.signals.join('; ')}.`,
      entityIds: [f.operator.id, f.predecessor.id],
    }));
}

/** Runs every rule over what was touched; stores and publishes the alerts that are new. */
export async function runAlertRules(db: Database, ids: string[] | null): Promise<Alert[]> {
  const findings: Finding[] = [];
  for (const rule of CYPHER_RULES) findings.push(...((await db.read(cypherFile(import.meta.url, rule), { ids }, { what: 'An alert rule' })) as unknown as Finding[]));
  findings.push(...(await linkedChildrenFindings(db, ids)), ...(await successorFindings(db, ids)));
  if (!findings.length) return [];
  const batch = randomUUID();
  const rows = await db.write(
    `UNWIND $findings AS f
     MERGE (a:Alert {key: f.key})
     ON CREATE SET a.id = randomUUID(), a.rule = f.rule, a.audience = f.audience, a.summary = f.summary,
                   a.entityIds = f.entityIds, a.status = 'open', a.raisedAt = $now, a.batch = $batch
     WITH a WHERE a.batch = $batch
     RETURN properties(a) AS alert`,
    { findings, now: new Date().toISOString(), batch },
  );
  const created = rows.map((r) => r.alert as Alert);
  for (const a of created) alertChannel(db).publish('alert', a);
  return created;
}
