// After the rule files' UNION ALL (rules.ts): the findings, and who else the other rules must look
// at — the persons one link from what was touched ($ids) and the operators two links from it.
WITH collect({key: key, rule: rule, audience: audience, summary: summary, entityIds: entityIds}) AS findings
CALL () {
  MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..1]-(p:Person) RETURN collect(DISTINCT p.id) AS persons
}
CALL () {
  MATCH (x:Entity) WHERE x.id IN $ids MATCH (x)-[*0..2]-(o:Operator) RETURN collect(DISTINCT o.id) AS operators
}
RETURN findings, persons, operators
