// A new restriction, held by the caller's team (a service record beside the graph: no Entity label,
// no relationship to its target, which it names by id).
CREATE (x:Restriction {id: $id, scope: $scope, targetId: $targetId, team: $team, agency: $agency, reason: $reason,
                       since: $since, reviewDue: $reviewDue, createdBy: $by, ownerRole: $role, createdAt: $now})
RETURN properties(x) AS x
