// Persons (not children) party to no incident, scored by the distinct persons within `hops` links
// of the given types ($linkTypes) who are party to one. As of $asOf, incidents and links out of view
// (the as-of rule) do not count; nor do links only reports withheld from the caller support.
// The hop bound is a number slot (a quantifier's bounds cannot be parameters), checked in ranking.ts.
MATCH (p:Person)
WHERE coalesce(p.child, false) = false
  AND NOT EXISTS { (p)-[pt:PARTY_TO]->(i:Incident) WHERE {{asOf i}} AND {{asOf pt}} AND NOT {{held pt}} }
MATCH (p)-[r WHERE type(r) IN $linkTypes AND {{asOf r}} AND NOT {{held r}}]-{1,{{#hops}}}(q:Person)
WHERE q <> p AND EXISTS { (q)-[pt:PARTY_TO]->(i:Incident) WHERE {{asOf i}} AND {{asOf pt}} AND NOT {{held pt}} }
WITH p, collect(DISTINCT q.id) AS near
RETURN p, size(near) AS score, near[..20] AS near
ORDER BY score DESC, p.id
LIMIT $top
