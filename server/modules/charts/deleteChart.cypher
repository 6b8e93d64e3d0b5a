MATCH (c:SavedChart {id: $id})
DETACH DELETE c
RETURN count(*) AS n
