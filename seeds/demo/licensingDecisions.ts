/**
 * Licensing decisions on the record, and when things were known (issue 20 items 10 and 9).
 *
 * - The licence events the earlier parts kept as incidents (kind licence_event: Dunmere's revocation,
 *   DMR Travel's grant, the drivers' licences ended after the arrests) migrated to decisions
 *   (`migratedFrom` the incident, which stays, readable): each with the officer's recommendation,
 *   the decision-maker and, for the two operator decisions, the representations received. DMR
 *   Travel's grant overrode a recommendation to refuse, and was made before its DBS check was
 *   recorded: the decision is flagged.
 * - What the Casey inspection found unflagged: Denise Lumbridge's son Dean drives for her HX Travel
 *   (opr-4) holding no driver licence; a passenger's complaint against him was closed on her word;
 *   and a complaint against another driver was closed on police "no further action" alone.
 * - Reports received (and shared with licensing) long after what they tell happened, so "what had
 *   happened by then" and "what we knew then" answer differently.
 *
 * Needs: operators (opr-4 and its holder, lic-op-6), drivers (per-d05), the licence-event incidents.
 * Draws no random numbers: every choice is fixed, so nothing the earlier parts made changes.
 */
import { must, type Graph } from './builder.js';
import type { Kit } from './reports.js';

/** Dates the integration tests ask about (test/integration/asOfKnown.test.ts, licensingDecisions.test.ts). */
export const KNOWN_DEMO = {
  son: 'per-e01',
  sonComplaint: 'inc-e01',
  nfaComplaint: 'inc-e02',
  nfaDriver: 'per-d05',
  operator: 'opr-4',
  /** The complaint against the son happened, was closed by the operator, and only later reached police. */
  complaintOn: '2013-04-18',
  complaintClosedOn: '2013-05-02',
  policeReceivedOn: '2013-07-22',
  sharedWithLicensingOn: '2014-01-15',
  /** Licensing's compliance visit that found the son driving with no licence. */
  visitOn: '2014-02-10',
  phoenixGrant: 'dec-demo-inc-0142',
} as const;

const SUB_COMMITTEE = 'Licensing sub-committee (chair: Cllr R. Tennant)';
const OFFICER = 'P. Haldane, senior licensing officer';
const HEAD = 'M. Okafor, head of licensing (delegated)';

type Rep = { madeBy: string; party: string; receivedOn: string; summary: string };
type Plan = {
  decision: string;
  decisionMaker: string;
  recommendation: string;
  overrideReason?: string;
  checksIncomplete?: string[];
  checksOverrideReason?: string;
  representations?: Rep[];
};

/** What the records say of each licence event, by its outcome and licence kind. */
function planFor(outcome: string, licenceKind: string, licenceId: string): Plan {
  if (licenceId === 'lic-op-6')
    return {
      decision: 'grant',
      decisionMaker: SUB_COMMITTEE,
      recommendation: 'refuse',
      overrideReason: 'No conviction or finding against the applicant himself; the sub-committee did not treat his family’s running of the revoked Dunmere Private Hire as a ground to refuse.',
      checksIncomplete: ['DBS check: not recorded'],
      checksOverrideReason: 'Basic DBS certificate applied for; granted ahead of it at the applicant’s request, to be produced within 28 days.',
      representations: [
        { madeBy: 'DMR Travel Ltd (the applicant)', party: 'operator', receivedOn: '2010-05-12', summary: 'The new company has no connection with the management of Dunmere Private Hire.' },
        { madeBy: 'Police licensing liaison officer', party: 'police', receivedOn: '2010-05-14', summary: 'Objects: the office and the booking line are those of the revoked Dunmere Private Hire.' },
      ],
    };
  if (licenceKind === 'operator')
    return {
      decision: 'revoke',
      decisionMaker: SUB_COMMITTEE,
      recommendation: 'revoke',
      representations: [
        { madeBy: 'Ashworth & Co, solicitors for the operator', party: 'solicitor', receivedOn: '2010-03-01', summary: 'Asks for a suspension instead of revocation: a new records system has been ordered.' },
        { madeBy: 'Police licensing liaison officer', party: 'police', receivedOn: '2010-03-04', summary: 'Supports revocation: unlicensed drivers seen dispatched on three occasions.' },
      ],
    };
  const decision = outcome.toLowerCase().startsWith('susp') ? 'suspend' : outcome.toLowerCase().startsWith('grant') ? 'grant' : 'revoke';
  return { decision, decisionMaker: HEAD, recommendation: decision };
}

