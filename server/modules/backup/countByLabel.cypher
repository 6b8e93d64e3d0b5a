// Nodes per label.
MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c
