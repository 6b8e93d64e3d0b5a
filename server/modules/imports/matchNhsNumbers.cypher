// Persons already in the graph with these NHS numbers (stored as text or as a number).
UNWIND $values AS v
MATCH (n:Person) WHERE n.nhs_no = v OR toString(n.nhs_no) = v
WITH v, n ORDER BY n.id
RETURN v, collect(n)[..20] AS nodes
