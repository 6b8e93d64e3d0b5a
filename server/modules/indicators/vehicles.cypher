// Vehicles the child was in or that were part of an incident about the child, by $asOf, each with
// why it is of interest: used by a person on an operation chart as a suspect, by a person served a
// notice, or by a person party to an incident about a child; or licensed to an operator (a taxi).
// The basis of a reason only withheld reports support ($withheld) is not counted.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[u:USES_VEHICLE]->(v:Vehicle)
  WHERE {{dated u}}
  RETURN v, u AS via, null AS inc
  UNION
  WITH c
  MATCH (c)-[:VICTIM_OF|PARTY_TO]->(i:Incident)<-[iv:INVOLVED_IN]-(v:Vehicle)
  WHERE {{dated i}}
  RETURN v, iv AS via, i AS inc
}
WITH c, v, collect({via: via, inc: inc}) AS seen
CALL {
  WITH c, v
  MATCH (p:Person)-[pu:USES_VEHICLE]->(v)
  WHERE p <> c AND coalesce(p.child, false) = false AND coalesce(pu.role, '') <> 'seen_in' AND {{dated pu}} AND NOT {{held pu}}
  WITH p, pu,
       EXISTS { MATCH (p)-[oc:ON_CHART]->(:Operation) WHERE oc.role = 'suspect' AND {{dated oc}} AND NOT {{held oc}} } AS suspect,
       COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(p) WHERE {{dated n}} AND NOT {{held n}} RETURN n } AS notices,
       COUNT { MATCH (p)-[pt:PARTY_TO]->(i:Incident)<-[:VICTIM_OF]-(o:Person) WHERE o.child = true AND {{dated i}} AND NOT {{held pt}} RETURN DISTINCT i } AS childIncidents
  WHERE suspect OR notices > 0 OR childIncidents > 0
  RETURN collect({p: p, role: pu.role, suspect: suspect, notices: notices, childIncidents: childIncidents}) AS users
}
OPTIONAL MATCH (v)-[ob:OPERATED_BY]->(o:Operator)
WHERE {{dated ob}} AND NOT {{held ob}}
RETURN v, seen, users, collect(DISTINCT o) AS operators
ORDER BY v.id
