// The entities with these ids ($ids), whatever their kind.
MATCH (n:Entity) WHERE n.id IN $ids RETURN n
