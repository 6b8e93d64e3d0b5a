// Blocking for names alike, first pass: how many persons carry each sound or name-group key
// (m: Double Metaphone, d: Daitch-Mokotoff, g: a name group: domain/names/keys.ts). One scan of
// the persons' stored keys, counted, nothing collected: the server keeps the rarest keys whose
// pairs fit its budget (duplicateNames.ts). Persons the caller may not see are counted here (the
// bound only gets tighter) and left out when the pairs' persons are read (duplicatePersons.cypher).
MATCH (p:Person)
WHERE p.nameKeys IS NOT NULL
UNWIND [k IN split(p.nameKeys, ' ') WHERE k STARTS WITH 'm' OR k STARTS WITH 'd' OR k STARTS WITH 'g'] AS key
WITH key, count(*) AS n
WHERE n >= 2 AND n <= $groupCap
RETURN key, n
ORDER BY n, key
LIMIT $keyCap
