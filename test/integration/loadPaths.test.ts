/**
 * What the mixed-workload work (issue 17) changed, checked against what it replaced:
 * - GET /metrics (the server's event-loop delay) answers admins only, and nothing but numbers;
 * - the alert rules after a write, now one statement over what the write touched, find exactly what
 *   each rule file finds run on its own over the same ids (the way they ran before), with the same
 *   persons and operators to look at next;
 * - the successor search asked about a few near operators one by one finds what the search over all
 *   operators finds about them;
 * - the access layer's index of protected subjects, now read in one statement, holds what the five
 *   reads it replaced held.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cypherFile } from '../../server/db/database.js';
import { tokenFor, testDatabase } from '../support/client.js';
import { CYPHER_RULES, successorFindings, touchedFindings, type Finding } from '../../server/modules/alerts/rules.js';
import { findSuccessors } from '../../server/modules/licensing/resolvers.js';
import { invalidateProtection, protectionIndex } from '../../server/access/protection.js';

const db = testDatabase();
afterAll(() => db.close());

const RULES_URL = new URL('../../server/modules/alerts/rules.ts', import.meta.url).href;
const byKey = (fs: Finding[]) => [...fs].sort((a, b) => a.key.localeCompare(b.key));

describe('GET /metrics', () => {
  const url = () => `${inject('stack').url.replace(/\/graphql$/, '')}/metrics`;

  it('answers an admin with the event-loop delay, since the start and over a window', async () => {
    const res = await fetch(`${url()}?window=30`, { headers: { authorization: `Bearer ${await tokenFor('admin')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toMatch(/^linkchart_event_loop_delay_seconds\{quantile="0\.99"\} \d/m);
    expect(text).toMatch(/^linkchart_event_loop_delay_max_seconds \d/m);
    expect(text).toMatch(/^linkchart_event_loop_delay_window_seconds\{window="30",stat="max"\} \d/m);
    // Numbers about the process only: every line is a comment or a metric with a number, its labels
    // from closed sets (root field names, error codes, the runtime's own: no ids, no names, no text).
    for (const line of text.trim().split('\n').filter(Boolean)) expect(line).toMatch(/^(# (HELP|TYPE) .*|[a-z_][a-z0-9_]*(\{[a-z_]+="[A-Za-z0-9_.+()-]*"(,[a-z_]+="[A-Za-z0-9_.+()-]*")*\})? ([0-9.e+-]+|NaN|[+-]Inf))$/);
  });

  it('refuses every other role, no token and a bad token, saying nothing about the server', async () => {
    for (const role of ['analyst', 'licensing', 'safeguarding'] as const) {
      const res = await fetch(url(), { headers: { authorization: `Bearer ${await tokenFor(role)}` } });
      expect(res.status, role).toBe(403);
      expect(await res.text()).not.toMatch(/linkchart_|event/);
    }
    const none = await fetch(url());
    expect(none.status).toBe(401);
    expect(await none.text()).not.toMatch(/linkchart_/);
    const bad = await fetch(url(), { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    const post = await fetch(url(), { method: 'POST', headers: { authorization: `Bearer ${await tokenFor('admin')}` } });
    expect(post.status).toBe(405);
  });
});

describe('alert rules after a write', () => {
  /** The rules as they ran before: each file on its own, then the persons and operators near. */
  async function oneByOne(ids: string[]) {
    const findings: Finding[] = [];
    for (const rule of CYPHER_RULES) findings.push(...((await db.read(cypherFile(RULES_URL, rule), { ids })) as unknown as Finding[]));
    const [p] = await db.read('MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..1]-(p:Person) RETURN collect(DISTINCT p.id) AS persons', { ids });
    const [o] = await db.read('MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..2]-(o:Operator) RETURN collect(DISTINCT o.id) AS operators', { ids });
    return { findings, persons: p!.persons as string[], operators: o!.operators as string[] };
  }

  it('one statement finds what each rule file finds on its own, over many sets of touched records', async () => {
    // Records the rules are about (notices and whom they are served on, licences and their events,
    // missing episodes and where they happened, operators) and some others, alone and together.
    const [pool] = await db.read(
      `CALL () { MATCH (n:Notice)-[:SERVED_ON]->(p:Person) RETURN collect(DISTINCT n.id) + collect(DISTINCT p.id) AS a }
       CALL () { MATCH (l:Licence)-[:INVOLVED_IN]->(e:Incident) RETURN collect(DISTINCT l.id)[..10] + collect(DISTINCT e.id)[..10] AS b }
       CALL () { MATCH (c:Person {child: true})-[:VICTIM_OF]->(i:Incident {kind: 'missing'})-[:OCCURRED_AT]->(l:Location) RETURN collect(DISTINCT i.id)[..10] + collect(DISTINCT l.id)[..10] + collect(DISTINCT c.id)[..5] AS c }
       CALL () { MATCH (o:Operator) RETURN collect(o.id)[..10] AS d }
       CALL () { MATCH (x:Person) WHERE x.child IS NULL RETURN collect(x.id)[..10] AS e }
       RETURN a + b + c + d + e AS ids`,
    );
    const ids = pool!.ids as string[];
    expect(ids.length).toBeGreaterThan(30);
    const sets: string[][] = [[], ['no-such-id'], ...ids.map((id) => [id])];
    for (let i = 0; i + 3 <= ids.length; i += 3) sets.push(ids.slice(i, i + 3), [ids[i]!, ids[ids.length - 1 - i]!]);
    let found = 0;
    for (const set of sets) {
      const [before, now] = await Promise.all([oneByOne(set), touchedFindings(db, set)]);
      expect(byKey(now.findings), JSON.stringify(set)).toEqual(byKey(before.findings));
      expect([...now.persons].sort(), JSON.stringify(set)).toEqual([...before.persons].sort());
      expect([...now.operators].sort(), JSON.stringify(set)).toEqual([...before.operators].sort());
      found += now.findings.length;
    }
    // The demo data raises every rule somewhere: the comparison saw findings, not only empty answers.
    expect(found).toBeGreaterThan(0);
  }, 120_000);

  it('the successor search about a few operators finds what the search over all finds about them', async () => {
    const all = await findSuccessors(db, null);
    expect(all.length, 'the demo data has successor operators').toBeGreaterThan(0);
    const operators = (await db.read('MATCH (o:Operator) RETURN o.id AS id ORDER BY id')).map((r) => r.id as string);
    const involved = [...new Set(all.flatMap((f) => [f.operator.id, f.predecessor.id]))];
    const sets = [[involved[0]!], involved.slice(0, 2), [involved[0]!, ...operators.filter((o) => !involved.includes(o)).slice(0, 2)], operators.slice(0, 4), operators.slice(0, 8)];
    for (const near of sets.map((s) => new Set(s))) {
      const expected = all
        .filter((f) => near.has(f.operator.id) || near.has(f.predecessor.id))
        .map((f) => `successor_operator:${f.operator.id}<${f.predecessor.id}`)
        .sort();
      expect((await successorFindings(db, near)).map((f) => f.key).sort(), JSON.stringify([...near])).toEqual(expected);
    }
  }, 60_000);
});

