// Dated records about one child, oldest first, none dated after $asOf (the start half of the as-of
// rule, fragments/dated.cypher: a chronology is a history, so a placement that has ended stays in it). For a missing episode,
// `foundAt` is where the child was found (OCCURRED_AT; never a protected address); for a placement,
// the address and its start. `placedBy` is the record whose `datedOn` places the entry in time.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[:VICTIM_OF|PARTY_TO]->(i:Incident)
  OPTIONAL MATCH (i)-[:OCCURRED_AT]->(l:Location)
  RETURN i AS e, i AS placedBy, i.date AS date,
         {foundAt: CASE WHEN i.kind <> 'missing' THEN null WHEN l.restricted = true THEN 'a protected address' ELSE l.address END} AS extra
  UNION
  WITH c
  MATCH (n:Notice)-[:PROTECTS]->(c)
  RETURN n AS e, n AS placedBy, n.servedOn AS date, {} AS extra
  UNION
  WITH c
  MATCH (c)-[:DISCUSSED_AT]->(m:Meeting)
  RETURN m AS e, m AS placedBy, m.date AS date, {} AS extra
  UNION
  WITH c
  MATCH (c)-[r:CURRENT_ADDRESS]->(l:Location)
  RETURN l AS e, r AS placedBy, r.from AS date, {placementFrom: r.from, placementRole: r.role} AS extra
}
WITH e, placedBy, date, extra
WHERE date IS NOT NULL AND {{dated placedBy}}
RETURN e, date, extra
ORDER BY date
LIMIT 2000
