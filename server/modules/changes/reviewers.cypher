// Users who may review a change: active, with a case role, not the caller.
MATCH (u:User)
WHERE u.username <> $caller AND coalesce(u.disabled, false) = false AND u.role IN ['analyst', 'safeguarding', 'licensing']
RETURN u.username AS username, u.role AS role ORDER BY username
