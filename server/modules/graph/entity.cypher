// One entity by id (every node carries the Entity label, which has a unique index on id).
MATCH (n:Entity {id: $id})
RETURN n
