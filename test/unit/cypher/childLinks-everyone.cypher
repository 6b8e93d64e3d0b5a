CALL {
  MATCH (p:Person)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(c:Person {child: true})
  WHERE true AND ($asOf IS NULL OR (coalesce(i.datedOn, '') <= $asOf AND (i.to IS NULL OR i.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pt.datedOn, '') <= $asOf AND (pt.to IS NULL OR pt.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(v.datedOn, '') <= $asOf AND (v.to IS NULL OR v.to >= $asOf)))
  RETURN p, c, 'incident' AS kind, i.id AS via, i.date AS date,
         'party to ' + coalesce(i.kind, 'an incident') + ' ' + i.id + ' where the child is the victim' AS description,
         coalesce(i.sources, []) + coalesce(pt.sources, []) + coalesce(v.sources, []) AS sources
  UNION
  MATCH (n:Notice)-[s:SERVED_ON]->(p:Person), (n)-[pr:PROTECTS]->(c:Person)
  WHERE true AND ($asOf IS NULL OR (coalesce(n.datedOn, '') <= $asOf AND (n.to IS NULL OR n.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(s.datedOn, '') <= $asOf AND (s.to IS NULL OR s.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pr.datedOn, '') <= $asOf AND (pr.to IS NULL OR pr.to >= $asOf)))
  RETURN p, c, 'notice' AS kind, n.id AS via, n.servedOn AS date,
         'abduction notice ' + n.id + ' served on the person protects the child' AS description,
         coalesce(n.sources, []) + coalesce(s.sources, []) AS sources
  UNION
  MATCH (p:Person)-[hp:HAS_PHONE]->(ph:Phone)<-[h:HAS_CONTACT]-(c:Person {child: true})
  WHERE true AND ($asOf IS NULL OR (coalesce(hp.datedOn, '') <= $asOf AND (hp.to IS NULL OR hp.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(h.datedOn, '') <= $asOf AND (h.to IS NULL OR h.to >= $asOf)))
  RETURN p, c, 'phone contact' AS kind, ph.id AS via, coalesce(h.from, hp.from) AS date,
         'the person\'s phone ' + coalesce(ph.phoneNo, ph.id) + ' is in the child\'s handset as "' + coalesce(h.savedAs, '?') + '"' AS description,
         coalesce(h.sources, []) + coalesce(hp.sources, []) AS sources
  UNION
  MATCH (p:Person)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  WHERE true AND ($asOf IS NULL OR (coalesce(k.datedOn, '') <= $asOf AND (k.to IS NULL OR k.to >= $asOf)))
  RETURN p, c, 'direct link' AS kind, k.id AS via, k.from AS date,
         'direct ' + type(k) + ' link' AS description, coalesce(k.sources, []) AS sources
}
WITH p, c, kind, via, date, description,
     [s IN sources WHERE ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: s}) WHERE coalesce(rep.datedOn, '') <= $asOf })] AS sources
WHERE coalesce(p.child, false) = false

WITH p, c, kind, via, date, description, sources
WHERE NOT (size(sources) > 0 AND all(rid IN sources WHERE rid IN $withheld))
RETURN p, c, kind, via, date, description, sources
ORDER BY p.id, c.id, kind, via
LIMIT $cap
