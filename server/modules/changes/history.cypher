// The changes of one record, oldest first.
MATCH (c:Change {subjectId: $subjectId})
RETURN properties(c) AS change ORDER BY c.at, c.id
