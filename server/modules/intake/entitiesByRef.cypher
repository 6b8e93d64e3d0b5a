// The records the report names by id ($refs).
MATCH (n:Entity) WHERE n.id IN $refs RETURN n
