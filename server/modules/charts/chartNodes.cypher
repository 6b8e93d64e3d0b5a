// The entities of a saved chart, as the graph holds them now.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
