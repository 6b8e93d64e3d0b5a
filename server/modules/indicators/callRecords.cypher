// Whether any call record touches the child's phones (otherwise "no call records held").
MATCH (c:Person {id: $childId})-[:HAS_PHONE]->(m:Phone)
RETURN COUNT { MATCH (m)<-[:CALLER|CALLED]-(:PhoneCall) } + COUNT { MATCH (m)-[:CONTACTED]-() } AS records
