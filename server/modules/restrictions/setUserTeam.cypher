MATCH (u:User {username: $username})
SET u.team = $team, u.updatedAt = datetime()
RETURN u.username AS username, u.agency AS agency, u.team AS team
