// The ranked form of the derived person → child links (childLinks.cypher): the same four rules,
// the same date conditions, but only who is linked to which child, so that a ranking over every
// adult carries no descriptions, dates or source lists through the UNION — it counts pairs. What
// each of the top persons' routes are, and the reports behind them, childLinks.ts then asks of the
// full rules for those persons alone.
// childLinks.ts puts `p.id IN $personIds AND` in place of each /*persons*/ to rank some only, and
// in place of each /*visible …*/ the condition that the route is supported by a report the caller
// may see (of those received by $asOf), when some reports are withheld from the caller; as
// written (nothing withheld) a route always counts.
// Keep the rules in step with childLinks.cypher: test/integration/childLinksRanked.test.ts checks
// that both give every person the same children.
CALL {
  MATCH (p:Person)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(c:Person {child: true})
  WHERE /*persons*/ ($asOf IS NULL OR (coalesce(i.date, '') <= $asOf AND coalesce(pt.from, '') <= $asOf AND coalesce(v.from, '') <= $asOf))
    /*visible coalesce(i.sources, []) + coalesce(pt.sources, []) + coalesce(v.sources, [])*/
  RETURN p, c
  UNION
  MATCH (n:Notice)-[s:SERVED_ON]->(p:Person), (n)-[:PROTECTS]->(c:Person)
  WHERE /*persons*/ ($asOf IS NULL OR coalesce(n.servedOn, '') <= $asOf)
    /*visible coalesce(n.sources, []) + coalesce(s.sources, [])*/
  RETURN p, c
  UNION
  MATCH (p:Person)-[hp:HAS_PHONE]->(ph:Phone)<-[h:HAS_CONTACT]-(c:Person {child: true})
  WHERE /*persons*/ ($asOf IS NULL OR (coalesce(hp.from, '') <= $asOf AND coalesce(h.from, '') <= $asOf))
    /*visible coalesce(h.sources, []) + coalesce(hp.sources, [])*/
  RETURN p, c
  UNION
  MATCH (p:Person)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  WHERE /*persons*/ ($asOf IS NULL OR coalesce(k.from, '') <= $asOf)
    /*visible coalesce(k.sources, [])*/
  RETURN p, c
}
WITH p, count(DISTINCT c) AS children
// Most first, ties by id. Grouped by count first, so that only the persons of the top groups are
// read and compared by id (the planner sorts the groups, then each group as it is reached),
// not every person linked to a child.
WITH children, collect(p) AS persons
ORDER BY children DESC
UNWIND persons AS p
WITH p, children
WHERE coalesce(p.child, false) = false
RETURN p, children
ORDER BY children DESC, p.id
LIMIT $top
