MATCH (u:User {username: $username})
SET u.manager = $manager
RETURN u.username AS username, u.role AS role, u.agency AS agency, u.manager AS manager
