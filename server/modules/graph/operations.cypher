// Operations (charts), newest first.
MATCH (o:Operation)
RETURN o
ORDER BY o.startedOn DESC, o.id
LIMIT 200
