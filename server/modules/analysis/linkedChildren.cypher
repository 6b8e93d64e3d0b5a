// Distinct children linked to each person under the derived-link rules of DESIGN.md §4.
CALL {
  MATCH (p:Person)-[:PARTY_TO]->(:Incident)<-[:VICTIM_OF]-(c:Person {child: true})
  RETURN p, c, 'incident' AS route
  UNION
  MATCH (n:Notice)-[:SERVED_ON]->(p:Person), (n)-[:PROTECTS]->(c:Person)
  RETURN p, c, 'notice' AS route
  UNION
  MATCH (p:Person)-[:HAS_PHONE]->(:Phone)<-[:HAS_CONTACT]-(c:Person {child: true})
  RETURN p, c, 'phone contact' AS route
  UNION
  MATCH (p:Person)-[:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  RETURN p, c, 'direct link' AS route
}
WITH p, c, route
WHERE coalesce(p.child, false) = false
WITH p, count(DISTINCT c) AS children, collect(DISTINCT route) AS routes
RETURN p, children, routes
ORDER BY children DESC, p.id
LIMIT $top
