// Persons linked to one child under the derived-link rules of DESIGN.md §4, each with every route
// found, the reports behind those routes (their `sources`), how many other children the same rules
// link them to, and the notices served on them.
// Sharing only a location is a lead, not a link, and is not counted here.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[v:VICTIM_OF]->(i:Incident)<-[pt:PARTY_TO]-(p:Person)
  WHERE p <> c AND ($asOf IS NULL OR coalesce(i.date, '') <= $asOf)
  RETURN p, 'party to ' + coalesce(i.kind, 'an incident') + ' ' + coalesce(i.date, '') AS route, 'incident' AS kind,
         coalesce(i.sources, []) + coalesce(v.sources, []) + coalesce(pt.sources, []) AS sources
  UNION
  WITH c
  MATCH (n:Notice)-[:PROTECTS]->(c), (n)-[:SERVED_ON]->(p:Person)
  WHERE $asOf IS NULL OR coalesce(n.servedOn, '') <= $asOf
  RETURN p, 'abduction notice served ' + coalesce(n.servedOn, '') AS route, 'notice' AS kind, coalesce(n.sources, []) AS sources
  UNION
  WITH c
  MATCH (c)-[h:HAS_CONTACT]->(:Phone)<-[hp:HAS_PHONE]-(p:Person)
  WHERE p <> c AND ($asOf IS NULL OR (coalesce(h.from, '') <= $asOf AND coalesce(hp.from, '') <= $asOf))
  RETURN p, 'in the child\'s phone as "' + coalesce(h.savedAs, '?') + '"' AS route, 'phone contact' AS kind,
         coalesce(h.sources, []) + coalesce(hp.sources, []) AS sources
  UNION
  WITH c
  MATCH (c)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(p:Person)
  WHERE $asOf IS NULL OR coalesce(k.from, '') <= $asOf
  RETURN p, 'direct link ' + type(k) AS route, 'direct link' AS kind, coalesce(k.sources, []) AS sources
}
// A route only reports withheld from the caller support is not theirs to see ($withheld).
WITH c, p, route, kind, sources
WHERE NOT (size(sources) > 0 AND all(s IN sources WHERE s IN $withheld))
UNWIND CASE WHEN size(sources) = 0 THEN [null] ELSE sources END AS source
WITH c, p, collect(DISTINCT route) AS routes, collect(DISTINCT kind) AS routeKinds, collect(DISTINCT source) AS reports
WHERE coalesce(p.child, false) = false
// Other children linked to the same person by the same rules: a count (UNION keeps each child
// once). A COUNT subquery, not a CALL, so that a person with no other child is still listed. A
// route only withheld reports support ($withheld) counts no more than it is listed.
WITH c, p, routes, routeKinds, reports, COUNT {
  MATCH (p)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(o:Person)
  WHERE o.child = true AND o <> c
    AND NOT (size(coalesce(i.sources, []) + coalesce(v.sources, []) + coalesce(pt.sources, [])) > 0
             AND all(s IN coalesce(i.sources, []) + coalesce(v.sources, []) + coalesce(pt.sources, []) WHERE s IN $withheld))
  RETURN o
  UNION
  MATCH (n:Notice)-[:SERVED_ON]->(p), (n)-[:PROTECTS]->(o:Person)
  WHERE o <> c
    AND NOT (size(coalesce(n.sources, [])) > 0 AND all(s IN n.sources WHERE s IN $withheld))
  RETURN o
  UNION
  MATCH (p)-[hp:HAS_PHONE]->(:Phone)<-[h:HAS_CONTACT]-(o:Person)
  WHERE o.child = true AND o <> c
    AND NOT (size(coalesce(h.sources, []) + coalesce(hp.sources, [])) > 0
             AND all(s IN coalesce(h.sources, []) + coalesce(hp.sources, []) WHERE s IN $withheld))
  RETURN o
  UNION
  MATCH (p)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(o:Person)
  WHERE o.child = true AND o <> c
    AND NOT (size(coalesce(k.sources, [])) > 0 AND all(s IN k.sources WHERE s IN $withheld))
  RETURN o
} AS otherChildren
RETURN p, routes, routeKinds, reports, otherChildren, COUNT { (:Notice)-[:SERVED_ON]->(p) } AS notices
ORDER BY size(routeKinds) DESC, size(routes) DESC, p.id
LIMIT 500
