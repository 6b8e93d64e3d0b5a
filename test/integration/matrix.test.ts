/**
 * The authorisation matrix: every operation × every role, on the demo data. Each cell is allowed
 * (an answer) or denied (FORBIDDEN), as POLICY says; a test in access.test.ts checks POLICY covers
 * the whole schema, and redaction.test.ts what "allowed" means for licensing.
 */
import { describe, expect, inject, it } from 'vitest';
import { POLICY } from '../../server/access/policy.js';
import { GraphQLClient, gql, type Role } from '../support/client.js';

/** One harmless call of each operation (mutations that change nothing when refused or invalid). */
const CALLS: Record<string, string> = {
  'Query.health': '{ health { database } }',
  'Query.me': '{ me { username } }',
  'Mutation.logout': 'mutation { logout }',
  'Query.stats': '{ stats { nodes } }',
  'Query.search': '{ search(text: "Dunmere") { score } }',
  'Query.entity': '{ entity(id: "opr-3") { id } }',
  'Query.neighbourhood': '{ neighbourhood(ids: ["opr-3"]) { truncated } }',
  'Query.operations': '{ operations { id } }',
  'Query.paths': '{ paths(from: "opr-3", to: "opr-6") { length } }',
  'Query.connectingNetwork': '{ connectingNetwork(ids: ["opr-3", "opr-6"]) { truncated } }',
  'Query.rank': '{ rank(measure: DEGREE, top: 3) { score } }',
  'Query.communities': '{ communities(top: 2) { modularity } }',
  'Query.atRiskPersons': '{ atRiskPersons(hops: 1, top: 3) { score } }',
  'Query.householdRisk': '{ householdRisk(top: 3) { score } }',
  'Query.operatorRisk': '{ operatorRisk(top: 3) { score } }',
  'Query.successorOperators': '{ successorOperators(operatorId: "opr-6") { signals } }',
  'Query.operatorProfile': '{ operatorProfile(operatorId: "opr-3") { concerns { children } } }',
  'Query.driverRecord': '{ driverRecord(personId: "per-s001") { renewalCheck { clear } } }',
  'Mutation.strategyPack': 'mutation { strategyPack(childId: "matrix-not-a-child", purpose: "matrix check") { bytes } }',
  'Query.alerts': '{ alerts(limit: 1) { id } }',
  'Mutation.acknowledgeAlert': 'mutation { acknowledgeAlert(id: "matrix-no-such-alert") { id } }',
  'Query.linkedChildren': '{ linkedChildren(personIds: ["per-s001"]) { child { id } routeKinds sources } }',
  'Query.operationCoverage': '{ operationCoverage(operationId: "op-central") { onChart } }',
  'Mutation.recordDisposition': 'mutation { recordDisposition(operationId: "op-central", personId: "per-s001", disposition: "nothing", on: "2011-01-01") { id } }',
  'Query.whoIs': '{ whoIs(nickname: "Kas") { score } }',
  'Query.duplicateCandidates': '{ duplicateCandidates(limit: 1) { score } }',
  'Query.children': '{ children { id } }',
  'Query.childConnections': '{ childConnections(childId: "per-c02", hops: 1, purpose: "matrix check") { child { id } } }',
  'Query.provenance': '{ provenance(entityId: "per-s001") { id } }',
  'Query.savedCharts': '{ savedCharts { id } }',
  'Query.savedChart': '{ savedChart(id: "chart-matrix-none") { id } }',
  'Mutation.saveChart': 'mutation { saveChart(name: "matrix", entityIds: [], state: {}) { id } }',
  'Mutation.deleteChart': 'mutation { deleteChart(id: "chart-matrix-none") }',
  'Mutation.recordExport': 'mutation { recordExport(format: CSV, entityIds: []) { count } }',
  'Query.workingChart': '{ workingChart { nodeCount } }',
  // A state that is not an object: refused as invalid, so nobody's working chart is replaced.
  'Mutation.saveWorkingChart': 'mutation { saveWorkingChart(entityIds: [], state: []) { nodeCount } }',
  'Mutation.releaseText': 'mutation { releaseText(id: "matrix-no-such-record", field: "summary", text: "matrix") { id } }',
  'Mutation.assignChildren': 'mutation { assignChildren(username: "matrix-no-such-user", childIds: []) { username } }',
  'Query.users': '{ users { username } }',
  'Mutation.setUser': 'mutation { setUser(username: "matrix-user", role: "analyst", password: "short") { username } }',
  'Query.auditLog': '{ auditLog(limit: 1) { seq } }',
  'Query.auditVerify': '{ auditVerify { ok } }',
  // Mutations with arguments that pass the role check but fail validation: nothing is written.
  'Mutation.submitReport':
    'mutation { submitReport(input: { receivedOn: "2010-01-01", sourceType: "public", sourceGrade: 9, intelGrade: "A", handling: "P", ownerAgency: "x", summary: "matrix", entities: [], links: [] }) { report { id } } }',
  'Mutation.merge': 'mutation { merge(ids: ["matrix-a"], reason: "matrix") { id } }',
  'Mutation.unmerge': 'mutation { unmerge(id: "matrix-never-merged") { id } }',
  'Mutation.login': 'mutation { login(username: "matrix-nobody", password: "x") { token } }',
  // Intake from files (issue 22): an upload that does not exist, a mapping that is not valid: nothing is written.
  'Query.importMappings': '{ importMappings { id } }',
  'Query.previewImport': '{ previewImport(uploadId: "matrix-no-such-upload", mapping: "builtin:call-records") { entityCount } }',
  'Query.importJob': '{ importJob(id: "matrix-no-such-job") { id } }',
  'Query.callPattern': '{ callPattern(a: "matrix-a", b: "matrix-b") { calls } }',
  'Mutation.uploadImportFile': 'mutation { uploadImportFile(file: "not a file") { id } }',
  'Mutation.saveImportMapping': 'mutation { saveImportMapping(name: "matrix", text: "entities: [") { id } }',
  'Mutation.startImport': 'mutation { startImport(uploadId: "matrix-no-such-upload", mapping: "builtin:call-records", source: { sourceType: "police", sourceGrade: 1, intelGrade: "A", handling: "P", ownerAgency: "Police", receivedOn: "2010-01-01" }) { id } }',
  // Issue 20. Reads of the demo data, and writes that are refused before they write: ids that do
  // not exist (every write looks its target up first and refuses an unknown one) or arguments the
  // resolver's own validation turns down.
  // Item 3, the notice register; item 5, reasoned changes (case_closed: a kind every allowed role may
  // make, so the refusal is the unknown subject, not the change's own role rule).
  'Query.noticeRegister': '{ noticeRegister { scope } }',
  'Query.reasonCodes': '{ reasonCodes { code } }',
  'Query.reviewers': '{ reviewers }',
  'Query.changeHistory': '{ changeHistory(subjectId: "per-s001") { monitored } }',
  'Mutation.recordChange': 'mutation { recordChange(input: { kind: "case_closed", subjectId: "matrix-no-such-record", reasonCode: "matrix", reviewer: "matrix-nobody" }) { id } }',
  // Items 1 and 2, meetings, actions and deliveries. A meeting record with no attendee is invalid.
  'Query.meetings': '{ meetings(limit: 1) { versions } }',
  'Query.meetingRecord': '{ meetingRecord(meetingId: "matrix-no-such-meeting") { meeting { id } } }',
  'Query.childActions': '{ childActions(childId: "per-c02") { id } }',
  'Query.myActions': '{ myActions { id } }',
  'Query.overdueActions': '{ overdueActions { asOf } }',
  'Query.itemsWithoutAction': '{ itemsWithoutAction(top: 3) { item { id } } }',
  'Mutation.recordMeeting': 'mutation { recordMeeting(meetingId: "matrix-no-such-meeting", attendees: [], itemIds: [], decisions: []) { id } }',
  'Mutation.updateAction': 'mutation { updateAction(id: "matrix-no-such-action", status: "done", outcome: "matrix") { id } }',
  'Mutation.releaseActionText': 'mutation { releaseActionText(id: "matrix-no-such-action", text: "matrix") { id } }',
  'Query.deliveries': '{ deliveries(box: "ALL", limit: 1) { id } }',
  // A kind of delivery that does not exist: refused as invalid before anything is sent.
  'Mutation.sendDelivery': 'mutation { sendDelivery(deliveryKind: "matrix-no-such-kind", toAgency: "Matrix", toRole: "analyst", title: "matrix") { id } }',
  'Mutation.acknowledgeDelivery': 'mutation { acknowledgeDelivery(id: "matrix-no-such-delivery", decision: "matrix check") { id } }',
  'Mutation.setManager': 'mutation { setManager(username: "matrix-no-such-user", manager: true) { username } }',
  // Items 4 and 6, restrictions and access requests. A review date before the start date is invalid.
  'Query.restrictions': '{ restrictions { id } }',
  'Query.overdueRestrictionReviews': '{ overdueRestrictionReviews { id } }',
  'Query.accessRequests': '{ accessRequests { id } }',
  'Query.teams': '{ teams { username } }',
  'Mutation.restrict': 'mutation { restrict(input: { scope: "Entity", targetId: "matrix-no-such-record", reason: "matrix", since: "2011-01-02", reviewDue: "2011-01-01" }) { id } }',
  'Mutation.reviewRestriction': 'mutation { reviewRestriction(id: "matrix-no-such-restriction", reviewDue: "2099-01-01") { id } }',
  'Mutation.liftRestriction': 'mutation { liftRestriction(id: "matrix-no-such-restriction", reason: "matrix") { id } }',
  'Mutation.requestAccess': 'mutation { requestAccess(restrictionId: "matrix-no-such-restriction", reason: "matrix") { id } }',
  'Mutation.answerAccessRequest': 'mutation { answerAccessRequest(id: "matrix-no-such-request", grant: true) { id } }',
  'Mutation.setUserTeam': 'mutation { setUserTeam(username: "matrix-no-such-user", team: "matrix") { username } }',
  // Items 7 and 8. An unknown child answers as invalid for every allowed role (a real one would be
  // refused to a safeguarding user whose list does not hold her, a FORBIDDEN the policy does not say).
  'Query.childIndicators': '{ childIndicators(childId: "matrix-not-a-child", purpose: "matrix check") { asOf } }',
  'Mutation.evidencePack': 'mutation { evidencePack(personId: "matrix-no-such-person", purpose: "matrix check") { bytes } }',
  // Item 10, licensing decisions and checks.
  'Query.licensingDecisions': '{ licensingDecisions(personId: "per-s001") { id } }',
  'Query.licenceChecks': '{ licenceChecks(licenceId: "lic-dr-009") { complete } }',
  'Mutation.recordLicenceCheck': 'mutation { recordLicenceCheck(licenceId: "matrix-no-such-licence", checkKind: "dbs", outcome: "passed", checkedOn: "2011-01-01") { id } }',
  'Mutation.recordLicensingDecision':
    'mutation { recordLicensingDecision(input: { licenceId: "matrix-no-such-licence", decision: "grant", decidedOn: "2011-01-01", decisionMaker: "matrix", reason: "matrix" }) { id } }',
};
const ROLES: Role[] = ['analyst', 'safeguarding', 'licensing', 'admin'];

describe('authorisation matrix', () => {
  it('has a sample call for every operation', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const [operation, query] of Object.entries(CALLS)) {
    it(`${operation}: allowed and denied as the policy says, for every role`, async () => {
      const rule = POLICY[operation]!;
      for (const role of ROLES) {
        // logout revokes the token it is sent with: a fresh sign-in, not the token the other rows share.
        const r = operation === 'Mutation.logout' ? await new GraphQLClient(inject('stack').url, inject('stack').users).gql(query, {}, role) : await gql(query, {}, role);
        const denied = r.errors?.[0]?.extensions?.code === 'FORBIDDEN';
        const allowed = rule === 'public' || rule === 'signed-in' || rule.includes(role);
        expect(denied, `${operation} as ${role}: ${JSON.stringify(r.errors)}`).toBe(!allowed);
      }
    });
  }
});
