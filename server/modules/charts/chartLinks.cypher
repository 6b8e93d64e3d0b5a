// Links among a saved chart's entities (filtered to the saved links in resolvers.ts).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
RETURN r, a.id AS source, b.id AS target
LIMIT $cap
