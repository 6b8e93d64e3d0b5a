// Every link between nodes of the set (each once, in its stored direction), at most $cap.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
  AND ($asOf IS NULL OR coalesce(r.from, '') <= $asOf)
RETURN r, a.id AS source, b.id AS target
LIMIT $cap
