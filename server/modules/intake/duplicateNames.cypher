// Blocking for names alike, second pass: the persons carrying each key the server kept ($keys, a
// map key → true, looked up in constant time), grouped by key, paired within a group. Every
// group holds at most the cap the first pass counted, so what is collected is bounded by the
// pair budget, not by the graph. Whether a pair's names are alike is decided in the server from
// the names the caller sees (duplicateNames.ts).
MATCH (p:Person)
WHERE p.nameKeys IS NOT NULL
  AND NOT (size(coalesce(p.sources, [])) > 0 AND all(s IN p.sources WHERE s IN $withheld))
UNWIND p.nameKeys AS key
WITH key, p
WHERE $keys[key] IS NOT NULL
WITH key, collect(p) AS persons
UNWIND range(0, size(persons) - 2) AS i
UNWIND range(i + 1, size(persons) - 1) AS j
WITH persons[i] AS x, persons[j] AS y
WITH CASE WHEN x.id < y.id THEN x ELSE y END AS a, CASE WHEN x.id < y.id THEN y ELSE x END AS b
RETURN DISTINCT a, b
LIMIT $pairCap
