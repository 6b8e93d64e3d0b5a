MATCH (u:User) WHERE u.role <> 'admin'
RETURN u.username AS username, u.agency AS agency, u.team AS team
ORDER BY coalesce(u.team, '~'), u.username
