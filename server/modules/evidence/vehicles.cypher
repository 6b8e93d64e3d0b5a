// Vehicles the person keeps or drives (not those they were only seen in), with the children seen
// getting into them (shown as descriptors) and the operators they are licensed to.
MATCH (p:Person {id: $personId})-[u:USES_VEHICLE]->(v:Vehicle)
WHERE coalesce(u.role, '') <> 'seen_in'
RETURN v, u,
       [(ch:Person)-[s:USES_VEHICLE]->(v) WHERE ch.child = true | {ch: ch, s: s}] AS seenIn,
       [(v)-[:OPERATED_BY]->(o:Operator) | o] AS operators
ORDER BY v.id
