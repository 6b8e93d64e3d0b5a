/**
 * "When it happened and when we knew" (issue 20 item 9), on the demo data and a real Neo4j: the
 * as-of views asked both ways. A passenger's complaint against the HX Travel holder's son happened on
 * 2013-04-18, reached police on 2013-07-22 and licensing on 2014-01-15 (seeds/demo/licensingDecisions.ts).
 * Asked "what had happened by then" (HAPPENED, the default) it is there from its date; asked "what
 * we knew then" (KNOWN) only from when the asking agency had a report of it.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../seeds/demo.js';
import { KNOWN_DEMO } from '../../seeds/demo/licensingDecisions.js';
import { gql, gqlOk } from '../support/client.js';

const PROFILE = `query ($id: ID!, $asOf: String, $basis: AsOfBasis) { operatorProfile(operatorId: $id, asOf: $asOf, asOfBasis: $basis) { knownToLicensingOn concerns { incident { id } knownToLicensingOn } } }`;
const RISK = `query ($asOf: String, $basis: AsOfBasis) { operatorRisk(asOf: $asOf, asOfBasis: $basis, top: 50) { entity { id } score } }`;
const HOOD = `query ($ids: [ID!]!, $asOf: String, $basis: AsOfBasis) { neighbourhood(ids: $ids, hops: 1, asOf: $asOf, asOfBasis: $basis) { nodes { id } links { id } } }`;
const CHILD = `query ($childId: ID!, $asOf: String, $basis: AsOfBasis) { childConnections(childId: $childId, asOf: $asOf, asOfBasis: $basis, purpose: "Integration test: what was known then", hops: 2) {
  network { nodes { id } links { id } } chronology { id } linkedPersons { entity { id } } } }`;

const concernIds = (p: any) => p.concerns.map((c: any) => c.incident.id);
const k = KNOWN_DEMO;

describe('as of a date, what had happened and what we knew', () => {
  it('the operator page: the complaint happened before police or licensing knew of it', async () => {
    const asked = async (asOf: string, basis?: string) => (await gqlOk(PROFILE, { id: k.operator, asOf, basis }, 'licensing')).operatorProfile;
    // Between the complaint and police hearing of it: it had happened; licensing knew nothing.
    expect(concernIds(await asked('2013-06-01'))).toContain(k.sonComplaint);
    expect(concernIds(await asked('2013-06-01', 'HAPPENED'))).toContain(k.sonComplaint);
    expect(concernIds(await asked('2013-06-01', 'KNOWN'))).not.toContain(k.sonComplaint);
    // Police knew from 2013-07-22, licensing only from 2014-01-15, when it was shared with it.
    expect(concernIds(await asked('2013-09-01', 'KNOWN'))).not.toContain(k.sonComplaint);
    expect(concernIds(await asked(k.sharedWithLicensingOn, 'KNOWN'))).toContain(k.sonComplaint);
    // "When was this known within the licensing authority": the date it was shared with licensing.
    const now = await asked('2026-01-01');
    expect(now.concerns.find((c: any) => c.incident.id === k.sonComplaint).knownToLicensingOn).toBe(k.sharedWithLicensingOn);
    const firsts = now.concerns.map((c: any) => c.knownToLicensingOn).filter(Boolean).sort();
    expect(now.knownToLicensingOn).toBe(firsts[0] ?? null);
  });

  it('the analyst’s neighbourhood: police knew of the complaint from the day its report was received', async () => {
    const ids = async (asOf: string, basis?: string) => (await gqlOk(HOOD, { ids: [k.operator], asOf, basis }, 'analyst')).neighbourhood.nodes.map((n: any) => n.id);
    expect(await ids('2013-06-01')).toContain(k.sonComplaint);
    expect(await ids('2013-06-01', 'KNOWN')).not.toContain(k.sonComplaint);
    expect(await ids(k.policeReceivedOn, 'KNOWN')).toContain(k.sonComplaint);
    // KNOWN asks within HAPPENED: never more than had happened.
    const happened = new Set(await ids('2014-06-01'));
    for (const id of await ids('2014-06-01', 'KNOWN')) expect(happened.has(id), id).toBe(true);
  });

  it('the operator ranking: what licensing knew is never more than what had happened, and less for HX Travel', async () => {
    const scores = async (basis: string) => new Map<string, number>((await gqlOk(RISK, { asOf: '2013-12-31', basis }, 'licensing')).operatorRisk.map((r: any) => [r.entity.id, r.score]));
    const happened = await scores('HAPPENED');
    const known = await scores('KNOWN');
    for (const [id, s] of known) expect(s, id).toBeLessThanOrEqual(happened.get(id) ?? 0);
    expect(known.get(k.operator) ?? 0).toBeLessThan(happened.get(k.operator) ?? 0);
  });

  it('the strategy meeting view: what the meeting’s agency knew then is part of what had happened', async () => {
    const child = generateDemo().nodes.find((n) => n.props.child === true)!;
    const view = async (basis: string) => (await gqlOk(CHILD, { childId: child.id, asOf: '2012-06-01', basis }, 'analyst')).childConnections;
    const happened = await view('HAPPENED');
    const known = await view('KNOWN');
    const had = new Set(happened.chronology.map((e: any) => e.id));
    for (const e of known.chronology) expect(had.has(e.id), e.id).toBe(true);
    const nodes = new Set(happened.network.nodes.map((n: any) => n.id));
    for (const n of known.network.nodes) expect(nodes.has(n.id), n.id).toBe(true);
    expect(known.chronology.length).toBeLessThanOrEqual(happened.chronology.length);
  });

  it('asOfBasis takes HAPPENED or KNOWN only; without a date, KNOWN asks about today', async () => {
    const bad = await gql(RISK, { asOf: '2013-12-31', basis: 'WHEN' }, 'licensing');
    expect(bad.errors?.[0].message).toMatch(/AsOfBasis/);
    const { operatorProfile } = await gqlOk(PROFILE, { id: k.operator, basis: 'KNOWN' }, 'licensing');
    expect(concernIds(operatorProfile)).toContain(k.sonComplaint);
  });
});
