MATCH (u:User {username: $username})
RETURN u.username AS username, u.agency AS agency, u.team AS team
