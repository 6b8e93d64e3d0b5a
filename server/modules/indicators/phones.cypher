// The child's own phones (HAS_PHONE), each with the link that attributes it, recorded by $asOf.
MATCH (c:Person {id: $childId})-[h:HAS_PHONE]->(ph:Phone)
WHERE {{dated h}}
RETURN ph, h
ORDER BY ph.id
