// The ranked form of the derived person → child links (childLinks.cypher): the same four rules,
// the same date conditions, but only who is linked to which child, so that a ranking over every
// adult carries no descriptions, dates or source lists through the UNION — it counts pairs. What
// each of the top persons' routes are, and the reports behind them, childLinks.ts then asks of the
// full rules for those persons alone.
// For the persons in $personIds; childLinks.ts switches the idIn slots off to rank every adult, and
// the visibleRoute slots off when nothing is withheld from the caller (then a route always counts
// and no source list is read): otherwise a route counts when a report the caller may see (of those
// received by $asOf) supports it.
// Keep the rules in step with childLinks.cypher: test/integration/childLinksRanked.test.ts checks
// that both give every person the same children.
CALL {
  MATCH (p:Person)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf i}} AND {{asOf pt}} AND {{asOf v}}
    AND {{visibleRoute i pt v}}
  RETURN p, c
  UNION
  MATCH (n:Notice)-[s:SERVED_ON]->(p:Person), (n)-[pr:PROTECTS]->(c:Person)
  WHERE {{idIn p personIds}} AND {{asOf n}} AND {{asOf s}} AND {{asOf pr}}
    AND {{visibleRoute n s}}
  RETURN p, c
  UNION
  MATCH (p:Person)-[hp:HAS_PHONE]->(ph:Phone)<-[h:HAS_CONTACT]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf hp}} AND {{asOf h}}
    AND {{visibleRoute h hp}}
  RETURN p, c
  UNION
  MATCH (p:Person)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf k}}
    AND {{visibleRoute k}}
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
