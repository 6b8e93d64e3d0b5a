// The holding team's answer to a pending request (the team is checked by the caller before).
MATCH (q:AccessRequest {id: $id, status: 'pending'})
MATCH (x:Restriction {id: q.restrictionId})
SET q.status = $status, q.answeredBy = $by, q.answeredAt = $now, q.answer = $answer
RETURN properties(q) AS q, properties(x) AS x
