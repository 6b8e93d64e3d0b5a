// Persons not party to any incident who live with a relative (FAMILY_REL and the same
// CURRENT_ADDRESS) who is not either, scored by that relative's distinct contacts who are.
// As of $asOf: links and incidents dated later are out of view; links only reports withheld from
// the caller support ($withheld) are not the caller's.
MATCH (p:Person)-[f:FAMILY_REL]-(relative:Person),
      (p)-[a1:CURRENT_ADDRESS]->(home:Location)<-[a2:CURRENT_ADDRESS]-(relative)
WHERE ($asOf IS NULL OR (coalesce(f.from, '') <= $asOf AND coalesce(a1.from, '') <= $asOf AND coalesce(a2.from, '') <= $asOf))
  AND NOT (size(coalesce(f.sources, [])) > 0 AND all(s IN f.sources WHERE s IN $withheld)) AND NOT (size(coalesce(a1.sources, [])) > 0 AND all(s IN a1.sources WHERE s IN $withheld)) AND NOT (size(coalesce(a2.sources, [])) > 0 AND all(s IN a2.sources WHERE s IN $withheld))
  AND NOT EXISTS { (p)-[pt:PARTY_TO]->(i:Incident) WHERE ($asOf IS NULL OR coalesce(i.date, '') <= $asOf) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld)) }
  AND NOT EXISTS { (relative)-[pt:PARTY_TO]->(i:Incident) WHERE ($asOf IS NULL OR coalesce(i.date, '') <= $asOf) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld)) }
MATCH (relative)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE]-(contact:Person)
WHERE contact <> p
  AND ($asOf IS NULL OR coalesce(k.from, '') <= $asOf)
  AND NOT (size(coalesce(k.sources, [])) > 0 AND all(s IN k.sources WHERE s IN $withheld))
  AND EXISTS { (contact)-[pt:PARTY_TO]->(i:Incident) WHERE ($asOf IS NULL OR coalesce(i.date, '') <= $asOf) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld)) }
WITH p, count(DISTINCT contact) AS score, collect(DISTINCT relative.id) AS relatives, collect(DISTINCT home.id) AS homes,
     collect(DISTINCT contact.id)[..20] AS contacts
RETURN p, score, relatives, homes, contacts
ORDER BY score DESC, p.id
LIMIT $top
