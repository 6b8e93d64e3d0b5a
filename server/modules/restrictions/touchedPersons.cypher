// The persons each restriction touches (for deconfliction): a restricted person, the persons its
// reports MENTION, and the persons one link from a restricted entity, operation or incident.
UNWIND $covers AS c
CALL (c) {
  MATCH (p:Person) WHERE p.id IN c.entities RETURN p.id AS person
  UNION
  MATCH (r:Report)-[:MENTIONS]->(p:Person) WHERE r.id IN c.reports RETURN p.id AS person
  UNION
  MATCH (e:Entity)--(p:Person) WHERE e.id IN c.entities AND NOT e:Person RETURN p.id AS person
}
RETURN c.id AS restriction, collect(DISTINCT person) AS persons
