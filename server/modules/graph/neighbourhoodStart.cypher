// A neighbourhood in one statement: this start, then neighbourhoodHop.cypher once per hop, then
// neighbourhoodLinks.cypher (composed in queries.ts). `seen` grows hop by hop up to $limit.
MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS seen
WITH seen, seen AS frontier, false AS truncated
