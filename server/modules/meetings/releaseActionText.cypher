// A released version of an action's text (the viewer shows it where the original is withheld).
MATCH (a:MeetingAction {id: $id})
SET a.released_text = $text, a.releasedBy = $by, a.releasedAt = $now
WITH a
OPTIONAL MATCH (m:Meeting {id: a.meetingId})
RETURN a, m
