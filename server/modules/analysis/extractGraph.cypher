// The subgraph a ranking runs on: entities of the given kinds and the links of the given types
// between them (each stored link once), capped so a ranking cannot pull in the whole database.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $linkTypes
  AND any(l IN labels(a) WHERE l IN $kinds) AND any(l IN labels(b) WHERE l IN $kinds)
  AND a <> b
RETURN a.id AS source, b.id AS target
LIMIT $cap