/** The licence events migrated to decisions, each beside the incident it came from. */
function migrateLicenceEvents(g: Graph): void {
  const events = [...g.nodes.values()].filter((n) => n.labels.includes('Incident') && n.props.kind === 'licence_event').sort((a, b) => a.id.localeCompare(b.id));
  for (const e of events) {
    const licenceLink = g.links.find((l) => l.type === 'INVOLVED_IN' && l.end === e.id && g.nodes.get(l.start)?.labels.includes('Licence'));
    if (!licenceLink) continue;
    const licence = g.get(licenceLink.start);
    const plan = planFor(String(e.props.outcome ?? ''), String(licence.props.kind ?? 'driver'), licence.id);
    const decidedOn = String(e.props.date);
    const id = `dec-demo-${e.id}`;
    g.node(id, ['LicensingDecision'], {
      decision: plan.decision,
      decidedOn,
      decisionMaker: plan.decisionMaker,
      recordedBy: 'demo (migrated from a licence event)',
      reason: String(e.props.summary ?? ''),
      recommendation: plan.recommendation,
      recommendedBy: OFFICER,
      overrideReason: plan.overrideReason,
      checksIncomplete: plan.checksIncomplete,
      checksOverrideReason: plan.checksOverrideReason,
      migratedFrom: e.id,
      from: decidedOn,
    });
    g.link('DECISION_ON', id, licence.id, { from: decidedOn });
    (plan.representations ?? []).forEach((r, i) => {
      const rid = `rpn-demo-${e.id}-${i + 1}`;
      g.node(rid, ['Representation'], { ...r, from: r.receivedOn });
      g.link('REPRESENTATION_ON', rid, id, { from: r.receivedOn });
    });
  }
  // The phoenix's application: its right to work checked, its DBS check never recorded.
  g.node('chk-demo-lic-op-6-rtw', ['LicenceCheck'], { checkKind: 'right_to_work', outcome: 'passed', checkedOn: '2010-05-10', recordedBy: 'demo', from: '2010-05-10' });
  g.link('CHECK_FOR', 'chk-demo-lic-op-6-rtw', 'lic-op-6', { from: '2010-05-10' });
}

/** A report as received, with fixed grading: no draw from the shared generator. */
function report(g: Graph, id: string, props: Record<string, string | string[] | number>, mentions: string[]): string {
  g.node(id, ['Report'], { handling: 'P', sourceGrade: 2, intelGrade: 'B', ...props });
  for (const m of mentions) g.once('MENTIONS', id, m);
  return id;
}

/** The operator's son, driving unlicensed, and the complaint closed on his mother's word. */
function operatorsSon(g: Graph): void {
  const k = KNOWN_DEMO;
  const holderLink = must(
    g.links.find((l) => l.type === 'RUNS' && l.end === k.operator && l.props.role === 'holder'),
    'holder of opr-4',
  );
  const mother = g.get(holderLink.start);
  const surname = String(mother.props.surname);
  // What police were told of the complaint, three months after it, and shared with licensing later still.
  const policeReport = report(
    g,
    'rep-e001',
    {
      ref: 'POL/2013/E001',
      receivedOn: k.policeReceivedOn,
      sourceType: 'public',
      ownerAgency: 'Police',
      sharedWith: ['Licensing'],
      sharedOn: k.sharedWithLicensingOn,
      summary: `A passenger reported that an HX Travel driver, Dean ${surname}, locked the doors and would not let her out; HX Travel had closed her complaint on the holder’s word.`,
    },
    [k.son, k.sonComplaint, k.operator, mother.id],
  );
  // Licensing's compliance visit: the son dispatched as a driver, with no licence.
  const visit = report(
    g,
    'rep-e002',
    {
      ref: 'LIC/2014/E002',
      receivedOn: k.visitOn,
      sourceType: 'licensing',
      ownerAgency: 'Licensing',
      summary: `Compliance visit to HX Travel: Dean ${surname}, son of the holder, on the driver rota since 2012 with no private-hire driver licence.`,
    },
    [k.son, k.operator, mother.id],
  );
  g.node(k.son, ['Person'], { name: 'Dean', surname, dob: '1988-02-11', sex: 'M', sources: [visit] });
  g.link('FAMILY_REL', mother.id, k.son, { rel_type: 'PARENT', sources: [visit] });
  g.link('DRIVES_FOR', k.son, k.operator, { from: '2012-09-03', sources: [visit] });
  g.node(k.sonComplaint, ['Incident'], {
    kind: 'complaint',
    date: k.complaintOn,
    summary: 'A passenger (an adult) complained that the driver locked the doors and would not let her out until she gave him her number.',
    outcome: 'Closed by the operator: the holder vouched for the driver',
    status: 'closed',
    history: [`${k.complaintOn}:open`, `${k.complaintClosedOn}:closed`],
    closingBasis: ['statement'],
    sources: [policeReport],
  });
  g.link('PARTY_TO', k.son, k.sonComplaint, { sources: [policeReport] });
  g.link('INVOLVED_IN', k.operator, k.sonComplaint, { sources: [policeReport] });
  g.link('CLOSING_STATEMENT', mother.id, k.sonComplaint, { from: k.complaintClosedOn, sources: [policeReport] });
}

/** A complaint closed on police "no further action" alone: licensing weighed nothing itself. */
function closedOnNfa(g: Graph): void {
  const k = KNOWN_DEMO;
  const rep = report(
    g,
    'rep-e003',
    {
      ref: 'LIC/2011/E003',
      receivedOn: '2011-09-05',
      sourceType: 'licensing',
      ownerAgency: 'Licensing',
      summary: 'Complaint from a passenger (an adult) about the driver’s threatening manner; referred to police, who took no further action.',
    },
    [k.nfaDriver],
  );
  g.node(k.nfaComplaint, ['Incident'], {
    kind: 'complaint',
    date: '2011-09-05',
    summary: 'A passenger (an adult) complained of the driver’s threatening manner when she disputed the fare.',
    outcome: 'Closed: police took no further action',
    status: 'closed',
    history: ['2011-09-05:open', '2011-09-05:with_police', '2011-10-17:closed'],
    closingBasis: ['police_nfa'],
    sources: [rep],
  });
  g.link('PARTY_TO', k.nfaDriver, k.nfaComplaint, { sources: [rep] });
}

export function licensingDecisionsOnRecord({ g }: Kit): void {
  migrateLicenceEvents(g);
  operatorsSon(g);
  closedOnNfa(g);
}
