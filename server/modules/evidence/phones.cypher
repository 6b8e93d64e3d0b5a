// The person's phones, with the children whose handsets hold the number (HAS_CONTACT) and the
// calls between the number and children's phones (CONTACTED, PhoneCall); children as descriptors.
MATCH (p:Person {id: $personId})-[hp:HAS_PHONE]->(ph:Phone)
RETURN ph, hp,
       [(ch:Person)-[h:HAS_CONTACT]->(ph) WHERE ch.child = true | {ch: ch, h: h}] AS inHandsets,
       [(ph)-[k:CONTACTED]-(:Phone)<-[:HAS_PHONE]-(ch:Person) WHERE ch.child = true | {ch: ch, k: k}] AS contacted,
       COLLECT {
         MATCH (ph)<-[:CALLER|CALLED]-(call:PhoneCall)-[:CALLER|CALLED]->(:Phone)<-[:HAS_PHONE]-(ch:Person)
         WHERE ch.child = true
         RETURN {ch: ch, call: call}
       } AS calls
ORDER BY ph.id
