// Places already in the graph with this postcode and this first line of address (as submitReport
// matches them): $values holds {v, postcode, line}.
UNWIND $values AS x
MATCH (n:Location {postcode: x.postcode}) WHERE toLower(trim(split(n.address, ',')[0])) = x.line
WITH x.v AS v, n ORDER BY n.id
RETURN v, collect(n)[..20] AS nodes
