// Every adult who could have a derived child link: one step of each route's shape from a child (or,
// for notices, every notice subject), without the dates. A superset, cheap to find from the
// children's side; childLinks.cypher then decides, person by person, which links hold.
CALL {
  MATCH (c:Person {child: true})-[:VICTIM_OF]->(:Incident)<-[:PARTY_TO]-(p:Person) RETURN p
  UNION
  MATCH (:Notice)-[:SERVED_ON]->(p:Person) RETURN p
  UNION
  MATCH (c:Person {child: true})-[:HAS_CONTACT]->(:Phone)<-[:HAS_PHONE]-(p:Person) RETURN p
  UNION
  MATCH (c:Person {child: true})-[:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(p:Person) RETURN p
}
WITH p WHERE coalesce(p.child, false) = false
