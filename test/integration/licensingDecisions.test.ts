/**
 * Licensing decisions on the record (issue 20 item 10), on the demo data and a real Neo4j: licence
 * events migrated to decisions with their recommendation, representations, decision-maker and an
 * overridden recommendation; a grant or renewal before the checks pass refused, or recorded flagged
 * with the decision-maker's reason; decisions immutable and audited; the Casey flags (driving for an
 * operator with no valid licence, a complaint closed on an interested party's word or on police NFA
 * alone) on the operator page and the driver record; and licensing sees no child anywhere in them.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../seeds/demo.js';
import { KNOWN_DEMO } from '../../seeds/demo/licensingDecisions.js';
import { gql, gqlOk } from '../support/client.js';

const DECISION = `id decision decidedOn decisionMaker recordedBy reason conditions recommendation recommendedBy overridden overrideReason
  representations { id madeBy party receivedOn summary } checksIncomplete checksOverrideReason flags history legacy licence { id ... on Licence { status } }`;
const DECISIONS = `query ($licenceId: ID, $personId: ID, $operatorId: ID) { licensingDecisions(licenceId: $licenceId, personId: $personId, operatorId: $operatorId) { ${DECISION} } }`;
const RECORD = `mutation ($input: LicensingDecisionInput!) { recordLicensingDecision(input: $input) { ${DECISION} } }`;
const CHECK = `mutation ($licenceId: ID!, $checkKind: String!, $outcome: String!, $checkedOn: String!) { recordLicenceCheck(licenceId: $licenceId, checkKind: $checkKind, outcome: $outcome, checkedOn: $checkedOn) { id checkKind outcome checkedOn recordedBy } }`;
const DRIVER = `query ($id: ID!) { driverRecord(personId: $id) { person { id } flags cases { incident { id ... on Incident { incidentKind } } status flags }
  decisions { id decision decidedOn legacy history licence { id } } } }`;
const OPERATOR = `query ($id: ID!) { operatorProfile(operatorId: $id) { flags knownToLicensingOn drivers { person { id } licenceStatus flags } concerns { incident { id } knownToLicensingOn } } }`;

const demo = generateDemo();
const children = demo.nodes.filter((n) => n.props.child === true);
const noChildIn = (answer: unknown) => {
  const text = JSON.stringify(answer);
  for (const c of children) for (const v of [c.id, c.props.pseudonym, `${c.props.name} ${c.props.surname}`]) if (v) expect(text).not.toContain(String(v));
};

describe('licence events are decisions on the record', () => {
  it('the phoenix grant: a recommendation to refuse overridden with its reason, representations, made before its DBS check', async () => {
    const { licensingDecisions: ds } = await gqlOk(DECISIONS, { licenceId: 'lic-op-6' }, 'licensing');
    const grant = ds.find((d: any) => d.id === KNOWN_DEMO.phoenixGrant);
    expect(grant).toMatchObject({ decision: 'grant', recommendation: 'refuse', overridden: true, legacy: false, decidedOn: '2010-05-20' });
    expect(grant.overrideReason).toMatch(/family/);
    expect(grant.decisionMaker).toMatch(/sub-committee/);
    expect(grant.representations.map((r: any) => r.party)).toEqual(['operator', 'police']);
    expect(grant.checksIncomplete).toEqual(['DBS check: not recorded']);
    expect(grant.flags.join('\n')).toMatch(/recommendation to refuse overridden/);
    expect(grant.flags.join('\n')).toMatch(/granted before the checks were complete/);
    // Its history in date order: representations, then the recommendation and the decision.
    expect(grant.history.map((h: string) => h.slice(0, 10))).toEqual([...grant.history.map((h: string) => h.slice(0, 10))].sort());
    expect(grant.history.at(-1)).toMatch(/granted by .* against the recommendation/);
  });

  it('a driver record lists licence events as decisions with their history, never as cases', async () => {
    // per-s003's driver licence was revoked after the arrests (a licence event in the earlier demo).
    const { driverRecord: r } = await gqlOk(DRIVER, { id: 'per-s003' }, 'licensing');
    expect(r.cases.some((c: any) => c.incident.incidentKind === 'licence_event')).toBe(false);
    const revoked = r.decisions.find((d: any) => d.decision === 'revoke');
    expect(revoked).toBeTruthy();
    expect(revoked.legacy).toBe(false);
    expect(revoked.history.join('\n')).toMatch(/revoked by/);
    // The incident it was migrated from stays readable.
    const { entity } = await gqlOk('{ entity(id: "inc-0143") { id ... on Incident { incidentKind } } }', {}, 'licensing');
    expect(entity.incidentKind).toBe('licence_event');
  });
});

describe('Casey’s unflagged cases, flagged', () => {
  it('the operator’s son drives for it with no licence: flagged on the operator page and his record', async () => {
    const { operatorProfile: p } = await gqlOk(OPERATOR, { id: KNOWN_DEMO.operator }, 'licensing');
    const son = p.drivers.find((d: any) => d.person.id === KNOWN_DEMO.son);
    expect(son.licenceStatus).toBeNull();
    expect(son.flags[0]).toMatch(/no valid driver licence/);
    expect(p.flags.join('\n')).toMatch(/Dean .* no valid driver licence/);
    // Licensed drivers are not flagged.
    for (const d of p.drivers.filter((x: any) => x.licenceStatus === 'active')) expect(d.flags).toEqual([]);
    const { driverRecord: r } = await gqlOk(DRIVER, { id: KNOWN_DEMO.son }, 'licensing');
    expect(r.flags.join('\n')).toMatch(/drives for .* with no valid driver licence/);
  });

  it('a complaint closed on the word of his mother, who holds the operator’s licence, is flagged on the complaint and the record', async () => {
    const { driverRecord: r } = await gqlOk(DRIVER, { id: KNOWN_DEMO.son }, 'licensing');
    const c = r.cases.find((x: any) => x.incident.id === KNOWN_DEMO.sonComplaint);
    expect(c.status).toBe('closed');
    const flag = c.flags.join('\n');
    expect(flag).toMatch(/closed on the word of an interested party/);
    expect(flag).toMatch(/holder of Harrowby Executive Travel Ltd/);
    expect(flag).toMatch(/parent of the driver/);
    expect(r.flags.join('\n')).toContain(`case ${KNOWN_DEMO.sonComplaint}`);
  });

  it('a complaint closed on police "no further action" alone is flagged; other closed cases are not', async () => {
    const { driverRecord: r } = await gqlOk(DRIVER, { id: KNOWN_DEMO.nfaDriver }, 'licensing');
    const c = r.cases.find((x: any) => x.incident.id === KNOWN_DEMO.nfaComplaint);
    expect(c.flags.join('\n')).toMatch(/no further action" alone/);
    for (const other of r.cases.filter((x: any) => x.incident.id !== KNOWN_DEMO.nfaComplaint && x.status !== 'closed')) expect(other.flags).toEqual([]);
  });
});

describe('recording a decision', () => {
  const base = { decidedOn: '2026-01-10', decisionMaker: 'M. Okafor, head of licensing', reason: 'Integration test: renewal on application.' };

  it('a renewal before the checks have passed is refused, saying which; with the decision-maker’s reason it is recorded, flagged', async () => {
    const refused = await gql(RECORD, { input: { ...base, licenceId: 'lic-dr-009', decision: 'renew' } }, 'licensing');
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/checks .* not complete .*DBS check: not recorded.*medical/);
    const { recordLicensingDecision: d } = await gqlOk(
      RECORD,
      { input: { ...base, licenceId: 'lic-dr-009', decision: 'renew', checksOverrideReason: 'Medical booked; renewed for three months to keep the rota lawful.' } },
      'licensing',
    );
    expect(d.checksIncomplete.length).toBe(4);
    expect(d.flags.join('\n')).toMatch(/renewed before the checks were complete/);
    expect(d.recordedBy).toBeTruthy();
  });

  it('with every check passed, a renewal needs no override; a decision against the recommendation needs a reason', async () => {
    for (const kind of ['dbs', 'medical', 'right_to_work', 'knowledge_test']) await gqlOk(CHECK, { licenceId: 'lic-dr-010', checkKind: kind, outcome: 'passed', checkedOn: '2026-01-05' }, 'licensing');
    const { licenceChecks } = await gqlOk('{ licenceChecks(licenceId: "lic-dr-010") { complete missing required checks { checkKind } } }', {}, 'licensing');
    expect(licenceChecks.complete).toBe(true);
    const against = await gql(RECORD, { input: { ...base, licenceId: 'lic-dr-010', decision: 'renew', recommendation: 'refuse', recommendedBy: 'P. Haldane' } }, 'licensing');
    expect(against.errors?.[0].message).toMatch(/recommended refuse.*overrideReason/);
    const { recordLicensingDecision: d } = await gqlOk(
      RECORD,
      {
        input: {
          ...base,
          licenceId: 'lic-dr-010',
          decision: 'renew',
          recommendation: 'refuse',
          recommendedBy: 'P. Haldane',
          overrideReason: 'The complaint behind the recommendation was withdrawn by the complainant in writing.',
          representations: [{ madeBy: 'The driver', party: 'driver', receivedOn: '2026-01-08', summary: 'Asks for renewal; the complaint was withdrawn.' }],
        },
      },
      'licensing',
    );
    expect(d).toMatchObject({ decision: 'renew', overridden: true, checksIncomplete: [] });
    expect(d.representations).toHaveLength(1);
    expect(d.flags).toHaveLength(1);
  });

  it('is immutable: nothing edits or removes a decision, a later one leaves it as it was; each is audited', async () => {
    const before = (await gqlOk(DECISIONS, { licenceId: 'lic-dr-009' }, 'licensing')).licensingDecisions;
    await gqlOk(RECORD, { input: { ...base, decidedOn: '2026-02-01', licenceId: 'lic-dr-009', decision: 'conditions', conditions: 'No school contracts.', reason: 'Integration test: conditions.' } }, 'licensing');
    const after = (await gqlOk(DECISIONS, { licenceId: 'lic-dr-009' }, 'licensing')).licensingDecisions;
    expect(after.length).toBe(before.length + 1);
    for (const d of before) expect(after.find((x: any) => x.id === d.id)).toEqual(d);
    // No operation takes a decision to change or delete.
    const { __schema } = await gqlOk('{ __schema { mutationType { fields { name } } } }', {}, 'licensing');
    const touching = __schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => /decision/i.test(n));
    expect(touching).toEqual(['recordLicensingDecision']);
    // Written to the audit log, with the licence it was about.
    const { auditLog } = await gqlOk('{ auditLog(entityId: "lic-dr-009", limit: 20) { operation outcome entityIds } }', {}, 'admin');
    expect(auditLog.filter((e: any) => e.operation === 'Mutation.recordLicensingDecision' && e.outcome === 'ok').length).toBeGreaterThanOrEqual(2);
    const refusedEntries = (await gqlOk('{ auditLog(limit: 200) { operation outcome } }', {}, 'admin')).auditLog.filter((e: any) => e.operation === 'Mutation.recordLicensingDecision' && e.outcome === 'refused');
    expect(refusedEntries.length).toBeGreaterThan(0);
  });

  it('only licensing records decisions and checks; safeguarding reads none; refused input says why', async () => {
    const input = { ...base, licenceId: 'lic-dr-009', decision: 'renew', checksOverrideReason: 'x' };
    expect((await gql(RECORD, { input }, 'analyst')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(CHECK, { licenceId: 'lic-dr-009', checkKind: 'dbs', outcome: 'passed', checkedOn: '2026-01-01' }, 'analyst')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(DECISIONS, { licenceId: 'lic-op-6' }, 'safeguarding')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(RECORD, { input: { ...input, decision: 'approve' } }, 'licensing');
    expect(bad.errors?.[0].message).toMatch(/decision must be one of grant, renew, refuse, suspend, revoke, conditions/);
    const early = await gql(RECORD, { input: { ...input, representations: [{ madeBy: 'X', party: 'public', receivedOn: '2027-01-01', summary: 'late' }] } }, 'licensing');
    expect(early.errors?.[0].message).toMatch(/cannot be before a decision/);
    const none = await gql(RECORD, { input: { ...input, licenceId: 'lic-none' } }, 'licensing');
    expect(none.errors?.[0].message).toMatch(/No licence with id lic-none/);
  });

  it('licensing sees no child anywhere in decisions, representations or the flagged records', async () => {
    const licences = demo.nodes.filter((n) => n.labels.includes('Licence'));
    for (const l of licences) noChildIn(await gqlOk(DECISIONS, { licenceId: l.id }, 'licensing'));
    for (const id of [KNOWN_DEMO.son, KNOWN_DEMO.nfaDriver, 'per-s001', 'per-s003']) noChildIn(await gqlOk(DRIVER, { id }, 'licensing'));
    noChildIn(await gqlOk(OPERATOR, { id: KNOWN_DEMO.operator }, 'licensing'));
    noChildIn(await gqlOk(DECISIONS, { operatorId: 'opr-3' }, 'licensing'));
  });
});
