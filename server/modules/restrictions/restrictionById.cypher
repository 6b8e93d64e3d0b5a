MATCH (x:Restriction {id: $id})
RETURN properties(x) AS x, COUNT { MATCH (q:AccessRequest {restrictionId: x.id, status: 'pending'}) } AS pending
