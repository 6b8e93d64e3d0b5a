// Entities a file names by their id (an idColumn).
UNWIND $values AS v
MATCH (n:Entity {id: v})
RETURN v, [n] AS nodes
