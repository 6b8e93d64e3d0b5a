// Abduction notices served on the person, with the child each protects (a descriptor) and where it
// was served.
MATCH (n:Notice)-[so:SERVED_ON]->(p:Person {id: $personId})
RETURN n, so,
       [(n)-[:PROTECTS]->(ch:Person) | ch] AS children,
       [(n)-[:SERVED_AT]->(l:Location) | l] AS servedAt
ORDER BY n.servedOn, n.id
