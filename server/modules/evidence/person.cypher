// The person an evidence pack is about: an adult (a child is never the subject of a pack).
MATCH (p:Person {id: $personId})
WHERE coalesce(p.child, false) = false
RETURN p
