MATCH (q:AccessRequest {id: $id})
OPTIONAL MATCH (x:Restriction {id: q.restrictionId})
RETURN properties(q) AS q, properties(x) AS x
