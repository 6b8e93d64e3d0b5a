// The subgraph a ranking runs on: entities of the given kinds (only those in $within when given)
// and the links of the given types between them, each stored link once, capped so a ranking cannot
// pull in the whole database. As of $asOf, links and entities dated later are out of view.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $linkTypes
  AND any(l IN labels(a) WHERE l IN $kinds) AND any(l IN labels(b) WHERE l IN $kinds)
  AND a <> b
  AND ($within IS NULL OR (a.id IN $within AND b.id IN $within))
  AND ($asOf IS NULL OR (coalesce(r.from, '') <= $asOf
       AND coalesce(a.date, a.servedOn, a.receivedOn, a.grantedOn, a.from, '') <= $asOf
       AND coalesce(b.date, b.servedOn, b.receivedOn, b.grantedOn, b.from, '') <= $asOf))
RETURN a.id AS source, b.id AS target
LIMIT $cap
