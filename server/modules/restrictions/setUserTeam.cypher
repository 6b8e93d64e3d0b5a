// Sets a user's team and says which team they were in before, and the restrictions each team holds
// (so their holders can be told who joined or left).
MATCH (u:User {username: $username})
WITH u, u.team AS before
SET u.team = $team, u.updatedAt = datetime()
WITH u, before
OPTIONAL MATCH (x:Restriction)
WHERE x.liftedAt IS NULL AND toLower(x.team) IN [toLower(coalesce(before, '')), toLower(coalesce($team, ''))]
  AND coalesce(x.agency, '') = coalesce(u.agency, '')
RETURN u.username AS username, u.agency AS agency, u.team AS team, before,
       collect(x {.id, .targetId, .team, .ownerRole}) AS held
