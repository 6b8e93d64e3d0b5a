// Phones already in the graph with these normalised numbers (E.164 when parseable): the strong key
// of a phone. The phone_number text index answers each lookup.
UNWIND $values AS v
MATCH (n:Phone {phoneNo: v})
WITH v, n ORDER BY n.id
RETURN v, collect(n)[..20] AS nodes
