// Which of these usernames ($names) are users.
MATCH (u:User) WHERE u.username IN $names RETURN u.username AS username
