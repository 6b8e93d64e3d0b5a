// The reports behind a set of facts, by id (each is then seen through the caller's viewer).
MATCH (r:Report) WHERE r.id IN $ids
RETURN r
