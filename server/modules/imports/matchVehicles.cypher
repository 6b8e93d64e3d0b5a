// Vehicles already in the graph with these registrations (upper case, no spaces).
UNWIND $values AS v
MATCH (n:Vehicle {reg: v})
WITH v, n ORDER BY n.id
RETURN v, collect(n)[..20] AS nodes
