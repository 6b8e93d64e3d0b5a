// Who holds the handset's number: the persons recorded as having (HAS_PHONE) a phone with it.
MATCH (p:Person)-[h:HAS_PHONE]->(ph:Phone {phoneNo: $phoneNo})
RETURN p, ph, h.sources AS sources
ORDER BY p.id
