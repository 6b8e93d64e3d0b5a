// Licensing decisions on one licence ($licenceId) or on every licence one person or operator holds
// ($holderId), oldest first: each decision with its licence and the representations received before
// it. A licence event recorded as an incident before decisions were kept (kind licence_event,
// involving the licence) that no decision was migrated from is read through as a legacy decision,
// so old records stay readable. A HOLDS link only withheld reports support leads nowhere.
CALL () {
  MATCH (l:Licence {id: $licenceId}) RETURN l
  UNION
  MATCH (:Entity {id: $holderId})-[h:HOLDS]->(l:Licence) WHERE NOT {{held h}} RETURN l
}
CALL (l) {
  MATCH (d:LicensingDecision)-[:DECISION_ON]->(l)
  RETURN d, COLLECT { MATCH (r:Representation)-[:REPRESENTATION_ON]->(d) RETURN r ORDER BY coalesce(r.receivedOn, ''), r.id } AS reps, null AS incident
  UNION
  MATCH (l)-[li:INVOLVED_IN]->(i:Incident {kind: 'licence_event'})
  WHERE NOT {{held li}} AND NOT EXISTS { MATCH (m:LicensingDecision {migratedFrom: i.id}) }
  RETURN null AS d, [] AS reps, i AS incident
}
RETURN l, d, reps, incident
ORDER BY coalesce(d.decidedOn, incident.date, ''), coalesce(d.recordedAt, ''), coalesce(d.id, incident.id)
