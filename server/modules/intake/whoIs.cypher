// Persons reachable from handset contacts saved under a nickname: the child's handset holds a
// number saved as $nickname (or "$nickname 2", "$nickname new", …); HAS_PHONE says whose it is.
MATCH (holder:Person)-[c:HAS_CONTACT]->(phone:Phone)
WHERE toLower(trim(c.savedAs)) = $nickname OR toLower(trim(c.savedAs)) STARTS WITH $nickname + ' '
MATCH (person:Person)-[h:HAS_PHONE]->(phone)
WHERE person <> holder
WITH person, phone, h, collect(DISTINCT {holder: holder.id, savedAs: c.savedAs, sources: coalesce(c.sources, [])}) AS handsets
WITH person,
     collect({phone: phone.phoneNo, phoneId: phone.id, attribution: {basis: h.basis, confidence: h.confidence, sources: coalesce(h.sources, [])}, handsets: handsets}) AS numbers
RETURN person, numbers
LIMIT 200
