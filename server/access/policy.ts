/**
 * Who may call what. Every Query and Mutation field must appear here: the guard refuses any field
 * without a rule (fail closed), and a test checks the table against the schema.
 *
 * Analysts see case data as stored. Licensing sees the same graph through redaction
 * (access/redaction.ts): children as descriptors, no victim's phone or protected address.
 * Safeguarding sees one child at a time (childConnections, with a stated purpose), other children
 * only as descriptors. Admin manages users and reads the audit log, and sees no case data.
 */
import type { Role } from '../modules/auth/users.js';

export type Rule = 'public' | 'signed-in' | readonly Role[];

const CASE_DATA: readonly Role[] = ['analyst'];
/** Exploring the graph: analysts, and licensing through redaction. */
const EXPLORE: readonly Role[] = ['analyst', 'licensing'];
const ADMIN: readonly Role[] = ['admin'];

export const POLICY: Record<string, Rule> = {
  'Query.health': 'public',
  'Mutation.login': 'public',
  'Query.me': 'signed-in',
  // Ends the session it is sent in (that token stops working; the user's other sessions go on).
  'Mutation.logout': 'signed-in',
  'Query.stats': ['analyst', 'admin'],
  'Query.search': EXPLORE,
  'Query.entity': EXPLORE,
  'Query.neighbourhood': EXPLORE,
  'Query.operations': EXPLORE,
  'Query.paths': EXPLORE,
  'Query.connectingNetwork': EXPLORE,
  'Query.rank': CASE_DATA,
  'Query.communities': CASE_DATA,
  'Query.atRiskPersons': CASE_DATA,
  'Query.householdRisk': CASE_DATA,
  'Query.linkedChildren': CASE_DATA,
  // Licensing's own questions; analysts see them too. Children only ever appear as counts.
  'Query.operatorRisk': EXPLORE,
  'Query.successorOperators': EXPLORE,
  'Query.driverRecord': EXPLORE,
  'Query.operatorProfile': EXPLORE,
  // Each role's own inbox (and its live feed, Subscription.alertRaised, under the same rule).
  'Query.alerts': ['analyst', 'licensing', 'safeguarding'],
  'Mutation.acknowledgeAlert': ['analyst', 'licensing', 'safeguarding'],
  'Query.operationCoverage': CASE_DATA,
  'Mutation.recordDisposition': CASE_DATA,
  'Query.whoIs': CASE_DATA,
  'Query.duplicateCandidates': CASE_DATA,
  'Mutation.submitReport': CASE_DATA,
  'Mutation.merge': CASE_DATA,
  'Mutation.unmerge': CASE_DATA,
  // The strategy-meeting view: one child, with a stated purpose; other children as descriptors.
  'Query.children': ['safeguarding', 'analyst'],
  'Query.childConnections': ['safeguarding', 'analyst'],
  'Mutation.strategyPack': ['safeguarding', 'analyst'],
  // The analyst workspace: reports behind links, saved charts, audited exports.
  'Query.provenance': CASE_DATA,
  'Query.savedCharts': CASE_DATA,
  'Query.savedChart': CASE_DATA,
  'Mutation.saveChart': CASE_DATA,
  'Mutation.deleteChart': CASE_DATA,
  'Mutation.recordExport': CASE_DATA,
  // Each analyst's own working chart, autosaved: only ever the caller's (no argument names whose).
  'Query.workingChart': CASE_DATA,
  'Mutation.saveWorkingChart': CASE_DATA,
  // A released version of free text for wider sharing: written by a user of the owning agency
  // (checked in the resolver); admin holds no case data.
  'Mutation.releaseText': ['analyst', 'safeguarding', 'licensing'],
  // Intake from files analysts receive (issue 22): each import is a graded report, as submitReport.
  'Query.importMappings': CASE_DATA,
  'Query.previewImport': CASE_DATA,
  'Query.importJob': CASE_DATA,
  'Query.callPattern': CASE_DATA,
  'Mutation.uploadImportFile': CASE_DATA,
  'Mutation.saveImportMapping': CASE_DATA,
  'Mutation.startImport': CASE_DATA,
  // Issue 20, items 3 and 5 (notice register and breaches; nothing removed silently): the register
  // for analysts, safeguarding and licensing (licensing: notices on licensed drivers, children as
  // descriptors); changes that take something down need a reason code and a reviewer, by role in
  // changes/resolvers.ts, and a subject the writer can read.
  'Query.noticeRegister': ['analyst', 'safeguarding', 'licensing'],
  'Query.reasonCodes': ['analyst', 'safeguarding', 'licensing'],
  'Query.reviewers': ['analyst', 'safeguarding', 'licensing'],
  'Query.changeHistory': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.recordChange': ['analyst', 'safeguarding', 'licensing'],
  // Need-to-know per child: which children a safeguarding user may open without a stated reason.
  'Mutation.assignChildren': ADMIN,
  // Issue 20 items 1 and 2 (meetings, actions, deliveries): the meeting's chairs (safeguarding,
  // analysts) record and report; licensing sees and updates the actions assigned to licensing and
  // acknowledges what is delivered to it (resolvers filter by agency; children as descriptors).
  'Query.meetings': ['safeguarding', 'analyst'],
  'Query.meetingRecord': ['safeguarding', 'analyst'],
  'Query.childActions': ['safeguarding', 'analyst'],
  'Query.myActions': ['analyst', 'safeguarding', 'licensing'],
  'Query.overdueActions': ['safeguarding', 'analyst'],
  'Query.itemsWithoutAction': ['safeguarding', 'analyst'],
  'Mutation.recordMeeting': ['safeguarding', 'analyst'],
  'Mutation.updateAction': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.releaseActionText': ['analyst', 'safeguarding', 'licensing'],
  'Query.deliveries': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.sendDelivery': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.acknowledgeDelivery': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.setManager': ADMIN,
  'Query.users': ADMIN,
  'Mutation.setUser': ADMIN,
  'Query.auditLog': ADMIN,
  'Query.auditVerify': ADMIN,
  // Issue 20 items 4 and 6 (restrictions, access requests, deconfliction; contested links are a
  // Link field): any case-data role may hold restrictions for its team, ask for access and answer
  // requests to its team (checked in restrictions/resolvers.ts); admin sets the teams.
  'Query.restrictions': ['analyst', 'safeguarding', 'licensing'],
  'Query.overdueRestrictionReviews': ['analyst', 'safeguarding', 'licensing'],
  'Query.accessRequests': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.restrict': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.reviewRestriction': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.liftRestriction': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.requestAccess': ['analyst', 'safeguarding', 'licensing'],
  'Mutation.answerAccessRequest': ['analyst', 'safeguarding', 'licensing'],
  'Query.teams': ADMIN,
  'Mutation.setUserTeam': ADMIN,
  // Issue 20 items 7 and 8: a child's indicators under the strategy-meeting view's rules (one child,
  // a stated purpose, other children as descriptors); an evidence pack on a named adult for analysts
  // and licensing (children as descriptors for every role, the child's own account left out).
  'Query.childIndicators': ['safeguarding', 'analyst'],
  'Mutation.evidencePack': ['analyst', 'licensing'],
  // Issue 20 item 10, licensing decisions on the record: licensing decides and records checks;
  // analysts read decisions and checks as they read licensing's other views.
  'Query.licensingDecisions': EXPLORE,
  'Query.licenceChecks': EXPLORE,
  'Mutation.recordLicenceCheck': ['licensing'],
  'Mutation.recordLicensingDecision': ['licensing'],
};

/**
 * Writes to the caller's own service records that change no case data and show none, made often by
 * the app itself (the working chart's autosave): not audited per call by the guard and leaving the
 * protection index alone. Their resolver audits what matters (see charts/workingChart.ts), and
 * `auditedArgs` keeps their arguments to sizes when a refusal is audited.
 */
export const QUIET_WRITES = new Set(['Mutation.saveWorkingChart']);

/** Operations written to the audit log even when they return no person (changes, sign-ins, audit reads). */
export const ALWAYS_AUDITED = (operation: string) => (operation.startsWith('Mutation.') && !QUIET_WRITES.has(operation)) || operation.startsWith('Query.audit');

/** The arguments an audit entry records for `operation`: a quiet write's as sizes, not a whole chart's state. */
export function auditedArgs(operation: string, args: Record<string, unknown>): Record<string, unknown> {
  if (!QUIET_WRITES.has(operation)) return args;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : null);
  return { entityCount: count(args.entityIds), linkCount: count(args.linkIds) };
}
