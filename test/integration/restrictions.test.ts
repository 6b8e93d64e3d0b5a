/**
 * Restrictions with owners and review dates (issue 20 item 4) on the demo data
 * (seeds/demo/restrictions.ts): the CSE Team holds Operation Kestrel (review overdue since 2012),
 * the Drugs Team a source's report and the associate it names; both touch the same man. The holding
 * team sees content; everyone else only the existence flag, in every channel reached here (search,
 * entity, neighbourhood, paths, provenance, saved charts, alerts, errors); access requests are
 * answered by the holder and a grant opens the record to the requester; licensing sees no child.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gql, gqlOk, testDatabase } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { RESTRICTION_DEMO as D } from '../../seeds/demo/restrictions.js';
import { generateDemo } from '../../seeds/demo.js';

const url = () => inject('stack').url;
const PASSWORD = 'restrict-test-pw-1';

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}
const tokens = new Map<string, string>();
async function as(username: string) {
  if (!tokens.has(username)) {
    const r = await post('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: PASSWORD });
    tokens.set(username, r.data.login.token);
  }
  return tokens.get(username)!;
}
async function ok(username: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await post(query, variables, await as(username));
  if (r.errors?.length) throw new Error(`${username}: ${JSON.stringify(r.errors)}`);
  return r.data;
}
async function fails(username: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await post(query, variables, await as(username));
  expect(r.errors?.length, JSON.stringify(r.data)).toBeGreaterThan(0);
  return r.errors![0]!;
}

// Users: two police teams, a police analyst in no team, another agency's analyst, licensing.
const CSE = 'rt-cse';
const DRUGS = 'rt-drugs';
const OUTSIDER = 'rt-outsider';
const OTHER_AGENCY = 'rt-partner';
const LICENSING = 'rt-licensing';

// What the restricted records hold that no one outside the team may read.
const demo = generateDemo();
const node = (id: string) => demo.nodes.find((n) => n.id === id)!;
const SECRETS = ['Kestrel', 'Ashdale', 'Corwin', 'Finch', 'grey van', 'surveillance', 'residential unit after dark', 'INT/2011/K001', 'INT/2011/S014', 'covert', 'Source protection'];
const noSecrets = (value: unknown, secrets = SECRETS) => {
  const text = JSON.stringify(value);
  for (const s of secrets) expect(text.toLowerCase(), `"${s}" leaked`).not.toContain(s.toLowerCase());
};

const ENTITY = `query ($id: ID!) { entity(id: $id) { id kind label properties sources } }`;
const NEIGHBOURHOOD = `query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1, limit: 500) { nodes { id kind label properties } links { id type source target properties sources } } }`;
const SEARCH = `query ($text: String!) { search(text: $text, limit: 20) { entity { id kind label properties } score } }`;
const PATHS = `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 3) { nodes { id kind label properties } links { id type properties } } }`;
const PROVENANCE = `query ($id: ID, $reports: [ID!]) { provenance(entityId: $id, reportIds: $reports) { id kind label properties } }`;
const ALERTS = `{ alerts(limit: 500) { rule summary entityIds } }`;
const RESTRICTIONS = `{ restrictions { id scope targetId team agency reason since reviewDue overdue held flag pendingRequests } }`;
const REQUESTS = `query ($status: String) { accessRequests(status: $status) { id restrictionId flag requester requesterTeam reason status answer answeredBy } }`;

beforeAll(async () => {
  const db = testDatabase();
  try {
    for (const [u, role, agency] of [
      [CSE, 'analyst', 'Police'],
      [DRUGS, 'analyst', 'Police'],
      [OUTSIDER, 'analyst', 'Police'],
      [OTHER_AGENCY, 'analyst', 'Youth Service'],
      [LICENSING, 'licensing', 'Licensing'],
    ] as const)
      await upsertUser(db, u, role, PASSWORD, agency);
  } finally {
    await db.close();
  }
  // Teams are set by an admin.
  const admin = 'admin';
  for (const [u, team] of [
    [CSE, 'CSE Team'],
    [DRUGS, ' drugs  team '],
    [OTHER_AGENCY, 'CSE Team'], // the same team name in another agency is another team
    [LICENSING, 'Enforcement'],
  ] as const)
    await gqlOk(`mutation ($u: String!, $t: String) { setUserTeam(username: $u, team: $t) { username team } }`, { u, t: team }, admin);
});

describe('a restriction’s holder and everyone else', () => {
  it('an admin sets teams and lists them; no one else can', async () => {
    const { teams } = await gqlOk('{ teams { username agency team } }', {}, 'admin');
    expect(teams).toEqual(expect.arrayContaining([{ username: CSE, agency: 'Police', team: 'CSE Team' }, { username: DRUGS, agency: 'Police', team: 'drugs team' }]));
    expect((await fails(CSE, `mutation { setUserTeam(username: "${OUTSIDER}", team: "CSE Team") { team } }`)).extensions?.code).toBe('FORBIDDEN');
  });

  it('a team that holds restrictions is told who joined it, and by whom (no one is added silently)', async () => {
    const { alerts } = await ok(CSE, ALERTS);
    const joined = alerts.filter((a: any) => a.rule === 'team_change' && a.summary.startsWith(`${CSE} joined CSE Team (Police)`));
    expect(joined).toHaveLength(1);
    expect(joined[0].summary).toMatch(/set by test-admin, \d{4}-\d{2}-\d{2}\) and can now see what the team holds under its restriction/);
    expect(joined[0].entityIds).toContain(D.operation);
    // The team of the same name in another agency holds nothing: no alert about it.
    expect(alerts.some((a: any) => a.rule === 'team_change' && a.summary.startsWith(`${OTHER_AGENCY} joined`))).toBe(false);
  });

  it('the holding team sees the operation, its incident and its report', async () => {
    const op = (await ok(CSE, ENTITY, { id: D.operation })).entity;
    expect(op.kind).toBe('Operation');
    expect(op.label).toContain('Kestrel');
    const inc = (await ok(CSE, ENTITY, { id: D.operationIncident })).entity;
    expect(inc.kind).toBe('Incident');
    const rep = (await ok(CSE, ENTITY, { id: D.operationReport })).entity;
    expect(rep.properties.summary).toContain('surveillance');
  });

  it('everyone else sees only the flag, by entity, for each record it covers', async () => {
    for (const user of [DRUGS, OUTSIDER, OTHER_AGENCY, LICENSING]) {
      for (const id of [D.operation, D.operationIncident, D.operationReport]) {
        const e = (await ok(user, ENTITY, { id })).entity;
        expect(e.kind, `${user} ${id}`).toBe('HeldItem');
        expect(e.label).toBe('1 item held by CSE Team (Police), since 2011-04-04, review due 2012-04-04');
        expect(e.properties.restrictionId).toBe(D.operationRestriction);
        expect(e.properties.contact).toBe('CSE Team (Police)');
        expect(e.sources).toEqual([]);
        noSecrets(e);
      }
    }
    // And the Drugs Team's associate and source report are flags to the CSE Team.
    for (const id of [D.associate, D.sourceReport]) {
      const e = (await ok(CSE, ENTITY, { id })).entity;
      expect(e.kind).toBe('HeldItem');
      expect(e.label).toContain('held by Drugs Team (Police), since 2011-09-02, review due 2027-03-01');
      noSecrets(e);
    }
    // The Drugs Team sees its own (the team name compared as typed, case and spacing aside).
    expect((await ok(DRUGS, ENTITY, { id: D.associate })).entity.properties.surname).toBe('Ashdale');
  });

  it('search: a restricted record matching the words shows as its flag, never its content', async () => {
    for (const [user, text] of [
      [CSE, 'Corwin Ashdale'],
      [CSE, 'Finch'],
      [OUTSIDER, 'Corwin Ashdale'],
      [OUTSIDER, 'Kestrel'],
      [LICENSING, 'Ashdale'],
    ] as const) {
      const { search } = await ok(user, SEARCH, { text });
      for (const h of search) if (([D.associate, D.operation, D.operationIncident] as string[]).includes(h.entity.id)) expect(h.entity.kind).toBe('HeldItem');
      noSecrets(search);
    }
    // A hit linked to restricted records carries their flags: whom to contact (deconfliction at the search).
    const label = (await ok(OUTSIDER, ENTITY, { id: D.person })).entity.label;
    const man = (await ok(OUTSIDER, `query ($text: String!) { search(text: $text, limit: 5) { entity { id } restrictedNearby { restrictionId flag contact } } }`, { text: label })).search.find((h: any) => h.entity.id === D.person);
    expect(man.restrictedNearby.map((r: any) => r.restrictionId).sort()).toEqual([D.operationRestriction, D.associateRestriction].sort());
    expect(man.restrictedNearby.map((r: any) => r.contact)).toEqual(expect.arrayContaining(['CSE Team (Police)', 'Drugs Team (Police)']));
    const own = (await ok(DRUGS, SEARCH, { text: 'Corwin Ashdale' })).search;
    expect(own.map((h: any) => h.entity.id)).toContain(D.associate);
  });

  it('neighbourhood: the man both teams work on, as each side and as outsiders see him', async () => {
    const outsider = (await ok(OUTSIDER, NEIGHBOURHOOD, { ids: [D.person] })).neighbourhood;
    noSecrets(outsider);
    const flags = outsider.nodes.filter((n: any) => n.kind === 'HeldItem');
    expect(flags.map((n: any) => n.id)).toEqual(expect.arrayContaining([D.associate, D.operationIncident]));
    // Links to restricted records are held with them: their type and properties are not shown.
    for (const l of outsider.links.filter((x: any) => [l2(x)].flat().some((id: string) => ([D.associate, D.operationIncident] as string[]).includes(id)))) {
      expect(l.type).toBe('HELD');
      expect(l.sources).toEqual([]);
    }
    // The CSE Team sees its incident, the Drugs Team's associate as a flag.
    const cse = (await ok(CSE, NEIGHBOURHOOD, { ids: [D.person] })).neighbourhood;
    expect(cse.nodes.find((n: any) => n.id === D.operationIncident).kind).toBe('Incident');
    expect(cse.nodes.find((n: any) => n.id === D.associate).kind).toBe('HeldItem');
    noSecrets(cse, ['Ashdale', 'Corwin', 'Finch', 'grey van', 'INT/2011/S014']);
    // The Drugs Team the other way round.
    const drugs = (await ok(DRUGS, NEIGHBOURHOOD, { ids: [D.person] })).neighbourhood;
    expect(drugs.nodes.find((n: any) => n.id === D.associate).kind).toBe('Person');
    expect(drugs.nodes.find((n: any) => n.id === D.operationIncident).kind).toBe('HeldItem');
    noSecrets(drugs, ['Kestrel', 'residential unit after dark', 'INT/2011/K001']);
    // Starting from the restricted record itself gives its flag and nothing it alone would show.
    const fromFlag = (await ok(OUTSIDER, NEIGHBOURHOOD, { ids: [D.operation] })).neighbourhood;
    noSecrets(fromFlag);
  });

  it('paths through a restricted record show its flag', async () => {
    const { paths } = await ok(CSE, PATHS, { from: D.associate, to: D.person });
    noSecrets(paths, ['Ashdale', 'Corwin', 'Finch', 'grey van']);
    for (const p of paths) expect(p.nodes.find((n: any) => n.id === D.associate)?.kind ?? 'HeldItem').toBe('HeldItem');
  });

  it('provenance: the restricted reports about a man are flags to outsiders', async () => {
    const { provenance } = await ok(OUTSIDER, PROVENANCE, { id: D.person });
    const byId = new Map(provenance.map((r: any) => [r.id, r]));
    expect((byId.get(D.operationReport) as any)?.kind).toBe('HeldItem');
    expect((byId.get(D.sourceReport) as any)?.kind).toBe('HeldItem');
    noSecrets(provenance);
    const asked = (await ok(OUTSIDER, PROVENANCE, { reports: [D.operationReport, D.sourceReport] })).provenance;
    noSecrets(asked);
    expect(asked.every((r: any) => r.kind === 'HeldItem')).toBe(true);
  });

  it('a saved chart read by an outsider holds the flags, not the records', async () => {
    const { saveChart } = await ok(OUTSIDER, `mutation ($ids: [ID!]!) { saveChart(name: "rt chart", entityIds: $ids, state: {}) { id } }`, { ids: [D.person, D.operation, D.associate, D.operationIncident] });
    const { savedChart } = await ok(OUTSIDER, `query ($id: ID!) { savedChart(id: $id) { elements { nodes { id kind label properties } links { id type properties } } } }`, { id: saveChart.id });
    noSecrets(savedChart);
    expect(savedChart.elements.nodes.filter((n: any) => n.kind === 'HeldItem').length).toBeGreaterThanOrEqual(3);
  });

  it('licensing still sees no child, and restricted records only as flags', async () => {
    const n = (await ok(LICENSING, NEIGHBOURHOOD, { ids: [D.person] })).neighbourhood;
    noSecrets(n);
    for (const c of demo.nodes.filter((x) => x.props.child === true)) {
      expect(JSON.stringify(n)).not.toContain(`"${c.id}"`);
      if (c.props.surname) expect(JSON.stringify(n)).not.toContain(String(c.props.surname));
    }
  });

  it('errors quote nothing restricted: restricting a flagged record answers as an unknown one', async () => {
    const e = await fails(CSE, `mutation ($t: ID!) { restrict(input: {scope: "Entity", targetId: $t, reason: "mine now", reviewDue: "2030-01-01"}) { id } }`, { t: D.associate });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe(`There is no record ${D.associate} you can read.`);
    noSecrets(e);
  });
});

// A link's two ends.
function l2(l: { source: string; target: string }) {
  return [l.source, l.target];
}

describe('the holder’s screen: restrictions, reviews due, requests', () => {
  it('lists the team’s restrictions with their reasons, and flags the overdue review', async () => {
    const { restrictions } = await ok(CSE, RESTRICTIONS);
    const kestrel = restrictions.find((r: any) => r.id === D.operationRestriction);
    expect(kestrel).toMatchObject({ scope: 'Operation', targetId: D.operation, team: 'CSE Team', overdue: true, held: true, reviewDue: '2012-04-04' });
    expect(kestrel.reason).toContain('Ongoing covert operation');
    expect(kestrel.pendingRequests).toBeGreaterThanOrEqual(1);
    expect(restrictions.map((r: any) => r.id)).not.toContain(D.sourceRestriction);
    const { overdueRestrictionReviews } = await ok(CSE, '{ overdueRestrictionReviews { id overdue } }');
    expect(overdueRestrictionReviews.map((r: any) => r.id)).toEqual([D.operationRestriction]);
    // Others list nothing of it: no catalogue of what exists.
    expect((await ok(OUTSIDER, RESTRICTIONS)).restrictions).toEqual([]);
    expect((await ok(OTHER_AGENCY, RESTRICTIONS)).restrictions).toEqual([]);
    expect((await ok(DRUGS, '{ overdueRestrictionReviews { id } }')).overdueRestrictionReviews).toEqual([]);
  });

  it('the holder sees the pending request; its requester’s own; others nothing', async () => {
    const { accessRequests } = await ok(CSE, REQUESTS, { status: 'pending' });
    const pending = accessRequests.find((r: any) => r.id === D.pendingRequest);
    expect(pending).toMatchObject({ restrictionId: D.operationRestriction, requester: 'dc-okafor', requesterTeam: 'Drugs Team', status: 'pending' });
    expect((await ok(OUTSIDER, REQUESTS, {})).accessRequests).toEqual([]);
  });

  it('an overdue review and the deconfliction between the two teams are alerts to the holders', async () => {
    const { alerts } = await ok(CSE, ALERTS);
    const review = alerts.find((a: any) => a.rule === 'restriction_review' && a.summary.includes(D.operationRestriction));
    expect(review?.summary).toContain('was due for review on 2012-04-04');
    const deconfliction = alerts.filter((a: any) => a.rule === 'deconfliction' && a.summary.startsWith('Deconfliction for CSE Team'));
    expect(deconfliction.some((a: any) => a.summary.includes('Drugs Team (Police) also holds a restriction') && a.summary.includes(D.person))).toBe(true);
    noSecrets(deconfliction, ['Ashdale', 'Corwin', 'Finch', 'grey van', 'Source protection']);
    // An outsider sees that alerts about held records exist and whom to ask, never their text.
    const theirs = (await ok(OUTSIDER, ALERTS)).alerts.filter((a: any) => ['restriction_review', 'deconfliction', 'access_request'].includes(a.rule));
    expect(theirs.length).toBeGreaterThan(0);
    noSecrets(theirs);
    for (const a of theirs) expect(a.entityIds).not.toContain(D.operation);
  });

  it('an outsider who reached a restricted record is named to its holder', async () => {
    await ok(OTHER_AGENCY, ENTITY, { id: D.operation });
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      const { alerts } = await ok(CSE, ALERTS);
      found = alerts.some((a: any) => a.rule === 'deconfliction' && a.summary.includes(`${OTHER_AGENCY} of CSE Team (Youth Service) reached a record your restriction ${D.operationRestriction} covers`));
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toBe(true);
  });
});

describe('access requests', () => {
  it('an outsider asks, the holder grants, and the requester then sees the records', async () => {
    const { requestAccess } = await ok(OUTSIDER, `mutation ($id: ID!) { requestAccess(restrictionId: $id, reason: "Same suspect in my case") { id status flag requester } }`, { id: D.operationRestriction });
    expect(requestAccess).toMatchObject({ status: 'pending', requester: OUTSIDER, flag: '1 item held by CSE Team (Police), since 2011-04-04, review due 2012-04-04' });
    // Asking again gives the same request.
    const again = (await ok(OUTSIDER, `mutation ($id: ID!) { requestAccess(restrictionId: $id, reason: "again") { id } }`, { id: D.operationRestriction })).requestAccess;
    expect(again.id).toBe(requestAccess.id);
    // Only the holding team answers.
    for (const u of [OUTSIDER, DRUGS, OTHER_AGENCY]) expect((await fails(u, `mutation ($id: ID!) { answerAccessRequest(id: $id, grant: true) { status } }`, { id: requestAccess.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(OUTSIDER, ENTITY, { id: D.operation })).entity.kind).toBe('HeldItem');
    const { answerAccessRequest } = await ok(CSE, `mutation ($id: ID!) { answerAccessRequest(id: $id, grant: true, reason: "Deconflicted by phone") { status answeredBy flag } }`, { id: requestAccess.id });
    expect(answerAccessRequest).toMatchObject({ status: 'granted', answeredBy: CSE });
    expect((await ok(OUTSIDER, ENTITY, { id: D.operation })).entity.label).toContain('Kestrel');
    expect((await ok(OUTSIDER, ENTITY, { id: D.operationReport })).entity.properties.summary).toContain('surveillance');
    // The grant is the requester's alone; the restriction shows among theirs, without the reason.
    expect((await ok(DRUGS, ENTITY, { id: D.operation })).entity.kind).toBe('HeldItem');
    const mine = (await ok(OUTSIDER, RESTRICTIONS)).restrictions;
    expect(mine).toEqual([expect.objectContaining({ id: D.operationRestriction, held: false, reason: null, targetId: D.operation })]);
    // A request already answered stays answered; the request, the answer and the reads are audited.
    expect((await fails(CSE, `mutation ($id: ID!) { answerAccessRequest(id: $id, grant: false, reason: "no") { status } }`, { id: requestAccess.id })).extensions?.code).toBe('BAD_USER_INPUT');
    const { auditLog } = await gqlOk(`{ auditLog(limit: 200) { username operation outcome } }`, {}, 'admin');
    expect(auditLog).toEqual(expect.arrayContaining([
      expect.objectContaining({ username: OUTSIDER, operation: 'Mutation.requestAccess', outcome: 'ok' }),
      expect.objectContaining({ username: CSE, operation: 'Mutation.answerAccessRequest', outcome: 'ok' }),
      expect.objectContaining({ username: DRUGS, operation: 'Mutation.answerAccessRequest', outcome: 'denied' }),
    ]));
  });

  it('a refusal needs a reason, which the requester sees; they still see only the flag', async () => {
    const { requestAccess } = await ok(CSE, `mutation ($id: ID!) { requestAccess(restrictionId: $id, reason: "Our Kestrel suspect") { id } }`, { id: D.associateRestriction });
    expect((await fails(DRUGS, `mutation ($id: ID!) { answerAccessRequest(id: $id, grant: false) { status } }`, { id: requestAccess.id })).message).toContain('Give a reason');
    await ok(DRUGS, `mutation ($id: ID!) { answerAccessRequest(id: $id, grant: false, reason: "Source at risk; call DS Okafor") { status } }`, { id: requestAccess.id });
    const { accessRequests } = await ok(CSE, REQUESTS, { status: 'refused' });
    const mine = accessRequests.find((r: any) => r.id === requestAccess.id);
    expect(mine).toMatchObject({ status: 'refused', answer: 'Source at risk; call DS Okafor' });
    noSecrets(mine, ['Ashdale', 'Corwin', 'Finch']);
    expect((await ok(CSE, ENTITY, { id: D.associate })).entity.kind).toBe('HeldItem');
    // The holder cannot ask for its own.
    expect((await fails(CSE, `mutation ($id: ID!) { requestAccess(restrictionId: $id, reason: "x") { id } }`, { id: D.operationRestriction })).message).toContain('Your team holds');
  });
});

describe('making, reviewing and lifting a restriction', () => {
  it('needs a team, a readable record of the right kind and a review after the start', async () => {
    const restrict = `mutation ($s: String!, $t: ID!, $due: String!) { restrict(input: {scope: $s, targetId: $t, reason: "Test", reviewDue: $due}) { id flag team overdue } }`;
    expect((await fails(OUTSIDER, restrict, { s: 'Entity', t: 'per-s029', due: '2030-01-01' })).message).toContain('not in a team');
    expect((await fails(CSE, restrict, { s: 'Report', t: 'per-s029', due: '2030-01-01' })).message).toContain('not a report');
    expect((await fails(CSE, restrict, { s: 'Entity', t: 'per-s029', due: '2001-01-01' })).message).toContain('review date must be after');
    // Admin holds no case data.
    expect((await gql(restrict, { s: 'Entity', t: 'per-s029', due: '2030-01-01' }, 'admin')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Licensing cannot restrict (nor so learn of) a child it cannot read: answered as for an unknown id.
    const child = await fails(LICENSING, restrict, { s: 'Entity', t: 'per-c01', due: '2030-01-01' });
    expect(child.message).toMatch(/^There is no record .* you can read\.$/);
    expect(child.message).not.toContain('per-c01');
  });

  it('restricts a person for the team, flags it for others, is reviewed and lifted', async () => {
    const { restrict } = await ok(CSE, `mutation { restrict(input: {scope: "Entity", targetId: "per-s029", reason: "Arrest planned", reviewDue: "2031-06-30"}) { id flag team held overdue } }`);
    expect(restrict).toMatchObject({ team: 'CSE Team', held: true, overdue: false });
    expect((await ok(CSE, ENTITY, { id: 'per-s029' })).entity.kind).toBe('Person');
    const flag = (await ok(DRUGS, ENTITY, { id: 'per-s029' })).entity;
    expect(flag.kind).toBe('HeldItem');
    expect(flag.label).toMatch(/^1 item held by CSE Team \(Police\), since \d{4}-\d{2}-\d{2}, review due 2031-06-30$/);
    expect(JSON.stringify(flag)).not.toContain(String(node('per-s029').props.surname));
    const reviewed = (await ok(CSE, `mutation ($id: ID!) { reviewRestriction(id: $id, reviewDue: "2032-01-31") { reviewDue } }`, { id: restrict.id })).reviewRestriction;
    expect(reviewed.reviewDue).toBe('2032-01-31');
    expect((await fails(DRUGS, `mutation ($id: ID!) { liftRestriction(id: $id, reason: "x") { id } }`, { id: restrict.id })).extensions?.code).toBe('FORBIDDEN');
    await ok(CSE, `mutation ($id: ID!) { liftRestriction(id: $id, reason: "Arrested; charged") { id } }`, { id: restrict.id });
    expect((await ok(DRUGS, ENTITY, { id: 'per-s029' })).entity.kind).toBe('Person');
  });
});
