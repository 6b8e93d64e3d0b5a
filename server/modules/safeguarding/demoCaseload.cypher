// The children discussed at a strategy meeting (the demo's caseload).
MATCH (c:Person {child: true})-[:DISCUSSED_AT]->(m:Meeting) WHERE m.kind = 'strategy'
RETURN DISTINCT c.id AS id ORDER BY id
