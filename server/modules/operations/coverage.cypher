// Suspects on an operation's chart, each with whether anything was ever done about them:
// a disposition beyond "identified", an abduction notice served on them, or a licensing action
// (a licence they hold suspended, revoked or refused).
MATCH (o:Operation {id: $operationId})
OPTIONAL MATCH (p:Person)-[c:ON_CHART]->(o)
WHERE coalesce(c.role, 'suspect') = 'suspect'
WITH o, p, c
RETURN o, p, coalesce(c.disposition, 'identified') AS disposition,
       coalesce(c.disposition, 'identified') IN ['arrested', 'charged', 'convicted', 'acquitted', 'disrupted']
         OR (p IS NOT NULL AND EXISTS { (:Notice)-[:SERVED_ON]->(p) })
         OR (p IS NOT NULL AND EXISTS { (p)-[:HOLDS]->(l:Licence) WHERE l.status IN ['suspended', 'revoked', 'refused'] }) AS actioned,
       p IS NOT NULL AND EXISTS { (p)-[:HOLDS]->(l:Licence) WHERE l.kind IN ['driver', 'operator'] AND l.status = 'active' } AS licensed
