// Blocking for names alike, first pass: how many persons carry each sound or name-group key
// (m: Double Metaphone, d: Daitch-Mokotoff, g: a name group: domain/names/keys.ts). One scan of
// the persons' stored keys, counted, nothing collected: the server keeps the rarest keys whose
// pairs fit its budget (duplicateNames.ts). Persons only withheld reports support are left out.
MATCH (p:Person)
WHERE p.nameKeys IS NOT NULL
  AND NOT (size(coalesce(p.sources, [])) > 0 AND all(s IN p.sources WHERE s IN $withheld))
UNWIND p.nameKeys AS key
WITH key
WHERE key STARTS WITH 'm' OR key STARTS WITH 'd' OR key STARTS WITH 'g'
WITH key, count(*) AS n
WHERE n >= 2 AND n <= $groupCap
RETURN key, n
ORDER BY n, key
LIMIT $keyCap
