// How many nodes the database holds: a restore goes only into an empty one.
MATCH (n) RETURN count(n) AS existing
