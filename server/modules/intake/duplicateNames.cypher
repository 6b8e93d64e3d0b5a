// Blocking for names alike, second pass: the ids of the persons carrying each key the server
// kept ($keys, a map key → true, looked up in constant time), grouped by key. Every group holds
// at most the cap the first pass counted, so what is collected is bounded by the pair budget, not
// by the graph; the server pairs them (duplicateNames.ts).
MATCH (p:Person)
WHERE p.nameKeys IS NOT NULL
UNWIND [k IN split(p.nameKeys, ' ') WHERE $keys[k] IS NOT NULL] AS key
WITH key, collect(p.id) AS ids
WHERE size(ids) >= 2
RETURN ids
