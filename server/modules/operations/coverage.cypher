// Suspects on an operation's chart, each with whether anything was ever done about them:
// a disposition beyond "identified", an abduction notice served on them, or a licensing action
// (a licence they hold suspended, revoked or refused).
MATCH (o:Operation {id: $operationId})
// Links only reports withheld from the caller support ($withheld) are not the caller's to count.
OPTIONAL MATCH (p:Person)-[c:ON_CHART]->(o)
WHERE coalesce(c.role, 'suspect') = 'suspect' AND NOT (size(coalesce(c.sources, [])) > 0 AND all(s IN c.sources WHERE s IN $withheld))
WITH o, p, c
RETURN o, p, coalesce(c.disposition, 'identified') AS disposition,
       coalesce(c.disposition, 'identified') IN ['arrested', 'charged', 'convicted', 'acquitted', 'disrupted']
         OR (p IS NOT NULL AND EXISTS { (:Notice)-[s:SERVED_ON]->(p) WHERE NOT (size(coalesce(s.sources, [])) > 0 AND all(s IN s.sources WHERE s IN $withheld)) })
         OR (p IS NOT NULL AND EXISTS { (p)-[h:HOLDS]->(l:Licence) WHERE l.status IN ['suspended', 'revoked', 'refused'] AND NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld)) }) AS actioned,
       p IS NOT NULL AND EXISTS { (p)-[h:HOLDS]->(l:Licence) WHERE l.kind IN ['driver', 'operator'] AND l.status = 'active' AND NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld)) } AS licensed
