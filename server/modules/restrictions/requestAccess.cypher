// One pending request per requester and restriction: asking again returns the one waiting.
MATCH (x:Restriction {id: $restrictionId}) WHERE x.liftedAt IS NULL
OPTIONAL MATCH (old:AccessRequest {restrictionId: x.id, requester: $by, status: 'pending'})
CALL (x, old) {
  WITH x, old WHERE old IS NULL
  CREATE (q:AccessRequest {id: $id, restrictionId: x.id, requester: $by, requesterTeam: $team, requesterAgency: $agency,
                           requesterRole: $role, reason: $reason, status: 'pending', requestedAt: $now})
  RETURN q
  UNION
  WITH old WHERE old IS NOT NULL
  RETURN old AS q
}
RETURN properties(q) AS q, properties(x) AS x
