// The agency of a chart's owner.
MATCH (u:User {username: $owner}) RETURN u.agency AS agency
