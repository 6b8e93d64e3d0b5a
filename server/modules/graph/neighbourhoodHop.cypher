// One hop: the distinct new neighbours of the frontier, at most $cap ($limit + 1, so that one more
// than fits shows the answer was cut), then as many as there is room for under $limit.
// As of $asOf, the link and the neighbour must be in view (the as-of rule: fragments/asOf.cypher).
// $privateOf: the children protected from the caller, whose $privateLinks are not walked.
CALL (seen, frontier) {
  UNWIND frontier AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
    // A protected child's family and address links are not walked (access/viewer.ts PRIVATE_CHILD_LINKS).
    AND NOT (type(r) IN $privateLinks AND (n.id IN $privateOf OR m.id IN $privateOf))
    AND {{asOf r}}
    AND {{asOf m}}
  WITH DISTINCT m
  LIMIT $cap
  RETURN collect(m) AS found
}
WITH seen, found, truncated, CASE WHEN size(seen) < $limit THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated
