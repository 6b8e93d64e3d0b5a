// Items raised at $minMeetings or more meetings with no action about them. Raised: a concern
// RAISED_AT the meeting, a person DISCUSSED_AT it, an operator a raised concern involves, or an item
// of the latest version of the meeting's record.
CALL () {
  MATCH (x:Incident)-[:RAISED_AT]->(m:Meeting)
  RETURN x.id AS item, m
  UNION
  MATCH (x:Person)-[:DISCUSSED_AT]->(m:Meeting)
  RETURN x.id AS item, m
  UNION
  MATCH (o:Operator)-[:INVOLVED_IN]->(:Incident)-[:RAISED_AT]->(m:Meeting)
  RETURN o.id AS item, m
  UNION
  MATCH (r:MeetingRecord)
  WITH r.meetingId AS meetingId, max(r.version) AS last
  MATCH (r:MeetingRecord {meetingId: meetingId, version: last})
  MATCH (m:Meeting {id: meetingId})
  UNWIND r.itemIds AS item
  RETURN item, m
}
WITH item, collect(DISTINCT m) AS meetings
WHERE size(meetings) >= $minMeetings
  AND NOT EXISTS { MATCH (a:MeetingAction) WHERE item IN a.itemIds }
MATCH (n:Entity {id: item})
WITH n, meetings ORDER BY size(meetings) DESC, n.id
LIMIT $top
RETURN n, [m IN meetings | m] AS meetings
