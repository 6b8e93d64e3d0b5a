// The subgraph a ranking runs on: entities of the given kinds (only those in $within when given)
// and the links of the given types between them, each stored link once, capped so a ranking cannot
// pull in the whole database. As of $asOf, links and entities out of view (the as-of rule) are left out; links
// and entities only reports withheld from the caller support ($withheld) are not the caller's.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $linkTypes
  AND any(l IN labels(a) WHERE l IN $kinds) AND any(l IN labels(b) WHERE l IN $kinds)
  AND a <> b
  AND NOT {{held r}} AND NOT {{held a}} AND NOT {{held b}}
  AND ($within IS NULL OR (a.id IN $within AND b.id IN $within))
  AND {{asOf r}} AND {{asOf a}} AND {{asOf b}}
RETURN a.id AS source, b.id AS target
LIMIT $cap
