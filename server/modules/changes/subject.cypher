// The record a change is about, with what the change rules need: whether a child is monitored now
// (discussed at a strategy meeting, or restored since, and not removed since: the latest made
// monitoring change decides) and whether it is a case (an Incident).
MATCH (s:Entity {id: $subjectId})
OPTIONAL MATCH (ch:Change {subjectId: $subjectId, outcome: 'made'}) WHERE ch.kind IN ['monitoring_removed', 'monitoring_restored']
WITH s, ch ORDER BY ch.at DESC
WITH s, head(collect(ch.kind)) AS lastMonitoring
RETURN s,
       CASE WHEN s:Person AND s.child = true THEN
         CASE lastMonitoring WHEN 'monitoring_removed' THEN false WHEN 'monitoring_restored' THEN true
         ELSE EXISTS { (s)-[:DISCUSSED_AT]->(m:Meeting) WHERE m.kind = 'strategy' } END
       END AS monitored
