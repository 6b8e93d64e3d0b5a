// Incidents that concern the person: named in them (PARTY_TO), their vehicle or phone involved
// (INVOLVED_IN), or a missing child found at their address (OCCURRED_AT their CURRENT_ADDRESS). Each
// with how it touches the person, where it happened, the children it is about (shown as descriptors),
// other adults named and vehicles involved.
MATCH (p:Person {id: $personId})
CALL {
  WITH p
  MATCH (p)-[pt:PARTY_TO]->(i:Incident)
  RETURN i, 'named' AS how, pt AS via, null AS thing
  UNION
  WITH p
  MATCH (p)-[u:USES_VEHICLE]->(v:Vehicle)-[iv:INVOLVED_IN]->(i:Incident)
  WHERE coalesce(u.role, '') <> 'seen_in' AND NOT {{held u}}
  RETURN i, 'vehicle' AS how, iv AS via, v AS thing
  UNION
  WITH p
  MATCH (p)-[hp:HAS_PHONE]->(ph:Phone)-[ip:INVOLVED_IN]->(i:Incident)
  WHERE NOT {{held hp}}
  RETURN i, 'phone' AS how, ip AS via, ph AS thing
  UNION
  WITH p
  MATCH (p)-[ca:CURRENT_ADDRESS]->(l:Location)<-[o:OCCURRED_AT]-(i:Incident {kind: 'missing'})
  WHERE NOT {{held ca}}
  RETURN i, 'address' AS how, o AS via, l AS thing
}
WITH p, i, collect({how: how, via: via, thing: thing}) AS links
OPTIONAL MATCH (i)-[:OCCURRED_AT]->(l:Location)
WITH p, i, links, collect(l)[0] AS at
RETURN i, links, at,
       [(ch:Person)-[:VICTIM_OF]->(i) WHERE ch.child = true | ch] AS children,
       [(o:Person)-[:PARTY_TO]->(i) WHERE o <> p AND coalesce(o.child, false) = false | o] AS others,
       [(v:Vehicle)-[:INVOLVED_IN]->(i) | v] AS vehicles
ORDER BY i.date, i.id
LIMIT 1000
