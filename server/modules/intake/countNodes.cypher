// How many nodes the database holds (from the count store: constant time).
MATCH (n) RETURN count(n) AS nodes
