// Calls between the child's phones and adults' phones recorded by $asOf: call records (PhoneCall,
// CALLER / CALLED) and the call-records import's one link per pair (CONTACTED).
MATCH (c:Person {id: $childId})
OPTIONAL MATCH (c)-[own:HAS_PHONE]->(mine:Phone)
WITH c, collect(mine) AS mine
CALL {
  WITH c, mine
  UNWIND mine AS m
  MATCH (m)<-[:CALLER|CALLED]-(call:PhoneCall)-[:CALLER|CALLED]->(other:Phone)<-[hp:HAS_PHONE]-(p:Person)
  WHERE other <> m AND p <> c AND coalesce(p.child, false) = false AND {{dated call}} AND {{dated hp}}
  RETURN other, p, hp, count(DISTINCT call) AS calls, min(call.call_date) AS firstOn, max(call.call_date) AS lastOn,
         reduce(s = [], x IN collect(coalesce(call.sources, [])) | s + x) AS sources
  UNION
  WITH c, mine
  UNWIND mine AS m
  MATCH (m)-[k:CONTACTED]-(other:Phone)<-[hp:HAS_PHONE]-(p:Person)
  WHERE p <> c AND coalesce(p.child, false) = false AND {{dated k}} AND {{dated hp}}
  RETURN other, p, hp, coalesce(k.calls, 1) AS calls, k.firstOn AS firstOn, k.lastOn AS lastOn, coalesce(k.sources, []) AS sources
}
RETURN other, p, hp, calls, firstOn, lastOn, sources
ORDER BY calls DESC, other.id
LIMIT 200
