/**
 * Restrictions, deconfliction and a contested link (issue 20 items 4 and 6).
 *
 * The story: the CSE Team (Police) ran Operation Kestrel, a covert operation into a man on the
 * Operation Central chart (S(27)), and restricted the whole operation in April 2011 "while the
 * operation is ongoing", with a review due in 2012 that nobody ever held: the review is overdue by
 * years. Meanwhile the Drugs Team (Police) recruited a source close to the same man and restricted
 * both the source's report and the associate it names. Neither team knew of the other: the two
 * restrictions touch the same person, so each team gets a deconfliction notice naming the other.
 * A Drugs Team officer has asked the CSE Team for access to Kestrel; the request is still pending.
 * Separately, two agencies graded the same acquaintance between two men differently: Police B
 * ("known personally to the source"), Children's Social Care E ("suspected to be false"). Both
 * stand on the link, which the chart shows as contested.
 *
 * Deterministic and draws nothing from the shared generator (fixed ids, dates and choices), so
 * nothing the other parts write changes. The restriction records themselves are service records
 * beside the graph, written after the load by server/modules/restrictions/demo.ts.
 *
 * Needs: the cast (suspects).
 */
import { addSources } from './builder.js';
import type { Cast } from './cast.js';
import type { Kit } from './reports.js';

/** The demo's fixed ids, for the walkthrough and the tests. */
export const RESTRICTION_DEMO = {
  /** The man both teams work on. */
  person: 'per-s027',
  operation: 'op-2',
  operationIncident: 'inc-r01',
  operationReport: 'rep-r01',
  sourceReport: 'rep-r02',
  associate: 'per-x01',
  /** CSE Team: Operation Kestrel, review overdue since 2012. */
  operationRestriction: 'rst-demo-1',
  /** Drugs Team: the source's report and the associate it names. */
  sourceRestriction: 'rst-demo-2',
  associateRestriction: 'rst-demo-3',
  pendingRequest: 'acr-demo-1',
  /** The contested acquaintance: per-s027 KNOWS per-s028. */
  contestedFrom: 'per-s027',
  contestedTo: 'per-s028',
  policeGrade: 'rep-r03',
  cscGrade: 'rep-r04',
  teams: { cse: 'CSE Team', drugs: 'Drugs Team' },
} as const;

const D = RESTRICTION_DEMO;

export function restrictAndContest({ g }: Kit, { S }: Cast): void {
  const man = S(27);
  const other = S(28);
  // Reports written here, not through kit.report (which draws from the shared generator).
  const report = (id: string, props: Record<string, string | number | string[]>, mentions: string[]) => {
    g.node(id, ['Report'], props);
    for (const m of mentions) g.once('MENTIONS', id, m);
  };

  // Operation Kestrel (CSE Team): one incident, one report; restricted as a whole operation.
  g.node(D.operation, ['Operation'], { name: 'Operation Kestrel', startedOn: '2011-04-04' });
  report(
    D.operationReport,
    { ref: 'INT/2011/K001', receivedOn: '2011-05-12', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: `Operation Kestrel: surveillance log, ${man.given} ${man.surname} seen collecting two girls from a residential unit after dark.` },
    [D.operation, D.operationIncident, man.id],
  );
  const inc = g.node(D.operationIncident, ['Incident'], { kind: 'sighting', date: '2011-05-12', type: 'surveillance', status: 'open', history: ['2011-05-12:open'], summary: 'Surveillance: two girls collected from a residential unit after dark.' });
  addSources(inc, [D.operationReport]);
  addSources(g.link('PART_OF', D.operationIncident, D.operation), [D.operationReport]);
  addSources(g.link('PARTY_TO', man.id, D.operationIncident), [D.operationReport]);

  // The Drugs Team's source report and the associate it names (both restricted by the Drugs Team).
  report(
    D.sourceReport,
    { ref: 'INT/2011/S014', receivedOn: '2011-09-02', sourceType: 'police', sourceGrade: 2, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: `Source reporting: ${man.given} ${man.surname} is supplied by an associate known as "Finch" who drives a grey van.` },
    [man.id, D.associate],
  );
  addSources(g.node(D.associate, ['Person'], { name: 'Corwin', surname: 'Ashdale', aliases: ['Finch'], sex: 'M', dob: '1984-02-17' }), [D.sourceReport]);
  addSources(g.link('KNOWS', D.associate, man.id), [D.sourceReport]);

  // The contested acquaintance: the same link, two agencies' opposite assessments.
  report(
    D.policeGrade,
    { ref: 'INT/2011/C201', receivedOn: '2011-06-20', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: `Officer's note: ${man.given} ${man.surname} and ${other.given} ${other.surname} seen together at a takeaway on three evenings.` },
    [man.id, other.id],
  );
  report(
    D.cscGrade,
    { ref: 'CSC/2011/C077', receivedOn: '2011-07-04', sourceType: 'partner', sourceGrade: 3, intelGrade: 'E', handling: 'P', ownerAgency: "Children's Social Care", summary: `Anonymous call claiming ${man.given} ${man.surname} and ${other.given} ${other.surname} are associates; the caller had a dispute with both.` },
    [man.id, other.id],
  );
  addSources(g.once('KNOWS', man.id, other.id), [D.policeGrade, D.cscGrade]);
}
