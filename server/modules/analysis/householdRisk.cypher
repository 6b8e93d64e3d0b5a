// Persons not party to any incident who live with a relative (FAMILY_REL and the same
// CURRENT_ADDRESS) who is not either, scored by that relative's distinct contacts who are.
// As of $asOf: links and incidents out of view (the as-of rule: dated later, or ended before) do not count; links only reports withheld from
// the caller support ($withheld) are not the caller's.
MATCH (p:Person)-[f:FAMILY_REL]-(relative:Person),
      (p)-[a1:CURRENT_ADDRESS]->(home:Location)<-[a2:CURRENT_ADDRESS]-(relative)
WHERE {{asOf f}} AND {{asOf a1}} AND {{asOf a2}}
  AND NOT {{held f}} AND NOT {{held a1}} AND NOT {{held a2}}
  AND NOT EXISTS { (p)-[pt:PARTY_TO]->(i:Incident) WHERE {{asOf i}} AND {{asOf pt}} AND NOT {{held pt}} }
  AND NOT EXISTS { (relative)-[pt:PARTY_TO]->(i:Incident) WHERE {{asOf i}} AND {{asOf pt}} AND NOT {{held pt}} }
MATCH (relative)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE]-(contact:Person)
WHERE contact <> p
  AND {{asOf k}}
  AND NOT {{held k}}
  AND EXISTS { (contact)-[pt:PARTY_TO]->(i:Incident) WHERE {{asOf i}} AND {{asOf pt}} AND NOT {{held pt}} }
WITH p, count(DISTINCT contact) AS score, collect(DISTINCT relative.id) AS relatives, collect(DISTINCT home.id) AS homes,
     collect(DISTINCT contact.id)[..20] AS contacts
RETURN p, score, relatives, homes, contacts
ORDER BY score DESC, p.id
LIMIT $top
