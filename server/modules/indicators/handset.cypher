// Entries in the child's handset (HAS_CONTACT) recorded by $asOf, each with the adults who hold that
// number (HAS_PHONE; children are left out: contact with adults' phones is the indicator).
// `downloaded` says whether any handset entry is held at all ("no handset download" otherwise).
MATCH (c:Person {id: $childId})
OPTIONAL MATCH (c)-[h:HAS_CONTACT]->(ph:Phone)
WHERE {{dated h}}
WITH c, h, ph
OPTIONAL MATCH (p:Person)-[hp:HAS_PHONE]->(ph)
WHERE p <> c AND coalesce(p.child, false) = false AND {{dated hp}}
WITH h, ph, collect(CASE WHEN p IS NULL THEN null ELSE {p: p, hp: hp} END) AS holders
RETURN h, ph, holders
ORDER BY ph.id
