// Keeps one change (made or refused) and, when made, applies it to its subject in the same
// transaction: $set holds the new values (names fixed by the change's kind in resolvers.ts), and a
// case closed appends `date:closed` to the incident's history (appended, never overwritten).
MATCH (s:Entity {id: $change.subjectId})
CREATE (c:Change)
SET c = $change
FOREACH (_ IN CASE WHEN c.outcome = 'made' THEN [1] ELSE [] END |
  SET s += $set
  SET s.history = CASE WHEN $historyEntry IS NULL THEN s.history ELSE coalesce(s.history, []) + $historyEntry END)
RETURN properties(c) AS change
