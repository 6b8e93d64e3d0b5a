// One hop of a neighbourhood expansion: the distinct new neighbours of the frontier, at most $cap.
// A record dated after $asOf is out of view (validity `from` on links; the first date a node
// carries among date, servedOn, receivedOn, grantedOn, from on nodes).
MATCH (n:Entity)
WHERE n.id IN $frontier
MATCH (n)-[r]-(m:Entity)
WHERE NOT m.id IN $seen
  AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
  AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
  AND ($asOf IS NULL OR coalesce(r.from, '') <= $asOf)
  AND ($asOf IS NULL OR coalesce(m.date, m.servedOn, m.receivedOn, m.grantedOn, m.from, '') <= $asOf)
WITH DISTINCT m
LIMIT $cap
RETURN m
