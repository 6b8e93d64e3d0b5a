/**
 * Alert rules, run whenever information is written (a report submitted, an import, the demo load):
 * each rule looks at what was touched (`ids`; everything when null) and yields alerts with a stable
 * key, so the same finding never raises two alerts. New alerts are stored (:Alert, not an Entity),
 * numbered in the alert feed, and reach live subscribers on every server through it (feed.ts).
 */
import { randomUUID } from 'node:crypto';
import { cypherFile, type Database } from '../../db/database.js';
import { deriveChildLinks } from '../analysis/childLinks.js';
import { findSuccessors } from '../licensing/resolvers.js';
import { alertFeed } from './feed.js';

export interface Alert {
  id: string;
  key: string;
  rule: string;
  audience: string[];
  status: 'open' | 'acknowledged';
  /** The alert's number in the feed (commit order); absent on alerts stored before the feed was numbered. */
  seq?: number;
  raisedAt: string;
  summary: string;
  entityIds: string[];
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
  note?: string | null;
}

export type Finding = Pick<Alert, 'key' | 'rule' | 'audience' | 'summary' | 'entityIds'>;

/** A person linked to this many distinct children raises an alert (ALERT_LINKED_CHILDREN, default 3). */
export const LINKED_CHILDREN_THRESHOLD = Math.max(1, Number(process.env.ALERT_LINKED_CHILDREN ?? 3) || 3);

export const CYPHER_RULES = ['noticeOnLicensed.cypher', 'foundAtNoticePremises.cypher', 'secondNotice.cypher', 'renewalWhileOpen.cypher', 'noticeBreach.cypher'];

/**
 * `persons`: those whose count may have changed (read by `touchedRead` when only some records were
 * touched); null: every person.
 */
async function linkedChildrenFindings(db: Database, persons: string[] | null): Promise<Finding[]> {
  if (persons && !persons.length) return [];
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

/** Above this many operators near what was touched, one search over all of them is cheaper than one per operator. */
const SUCCESSOR_SEARCHES = 4;

/**
 * `near`: the operators near what was touched (null: every operator). A finding is about an
 * operator near it, as successor or as predecessor: the successor search asked about one operator
 * finds exactly those pairs, so a few near operators are asked about one by one.
 */
export async function successorFindings(db: Database, near: Set<string> | null): Promise<Finding[]> {
  if (near && !near.size) return [];
  const found =
    near && near.size <= SUCCESSOR_SEARCHES
      ? (await Promise.all([...near].map((id) => findSuccessors(db, id)))).flat()
      : (await findSuccessors(db, null)).filter((f) => !near || near.has(f.operator.id) || near.has(f.predecessor.id));
  const seen = new Set<string>();
  return found
    .map((f) => ({
      key: `successor_operator:${f.operator.id}<${f.predecessor.id}`,
      rule: 'successor_operator',
      audience: ['licensing', 'analyst'],
      summary: `${f.operator.label} (${f.operator.id}) looks like a successor of ${f.predecessor.label} (${f.predecessor.id}, licence ${f.predecessorStatus}): ${f.signals.length} signals — ${f.signals.join('; ')}.`,
      entityIds: [f.operator.id, f.predecessor.id],
    }))
    .filter((f) => !seen.has(f.key) && !!seen.add(f.key));
}

/**
 * After a write that touched some records, one statement: the Cypher rules over them (each rule
 * file as written, in one UNION ALL), and who else the other rules must look at — the persons one
 * link from what was touched (their linked-children count may have changed) and the operators two
 * links from it. One round trip instead of six: on a small graph the database's cost of a write's
 * rules was mostly the statements themselves, not the matching.
 */
let touchedStatement: string | null = null;
function touchedRead(): string {
  // The rule files in one UNION ALL (a builder: the list of rules is code), then touched.cypher.
  touchedStatement ??= `CALL () {
${CYPHER_RULES.map((rule) => cypherFile(import.meta.url, rule).trim()).join('\nUNION ALL\n')}
}
${cypherFile(import.meta.url, 'touched.cypher')}`;
  return touchedStatement;
}

/** The Cypher rules' findings over the touched records, and the persons and operators near them (one statement). */
export async function touchedFindings(db: Database, ids: string[]): Promise<{ findings: Finding[]; persons: string[]; operators: string[] }> {
  // Its plan is made once per database start; on a busy machine that alone can take seconds.
  const [row] = await db.read(touchedRead(), { ids }, { what: 'An alert rule', timeoutMs: 60_000 });
  return { findings: row.findings as Finding[], persons: row.persons as string[], operators: row.operators as string[] };
}

/** Runs every rule over what was touched; stores and publishes the alerts that are new. */
export async function runAlertRules(db: Database, ids: string[] | null): Promise<Alert[]> {
  const findings: Finding[] = [];
  // A rule that fails (a search stopped by its time limit on a busy database) must not cost the
  // alerts the other rules found: those are raised, then the failure is reported.
  let failure: unknown = null;
  const settle = async (rule: Promise<Finding[]>) => {
    try {
      findings.push(...(await rule));
    } catch (e) {
      failure ??= e;
    }
  };
  if (ids) {
    const touched = await touchedFindings(db, ids);
    findings.push(...touched.findings);
    await Promise.all([settle(linkedChildrenFindings(db, touched.persons)), settle(successorFindings(db, new Set(touched.operators)))]);
  } else {
    for (const rule of CYPHER_RULES) await settle(db.read(cypherFile(import.meta.url, rule), { ids }, { what: 'An alert rule' }) as unknown as Promise<Finding[]>);
    await settle(linkedChildrenFindings(db, null));
    await settle(successorFindings(db, null));
  }
  const raised = await raiseAlerts(db, findings);
  if (failure) throw failure;
  return raised;
}

/**
 * Stores the findings not yet raised (one alert per key, ever) and publishes the new ones to live
 * subscribers. Every alert, whichever rule or timer found it, is raised through here.
 */
export async function raiseAlerts(db: Database, findings: Finding[]): Promise<Alert[]> {
  if (!findings.length) return [];
  const batch = randomUUID();
  const rows = await db.write(
    cypherFile(import.meta.url, 'storeAlerts.cypher'),
    { findings, now: new Date().toISOString(), batch },
  );
  const created = rows.map((r) => r.alert as Alert);
  // Live subscribers on every server read them from the database; this server's at once.
  if (created.length) alertFeed(db).nudge();
  return created;
}
