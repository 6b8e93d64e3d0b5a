MATCH (p:Person)
WHERE coalesce(p.child, false) = false
  AND NOT EXISTS { (p)-[pt:PARTY_TO]->(i:Incident) WHERE ($asOf IS NULL OR (coalesce(i.datedOn, '') <= $asOf AND (i.to IS NULL OR i.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pt.datedOn, '') <= $asOf AND (pt.to IS NULL OR pt.to >= $asOf))) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(rid IN pt.sources WHERE rid IN $withheld)) }
MATCH (p)-[r WHERE type(r) IN $linkTypes AND ($asOf IS NULL OR (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf))) AND NOT (size(coalesce(r.sources, [])) > 0 AND all(rid IN r.sources WHERE rid IN $withheld))]-{1,2}(q:Person)
WHERE q <> p AND EXISTS { (q)-[pt:PARTY_TO]->(i:Incident) WHERE ($asOf IS NULL OR (coalesce(i.datedOn, '') <= $asOf AND (i.to IS NULL OR i.to >= $asOf))) AND ($asOf IS NULL OR (coalesce(pt.datedOn, '') <= $asOf AND (pt.to IS NULL OR pt.to >= $asOf))) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(rid IN pt.sources WHERE rid IN $withheld)) }
WITH p, collect(DISTINCT q.id) AS near
RETURN p, size(near) AS score, near[..20] AS near
ORDER BY score DESC, p.id
LIMIT $top
