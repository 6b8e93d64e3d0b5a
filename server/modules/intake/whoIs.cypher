// Persons reachable from handset entries saved under a nickname however it is written: one lookup
// on contact_saved_as_keys ($query is built from our own key alphabet: contactQuery.ts), the
// entries' holders, and whoever HAS_PHONE the saved number. An entry only withheld reports
// support ($withheld) is no evidence the caller may see: left out here (the index's cap, $cap
// entries in order of relevance, saved word first, is wide enough for a nickname's entries). How
// each entry matched is worked out in the server from its savedAs as the caller sees it (whoIs.ts).
CALL db.index.fulltext.queryRelationships('contact_saved_as_keys', $query, {limit: $cap})
YIELD relationship AS c
MATCH (holder:Person)-[c]->(phone:Phone)
WHERE NOT {{held c}}
MATCH (person:Person)-[h:HAS_PHONE]->(phone)
WHERE person <> holder
WITH person, phone, h, collect(DISTINCT {holder: holder.id, contact: c, sources: coalesce(c.sources, [])}) AS handsets
WITH person,
     collect({phone: phone.phoneNo, phoneId: phone.id, attribution: {basis: h.basis, confidence: h.confidence, sources: coalesce(h.sources, [])}, handsets: handsets}) AS numbers
RETURN person, numbers
LIMIT 1000
