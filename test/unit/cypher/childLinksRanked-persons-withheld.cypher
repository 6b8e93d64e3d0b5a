CALL {
  MATCH (p:Person)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(c:Person {child: true})
  WHERE p.id IN $personIds AND ($asOf IS NULL OR (coalesce(i.datedOn, '') <= $asOf AND (i.to IS NULL OR i.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pt.datedOn, '') <= $asOf AND (pt.to IS NULL OR pt.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(v.datedOn, '') <= $asOf AND (v.to IS NULL OR v.to >= $asOf)))
    AND (none(rid IN coalesce(i.sources, []) + coalesce(pt.sources, []) + coalesce(v.sources, []) WHERE ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })) OR any(rid IN coalesce(i.sources, []) + coalesce(pt.sources, []) + coalesce(v.sources, []) WHERE NOT rid IN $withheld AND ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })))
  RETURN p, c
  UNION
  MATCH (n:Notice)-[s:SERVED_ON]->(p:Person), (n)-[pr:PROTECTS]->(c:Person)
  WHERE p.id IN $personIds AND ($asOf IS NULL OR (coalesce(n.datedOn, '') <= $asOf AND (n.to IS NULL OR n.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(s.datedOn, '') <= $asOf AND (s.to IS NULL OR s.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pr.datedOn, '') <= $asOf AND (pr.to IS NULL OR pr.to >= $asOf)))
    AND (none(rid IN coalesce(n.sources, []) + coalesce(s.sources, []) WHERE ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })) OR any(rid IN coalesce(n.sources, []) + coalesce(s.sources, []) WHERE NOT rid IN $withheld AND ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })))
  RETURN p, c
  UNION
  MATCH (p:Person)-[hp:HAS_PHONE]->(ph:Phone)<-[h:HAS_CONTACT]-(c:Person {child: true})
  WHERE p.id IN $personIds AND ($asOf IS NULL OR (coalesce(hp.datedOn, '') <= $asOf AND (hp.to IS NULL OR hp.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(h.datedOn, '') <= $asOf AND (h.to IS NULL OR h.to >= $asOf)))
    AND (none(rid IN coalesce(h.sources, []) + coalesce(hp.sources, []) WHERE ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })) OR any(rid IN coalesce(h.sources, []) + coalesce(hp.sources, []) WHERE NOT rid IN $withheld AND ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })))
  RETURN p, c
  UNION
  MATCH (p:Person)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  WHERE p.id IN $personIds AND ($asOf IS NULL OR (coalesce(k.datedOn, '') <= $asOf AND (k.to IS NULL OR k.to >= $asOf)))
    AND (none(rid IN coalesce(k.sources, []) WHERE ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })) OR any(rid IN coalesce(k.sources, []) WHERE NOT rid IN $withheld AND ($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: rid}) WHERE coalesce(rep.datedOn, '') <= $asOf })))
  RETURN p, c
}
WITH p, count(DISTINCT c) AS children
WITH children, collect(p) AS persons
ORDER BY children DESC
UNWIND persons AS p
WITH p, children
WHERE coalesce(p.child, false) = false
RETURN p, children
ORDER BY children DESC, p.id
LIMIT $top
