// Dated records about one child, oldest first, none dated after $asOf. For a missing episode,
// `foundAt` is where the child was found (OCCURRED_AT; never a protected address); for a placement,
// the address and its start.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[:VICTIM_OF|PARTY_TO]->(i:Incident)
  OPTIONAL MATCH (i)-[:OCCURRED_AT]->(l:Location)
  RETURN i AS e, i.date AS date,
         {foundAt: CASE WHEN i.kind <> 'missing' THEN null WHEN l.restricted = true THEN 'a protected address' ELSE l.address END} AS extra
  UNION
  WITH c
  MATCH (n:Notice)-[:PROTECTS]->(c)
  RETURN n AS e, n.servedOn AS date, {} AS extra
  UNION
  WITH c
  MATCH (c)-[:DISCUSSED_AT]->(m:Meeting)
  RETURN m AS e, m.date AS date, {} AS extra
  UNION
  WITH c
  MATCH (c)-[r:CURRENT_ADDRESS]->(l:Location)
  RETURN l AS e, r.from AS date, {placementFrom: r.from, placementRole: r.role} AS extra
}
WITH e, date, extra
WHERE date IS NOT NULL AND ($asOf IS NULL OR date <= $asOf)
RETURN e, date, extra
ORDER BY date
LIMIT 2000
