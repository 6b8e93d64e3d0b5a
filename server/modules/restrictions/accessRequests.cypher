// Requests to the caller's team (to answer) and the caller's own, newest first.
MATCH (q:AccessRequest) WHERE $status IS NULL OR q.status = $status
MATCH (x:Restriction {id: q.restrictionId})
WITH q, x WHERE q.requester = $username
  OR (x.team IS NOT NULL AND toLower(trim(x.team)) = $team AND toLower(trim(coalesce(x.agency, ''))) = $agency)
RETURN properties(q) AS q, properties(x) AS x
ORDER BY q.requestedAt DESC
LIMIT 500
