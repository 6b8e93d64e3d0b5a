MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS seen
WITH seen, seen AS frontier, false AS truncated
CALL (seen, frontier) {
  UNWIND frontier AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
    AND NOT (type(r) IN $privateLinks AND (n.id IN $privateOf OR m.id IN $privateOf))
    AND ($asOf IS NULL OR (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf)))
    AND ($asOf IS NULL OR (coalesce(m.datedOn, '') <= $asOf AND (m.to IS NULL OR m.to >= $asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN collect(m) AS found
}
WITH seen, found, truncated, CASE WHEN size(seen) < $limit THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated
CALL (seen, frontier) {
  UNWIND frontier AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
    AND NOT (type(r) IN $privateLinks AND (n.id IN $privateOf OR m.id IN $privateOf))
    AND ($asOf IS NULL OR (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf)))
    AND ($asOf IS NULL OR (coalesce(m.datedOn, '') <= $asOf AND (m.to IS NULL OR m.to >= $asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN collect(m) AS found
}
WITH seen, found, truncated, CASE WHEN size(seen) < $limit THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($asOf IS NULL OR (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf)))
  WITH r, a, b
  LIMIT $linkCap + 1
  RETURN collect([type(r), properties(r), a.id, b.id, CASE WHEN r.id IS NULL THEN elementId(r) END]) AS links
}
RETURN [n IN seen | [labels(n), n {.*, nameKeys: null, nameKeysV: null}]] AS nodes, links, truncated
