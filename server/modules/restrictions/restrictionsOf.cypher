// Restrictions in force held by a team of an agency (compared as typed, case and spacing aside), or
// that the caller was granted access to; with the number of requests waiting for an answer.
MATCH (x:Restriction) WHERE x.liftedAt IS NULL
  AND ((x.team IS NOT NULL AND toLower(trim(x.team)) = $team AND toLower(trim(coalesce(x.agency, ''))) = $agency)
       OR EXISTS { MATCH (q:AccessRequest {restrictionId: x.id, requester: $username, status: 'granted'}) })
RETURN properties(x) AS x, COUNT { MATCH (q:AccessRequest {restrictionId: x.id, status: 'pending'}) } AS pending
ORDER BY x.reviewDue, x.id
