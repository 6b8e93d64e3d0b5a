// Persons linked to one child under the derived-link rules of DESIGN.md §4, each with every route
// found, the reports behind those routes (their `sources`), how many other children the same rules
// link them to, and the notices served on them.
// Sharing only a location is a lead, not a link, and is not counted here.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[v:VICTIM_OF]->(i:Incident)<-[pt:PARTY_TO]-(p:Person)
  WHERE p <> c AND {{asOf i}} AND {{asOf v}} AND {{asOf pt}}
  RETURN p, 'party to ' + coalesce(i.kind, 'an incident') + ' ' + coalesce(i.date, '') AS route, 'incident' AS kind,
         coalesce(i.sources, []) + coalesce(v.sources, []) + coalesce(pt.sources, []) AS sources
  UNION
  WITH c
  MATCH (n:Notice)-[pr:PROTECTS]->(c), (n)-[so:SERVED_ON]->(p:Person)
  WHERE {{asOf n}} AND {{asOf pr}} AND {{asOf so}}
  RETURN p, 'abduction notice served ' + coalesce(n.servedOn, '') AS route, 'notice' AS kind, coalesce(n.sources, []) AS sources
  UNION
  WITH c
  MATCH (c)-[h:HAS_CONTACT]->(:Phone)<-[hp:HAS_PHONE]-(p:Person)
  WHERE p <> c AND {{asOf h}} AND {{asOf hp}}
  RETURN p, 'in the child\'s phone as "' + coalesce(h.savedAs, '?') + '"' AS route, 'phone contact' AS kind,
         coalesce(h.sources, []) + coalesce(hp.sources, []) AS sources
  UNION
  WITH c
  MATCH (c)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(p:Person)
  WHERE {{asOf k}}
  RETURN p, 'direct link ' + type(k) AS route, 'direct link' AS kind, coalesce(k.sources, []) AS sources
}
// A route only reports withheld from the caller support is not theirs to see ($withheld).
WITH c, p, route, kind, sources
WHERE NOT {{heldList sources}}
UNWIND CASE WHEN size(sources) = 0 THEN [null] ELSE sources END AS source
WITH c, p, collect(DISTINCT route) AS routes, collect(DISTINCT kind) AS routeKinds, collect(DISTINCT source) AS reports
WHERE coalesce(p.child, false) = false
// Other children linked to the same person by the same rules: a count (UNION keeps each child
// once). A COUNT subquery, not a CALL, so that a person with no other child is still listed. A
// route only withheld reports support ($withheld) counts no more than it is listed, nor does one
// out of view as of $asOf; nor a notice served later.
WITH c, p, routes, routeKinds, reports, COUNT {
  MATCH (p)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(o:Person)
  WHERE o.child = true AND o <> c AND {{asOf i}} AND {{asOf v}} AND {{asOf pt}}
  WITH o, coalesce(i.sources, []) + coalesce(v.sources, []) + coalesce(pt.sources, []) AS sources
  WHERE NOT {{heldList sources}}
  RETURN o
  UNION
  MATCH (n:Notice)-[so:SERVED_ON]->(p), (n)-[pr:PROTECTS]->(o:Person)
  WHERE o <> c AND {{asOf n}} AND {{asOf so}} AND {{asOf pr}}
    AND NOT {{held n}}
  RETURN o
  UNION
  MATCH (p)-[hp:HAS_PHONE]->(:Phone)<-[h:HAS_CONTACT]-(o:Person)
  WHERE o.child = true AND o <> c AND {{asOf h}} AND {{asOf hp}}
  WITH o, coalesce(h.sources, []) + coalesce(hp.sources, []) AS sources
  WHERE NOT {{heldList sources}}
  RETURN o
  UNION
  MATCH (p)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(o:Person)
  WHERE o.child = true AND o <> c AND {{asOf k}}
    AND NOT {{held k}}
  RETURN o
} AS otherChildren
RETURN p, routes, routeKinds, reports, otherChildren, COUNT { (n:Notice)-[so:SERVED_ON]->(p) WHERE {{asOf n}} AND {{asOf so}} } AS notices
ORDER BY size(routeKinds) DESC, size(routes) DESC, p.id
LIMIT 500
