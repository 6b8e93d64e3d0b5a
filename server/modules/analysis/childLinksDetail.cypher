// After childLinks.cypher: what the routes of each person are that the caller may see — their kinds
// and the reports behind them (counted distinct by the caller).
WITH p, c, kind, via, date, description, sources
WHERE NOT {{heldList sources}}
RETURN p.id AS id, collect(DISTINCT kind) AS routeKinds, collect(sources) AS sourceLists
