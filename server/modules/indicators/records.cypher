// School and health records about the child by $asOf: the schools the child attends (ATTENDS) and
// incidents of kind school_absence and health_flag about the child (VICTIM_OF).
MATCH (c:Person {id: $childId})
OPTIONAL MATCH (c)-[a:ATTENDS]->(s:Location)
WHERE {{dated a}}
WITH c, collect(CASE WHEN s IS NULL THEN null ELSE {s: s, a: a} END) AS schools
OPTIONAL MATCH (c)-[vo:VICTIM_OF]->(i:Incident)
WHERE i.kind IN ['school_absence', 'health_flag'] AND {{dated i}}
WITH schools, i, vo ORDER BY i.date, i.id
RETURN schools, collect(CASE WHEN i IS NULL THEN null ELSE {i: i, vo: vo} END) AS flags
