/**
 * The LINKED_CHILDREN ranking counts person-child pairs with a form of the derived-link rules that
 * carries no descriptions or source lists (childLinksRanked.cypher), and asks the full rules
 * (childLinks.cypher) only for the persons it ranks. Both must give every person the same children:
 * checked here against the full derivation (`deriveChildLinks`, what `linkedChildren` answers) for
 * callers with different reports withheld from them, as of several dates, and within a set of
 * persons. Its own stack with the demo data, so that no other file's writes fall between the reads.
 */
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { runInView } from '../../server/access/current.js';
import type { ProtectionIndex } from '../../server/access/protection.js';
import { Viewer, scopeFor } from '../../server/access/viewer.js';
import { deriveChildLinks, rankByLinkedChildren } from '../../server/modules/analysis/childLinks.js';
import type { User } from '../../server/modules/auth/users.js';
import { GraphQLClient } from '../support/client.js';
import { startTestStack } from '../support/testStack.js';

let db: Database;
let client: GraphQLClient;
let stop: () => Promise<void>;
let reports: { id: string; receivedOn: string | null; handling: string | null; ownerAgency: string | null; sharedWith: string[] | null }[];

beforeAll(async () => {
  const started = await startTestStack({ demo: true });
  stop = started.stop;
  db = started.stack.db;
  client = new GraphQLClient(started.info.url, started.info.users);
  reports = (await db.read('MATCH (r:Report) RETURN r.id AS id, r.receivedOn AS receivedOn, r.handling AS handling, r.ownerAgency AS ownerAgency, r.sharedWith AS sharedWith ORDER BY r.id')) as typeof reports;
}, 240_000);

afterAll(async () => {
  await stop?.();
});

/** An analyst of Police from whom exactly `withheld` is withheld (held by another agency, not shared). */
function viewerWithheld(withheld: string[]): Viewer {
  const user: User = { username: 'ranked-form-test', role: 'analyst', agency: 'Police' };
  const index: ProtectionIndex = {
    children: new Map(),
    victimPhones: new Map(),
    places: new Map(),
    concerns: new Map(),
    conditional: new Map(withheld.map((id) => [id, { id, ownerAgency: 'Elsewhere', receivedOn: null, sharedWith: [] }])),
  };
  const viewer = new Viewer(user, index, new Uint8Array(32), scopeFor(user, null));
  expect(viewer.withheldReportIds().sort()).toEqual([...withheld].sort());
  return viewer;
}

interface Ranked {
  id: string;
  score: number;
  routes: string[];
  sources: number;
}

