// Vehicles the person keeps or drives (not those they were only seen in), each once with every way
// they use it, the children seen getting into it (shown as descriptors) and the operators it is
// licensed to.
MATCH (p:Person {id: $personId})-[u:USES_VEHICLE]->(v:Vehicle)
WHERE coalesce(u.role, '') <> 'seen_in'
WITH v, collect(u) AS uses
RETURN v, uses,
       [(ch:Person)-[s:USES_VEHICLE]->(v) WHERE ch.child = true | {ch: ch, s: s}] AS seenIn,
       [(v)-[:OPERATED_BY]->(o:Operator) | o] AS operators
ORDER BY v.id
