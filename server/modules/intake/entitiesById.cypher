// The records with these ids ($ids).
MATCH (n:Entity) WHERE n.id IN $ids RETURN n
