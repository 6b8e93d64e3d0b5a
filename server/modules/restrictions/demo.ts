/**
 * The demo's restriction records (seeds/demo/restrictions.ts tells the story and writes the case
 * records they cover): written once after the demo load (server/stack.ts).
 */
import { cypherFile, type Database } from '../../db/database.js';
import { RESTRICTION_DEMO as D } from '../../../seeds/demo/restrictions.js';
import { raiseOverdueReviews, raiseOverlaps } from './deconfliction.js';

/**
 * The restriction records and the pending request (service records, written once after the demo
 * load), the demo analyst in the CSE Team, and the deconfliction and review alerts they raise.
 */
export async function writeRestrictionsDemo(db: Database): Promise<void> {
  await db.write(cypherFile(import.meta.url, 'demo.cypher'), {
    restrictions: [
      { id: D.operationRestriction, scope: 'Operation', targetId: D.operation, team: D.teams.cse, agency: 'Police', reason: 'Ongoing covert operation: disclosure would compromise it.', since: '2011-04-04', reviewDue: '2012-04-04', createdBy: 'demo-analyst' },
      { id: D.sourceRestriction, scope: 'Report', targetId: D.sourceReport, team: D.teams.drugs, agency: 'Police', reason: 'Source protection (covert human intelligence source).', since: '2011-09-02', reviewDue: '2027-03-01', createdBy: 'dc-okafor' },
      { id: D.associateRestriction, scope: 'Entity', targetId: D.associate, team: D.teams.drugs, agency: 'Police', reason: 'Named by a protected source.', since: '2011-09-02', reviewDue: '2027-03-01', createdBy: 'dc-okafor' },
    ],
    request: { id: D.pendingRequest, restrictionId: D.operationRestriction, requester: 'dc-okafor', requesterTeam: D.teams.drugs, requesterAgency: 'Police', requesterRole: 'analyst', reason: 'Our source names the same man; we need to know whether Kestrel is live before we act.', requestedAt: '2026-11-20T09:30:00.000Z' },
    analyst: 'demo-analyst',
    team: D.teams.cse,
  });
  await raiseOverlaps(db);
  await raiseOverdueReviews(db);
}
