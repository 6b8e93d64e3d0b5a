// Items by id, with their kind: what a record may list (concerns, persons, operators).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