/** The ranking as the full derivation gives it: distinct children, route kinds and reports per person. */
async function expectedRanking(viewer: Viewer, personIds: string[] | null, asOf: string | null): Promise<Ranked[]> {
  const links = await runInView(viewer, () => deriveChildLinks(db, personIds, asOf));
  const byPerson = new Map<string, { children: Set<string>; kinds: Set<string>; sources: Set<string> }>();
  for (const l of links) {
    const p = byPerson.get(l.person.id) ?? byPerson.set(l.person.id, { children: new Set(), kinds: new Set(), sources: new Set() }).get(l.person.id)!;
    p.children.add(l.child.id);
    l.routeKinds.forEach((k) => p.kinds.add(k));
    l.sources.forEach((s) => p.sources.add(s));
  }
  return [...byPerson]
    .map(([id, p]) => ({ id, score: p.children.size, routes: [...p.kinds].sort(), sources: p.sources.size }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function ranked(viewer: Viewer, personIds: string[] | null, asOf: string | null, top: number): Promise<Ranked[]> {
  const rows = await runInView(viewer, () => rankByLinkedChildren(db, personIds, asOf, top));
  return rows.map((r) => ({ id: r.entity.id, score: r.score, routes: r.detail.routes, sources: r.detail.sources }));
}

describe('the ranked form of the derived child links', () => {
  it('ranks every person as the full rules do, whatever is withheld and as of any date', async () => {
    const rng = seedrandom('ranked-form');
    const ids = reports.map((r) => r.id);
    const conditionalElsewhere = reports.filter((r) => r.handling === 'C' && r.ownerAgency !== 'Police' && !(r.sharedWith ?? []).includes('Police')).map((r) => r.id);
    const withheldSets: [string, string[]][] = [
      ['nothing', []],
      ["Police's conditional reports", conditionalElsewhere],
      ['half of all reports', ids.filter(() => rng() < 0.5)],
      ['every report', ids],
    ];
    expect(conditionalElsewhere.length).toBeGreaterThan(0);
    // Dates across the reports' history: some reports behind a route not yet received.
    const dates = reports.map((r) => r.receivedOn).filter((d): d is string => !!d).sort();
    const asOfs = [null, dates[Math.floor(dates.length / 4)]!, dates[Math.floor(dates.length / 2)]!, '1990-01-01'];
    let compared = 0;
    for (const [what, withheld] of withheldSets) {
      const viewer = viewerWithheld(withheld);
      for (const asOf of asOfs) {
        const want = await expectedRanking(viewer, null, asOf);
        const got = await ranked(viewer, null, asOf, 100_000);
        expect(got, `${what}, as of ${asOf}`).toEqual(want);
        // The top of the ranking is the top of the full one.
        expect(await ranked(viewer, null, asOf, 5), `${what}, as of ${asOf}, top 5`).toEqual(want.slice(0, 5));
        compared += want.length;
      }
    }
    // Withholding and dates change the answer (the comparison saw different rankings).
    const all = await expectedRanking(viewerWithheld([]), null, null);
    const none = await expectedRanking(viewerWithheld(ids), null, null);
    expect(all.length).toBeGreaterThan(10);
    expect(JSON.stringify(none)).not.toBe(JSON.stringify(all));
    expect(compared).toBeGreaterThan(40);
  }, 300_000); // 48 reads of the demo graph: slow on a busy machine, not a timed test

  it('ranks within a set of persons as the full rules do', async () => {
    const viewer = viewerWithheld(reports.filter((r) => r.handling === 'C').map((r) => r.id));
    const everyone = await expectedRanking(viewerWithheld([]), null, null);
    const within = [...everyone.filter((_, i) => i % 3 === 0).map((r) => r.id), 'per-c01', 'no-such-person'];
    for (const asOf of [null, '2015-06-30']) {
      expect(await ranked(viewer, within, asOf, 500)).toEqual(await expectedRanking(viewer, within, asOf));
    }
    expect(await ranked(viewer, [], null, 20)).toEqual([]);
  }, 120_000);

  it('answers the analyst through the API as the full rules do for what Police may see', async () => {
    const conditional = reports.filter((r) => r.handling === 'C');
    const viewer = new Viewer(
      { username: 'x', role: 'analyst', agency: 'Police' },
      {
        children: new Map(),
        victimPhones: new Map(),
        places: new Map(),
        concerns: new Map(),
        conditional: new Map(conditional.map((r) => [r.id, { id: r.id, ownerAgency: r.ownerAgency, receivedOn: r.receivedOn, sharedWith: r.sharedWith ?? [] }])),
      },
      new Uint8Array(32),
      scopeFor(null, null),
    );
    const want = (await expectedRanking(viewer, null, null)).slice(0, 500);
    const { rank } = await client.gqlOk('{ rank(measure: LINKED_CHILDREN, top: 500) { score entity { id } detail } }');
    expect(rank.map((r: any) => ({ id: r.entity.id, score: r.score, routes: r.detail.routes, sources: r.detail.sources }))).toEqual(want);
    // No child is ranked, and the other roles get no ranking at all.
    const children = new Set((await db.read('MATCH (c:Person {child: true}) RETURN c.id AS id')).map((r) => r.id));
    expect(rank.some((r: any) => children.has(r.entity.id))).toBe(false);
    for (const role of ['licensing', 'safeguarding', 'admin'] as const) {
      const r = await client.gql('{ rank(measure: LINKED_CHILDREN) { score entity { id } } }', {}, role);
      expect(r.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(r.data?.rank ?? null, role).toBeNull();
    }
  });
});
