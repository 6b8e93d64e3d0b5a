// A child abduction notice served on a person who holds a driver or operator licence, or drives for
// an operator, that licensing has not been told of. For licensing and analysts: the notice and its
// subject (an adult) only, never the child it protects.
MATCH (n:Notice)-[:SERVED_ON]->(p:Person)
WHERE ($ids IS NULL OR n.id IN $ids OR p.id IN $ids)
  AND n.licensingNotifiedOn IS NULL
  AND (EXISTS { (p)-[:HOLDS]->(l:Licence) WHERE l.kind IN ['driver', 'operator'] AND coalesce(l.status, 'active') = 'active' }
       OR EXISTS { (p)-[d:DRIVES_FOR]->(:Operator) WHERE d.to IS NULL })
RETURN 'notice_on_licensed:' + n.id AS key, 'notice_on_licensed' AS rule, ['licensing', 'analyst'] AS audience,
       'Child abduction notice ' + n.id + ' served ' + coalesce(n.servedOn, '(date not recorded)') + ' on ' +
       coalesce(p.name + ' ' + p.surname, p.id) + ' (' + p.id + '), who holds a licence or drives for an operator. Licensing has not been told.' AS summary,
       [n.id, p.id] AS entityIds
