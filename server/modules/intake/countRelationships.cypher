// How many relationships the database holds (from the count store: constant time).
MATCH ()-[r]->() RETURN count(r) AS relationships
