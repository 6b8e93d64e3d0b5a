// One hop: the distinct new neighbours of the frontier, at most $cap ($limit + 1, so that one more
// than fits shows the answer was cut), then as many as there is room for under $limit.
// A record dated after $asOf is out of view (validity `from` on links; the first date a node
// carries among date, servedOn, receivedOn, grantedOn, from on nodes).
CALL (seen, frontier) {
  UNWIND frontier AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
    AND ($asOf IS NULL OR coalesce(r.from, '') <= $asOf)
    AND ($asOf IS NULL OR coalesce(m.date, m.servedOn, m.receivedOn, m.grantedOn, m.from, '') <= $asOf)
  WITH DISTINCT m
  LIMIT $cap
  RETURN collect(m) AS found
}
WITH seen, found, truncated, CASE WHEN size(seen) < $limit THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated
