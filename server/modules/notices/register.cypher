// The notice register: every child abduction notice with its subject, child, place of service and
// breaches (fragments/noticeBreaches.cypher). What only reports withheld from the caller support
// ($withheld) is left out: a notice, its subject or child link, its place. $licensedOnly (licensing):
// only notices served on someone who holds a driver or operator licence or drives for an operator.
MATCH (n:Notice)
WHERE coalesce(n.kind, 'child_abduction') = 'child_abduction' AND NOT {{held n}}
OPTIONAL MATCH (n)-[so:SERVED_ON]->(p:Person) WHERE NOT {{held so}} AND NOT {{held p}}
OPTIONAL MATCH (n)-[pr:PROTECTS]->(c:Person) WHERE NOT {{held pr}} AND NOT {{held c}}
OPTIONAL MATCH (n)-[sa:SERVED_AT]->(l:Location) WHERE NOT {{held sa}} AND NOT {{held l}}
WITH n, head(collect(DISTINCT p)) AS p, head(collect(DISTINCT c)) AS c, head(collect(DISTINCT l)) AS l
WHERE NOT $licensedOnly OR (p IS NOT NULL AND (
  EXISTS { (p)-[:HOLDS]->(lic:Licence) WHERE lic.kind IN ['driver', 'operator'] } OR EXISTS { (p)-[:DRIVES_FOR]->(:Operator) }))
RETURN n, p, c, l, CASE WHEN p IS NULL OR c IS NULL THEN [] ELSE {{noticeBreaches n p c}} END AS breaches
ORDER BY n.servedOn DESC, n.id
