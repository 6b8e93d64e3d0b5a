// An action's new state, its change appended to its history (never rewritten).
MATCH (a:MeetingAction {id: $id})
SET a.status = $status,
    a.outcome = coalesce($outcome, a.outcome),
    a.dueOn = coalesce($dueOn, a.dueOn),
    a.history = a.history + [$change]
WITH a
OPTIONAL MATCH (m:Meeting {id: a.meetingId})
RETURN a, m
