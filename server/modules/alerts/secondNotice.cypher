// A second (or later) notice served on the same person.
MATCH (n:Notice)-[:SERVED_ON]->(p:Person)
WHERE $ids IS NULL OR n.id IN $ids OR p.id IN $ids
WITH DISTINCT p
MATCH (m:Notice)-[:SERVED_ON]->(p)
WITH p, collect(m.id) AS notices
WHERE size(notices) >= 2
RETURN 'second_notice:' + p.id + ':' + size(notices) AS key, 'second_notice' AS rule, ['analyst'] AS audience,
       coalesce(p.name + ' ' + p.surname, p.id) + ' (' + p.id + ') now has ' + size(notices) + ' notices served on them.' AS summary,
       [p.id] + notices AS entityIds
