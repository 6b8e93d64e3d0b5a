// The persons with these ids ($ids).
MATCH (p:Person) WHERE p.id IN $ids RETURN p
