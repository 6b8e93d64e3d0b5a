// The child's missing episodes by $asOf, oldest first, with where the child was found (OCCURRED_AT).
MATCH (c:Person {id: $childId})-[vo:VICTIM_OF]->(i:Incident {kind: 'missing'})
WHERE {{dated i}}
OPTIONAL MATCH (i)-[o:OCCURRED_AT]->(l:Location)
RETURN i, vo, collect(l)[0] AS foundAt
ORDER BY i.date, i.id
