// Suspects on an operation's chart, each with whether anything was ever done about them:
// a disposition beyond "identified", an abduction notice served on them, or a licensing action
// (a licence they hold suspended, revoked or refused).
MATCH (o:Operation {id: $operationId})
// Links only reports withheld from the caller support ($withheld) are not the caller's to count.
OPTIONAL MATCH (p:Person)-[c:ON_CHART]->(o)
WHERE coalesce(c.role, 'suspect') = 'suspect' AND NOT {{held c}}
WITH o, p, c
RETURN o, p, coalesce(c.disposition, 'identified') AS disposition,
       coalesce(c.disposition, 'identified') IN ['arrested', 'charged', 'convicted', 'acquitted', 'disrupted']
         OR (p IS NOT NULL AND EXISTS { (:Notice)-[s:SERVED_ON]->(p) WHERE NOT {{held s}} })
         OR (p IS NOT NULL AND EXISTS { (p)-[h:HOLDS]->(l:Licence) WHERE l.status IN ['suspended', 'revoked', 'refused'] AND NOT {{held h}} }) AS actioned,
       p IS NOT NULL AND EXISTS { (p)-[h:HOLDS]->(l:Licence) WHERE l.kind IN ['driver', 'operator'] AND l.status = 'active' AND NOT {{held h}} } AS licensed