describe('the index of protected subjects', () => {
  it('holds what the five separate reads held', async () => {
    const [children, phones, places] = await Promise.all([
      db.read('MATCH (c) WHERE (c:Person OR c:MergedPerson) AND c.child = true RETURN c.id AS id'),
      db.read('MATCH (p:Person)-[:HAS_PHONE]->(ph:Phone) WHERE p.child = true OR EXISTS { (p)-[:VICTIM_OF]->(:Incident) } RETURN DISTINCT ph.id AS id'),
      db.read('MATCH (l:Location) WHERE l.restricted = true RETURN l.id AS id'),
    ]);
    const subjects = [...children, ...phones, ...places].map((r) => r.id as string);
    const concerns = await db.read('UNWIND $subjects AS sid MATCH (s:Entity {id: sid})--(n:Entity) RETURN n.id AS id, collect(DISTINCT sid) AS subjects', { subjects: [...new Set(subjects)] });
    invalidateProtection(db);
    const index = await protectionIndex(db, true);
    const sorted = (xs: Iterable<string>) => [...xs].sort();
    expect(children.length).toBeGreaterThan(0);
    expect(sorted(index.children.keys())).toEqual(sorted(children.map((r) => r.id as string)));
    expect(sorted(index.victimPhones.keys())).toEqual(sorted(phones.map((r) => r.id as string)));
    expect(sorted(index.places.keys())).toEqual(sorted(places.map((r) => r.id as string)));
    expect(sorted(index.concerns.keys())).toEqual(sorted(concerns.map((r) => r.id as string)));
    for (const r of concerns) expect(sorted(index.concerns.get(r.id as string)!), r.id as string).toEqual(sorted(r.subjects as string[]));
  });
});
