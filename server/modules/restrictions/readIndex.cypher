// Every restriction in force (issue 20 item 4) with what it covers, for the access index
// (access/protection.ts):
// - a Report restriction covers that report;
// - an Entity restriction covers that entity;
// - an Operation restriction covers the operation, every Incident PART_OF it, and the reports that
//   MENTION any of them (what only those reports support is then held as a withheld report's is).
// With the grants answered on access requests, and the team of every user that has one.
// Restrictions are service records (no Entity label, no relationship into the case graph: a walk
// over the graph never meets one); they name their target by id.
CALL () {
  MATCH (x:Restriction) WHERE x.liftedAt IS NULL
  OPTIONAL MATCH (i:Incident)-[:PART_OF]->(:Operation {id: x.targetId}) WHERE x.scope = 'Operation'
  WITH x, collect(DISTINCT i.id) AS parts
  OPTIONAL MATCH (r:Report)-[:MENTIONS]->(m:Entity) WHERE x.scope = 'Operation' AND m.id IN parts + [x.targetId]
  WITH x, parts, collect(DISTINCT r.id) AS operationReports
  RETURN collect(x {.id, .scope, .targetId, .team, .agency, .since, .reviewDue,
    entities: CASE x.scope WHEN 'Report' THEN [] ELSE [x.targetId] + parts END,
    reports: CASE x.scope WHEN 'Report' THEN [x.targetId] ELSE operationReports END}) AS restrictions
}
CALL () {
  MATCH (q:AccessRequest {status: 'granted'})
  RETURN collect({restrictionId: q.restrictionId, username: q.requester}) AS grants
}
CALL () {
  MATCH (u:User) WHERE u.team IS NOT NULL
  RETURN collect({username: u.username, team: u.team}) AS teams
}
RETURN restrictions, grants, teams
