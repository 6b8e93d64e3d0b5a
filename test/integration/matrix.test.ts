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
