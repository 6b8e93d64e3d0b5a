// E-mail addresses already in the graph, compared without case.
UNWIND $values AS v
MATCH (n:Email) WHERE toLower(n.email_address) = v
WITH v, n ORDER BY n.id
RETURN v, collect(n)[..20] AS nodes
