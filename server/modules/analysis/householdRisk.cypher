// Persons not party to any incident who live with a relative (FAMILY_REL and the same
// CURRENT_ADDRESS) who is not either, scored by that relative's distinct contacts who are.
MATCH (p:Person)-[:FAMILY_REL]-(relative:Person),
      (p)-[:CURRENT_ADDRESS]->(home:Location)<-[:CURRENT_ADDRESS]-(relative)
WHERE NOT (p)-[:PARTY_TO]->(:Incident) AND NOT (relative)-[:PARTY_TO]->(:Incident)
MATCH (relative)-[:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE]-(contact:Person)
WHERE contact <> p AND (contact)-[:PARTY_TO]->(:Incident)
WITH p, count(DISTINCT contact) AS score, collect(DISTINCT relative.id) AS relatives, collect(DISTINCT home.id) AS homes,
     collect(DISTINCT contact.id)[..20] AS contacts
RETURN p, score, relatives, homes, contacts
ORDER BY score DESC, p.id
LIMIT $top
