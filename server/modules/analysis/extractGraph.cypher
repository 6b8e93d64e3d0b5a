// The subgraph a ranking runs on: entities of the given kinds (only those in $within when given)
// and the links of the given types between them, each stored link once, capped so a ranking cannot
// pull in the whole database. As of $asOf, links and entities dated later are out of view; links
// and entities only reports withheld from the caller support ($withheld) are not the caller's.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $linkTypes
  AND any(l IN labels(a) WHERE l IN $kinds) AND any(l IN labels(b) WHERE l IN $kinds)
  AND a <> b
  AND NOT (size(coalesce(r.sources, [])) > 0 AND all(s IN r.sources WHERE s IN $withheld)) AND NOT (size(coalesce(a.sources, [])) > 0 AND all(s IN a.sources WHERE s IN $withheld)) AND NOT (size(coalesce(b.sources, [])) > 0 AND all(s IN b.sources WHERE s IN $withheld))
  AND ($within IS NULL OR (a.id IN $within AND b.id IN $within))
  AND ($asOf IS NULL OR (coalesce(r.from, '') <= $asOf
       AND coalesce(a.date, a.servedOn, a.receivedOn, a.grantedOn, a.from, '') <= $asOf
       AND coalesce(b.date, b.servedOn, b.receivedOn, b.grantedOn, b.from, '') <= $asOf))
RETURN a.id AS source, b.id AS target
LIMIT $cap
