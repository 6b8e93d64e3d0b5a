// The children (only those in $only when given), by pseudonym.
MATCH (c:Person) WHERE c.child = true AND ($only IS NULL OR c.id IN $only)
RETURN c ORDER BY c.pseudonym, c.id LIMIT 2000
