// A meeting's record: every version, newest first, and every action of the meeting.
MATCH (m:Meeting {id: $meetingId})
CALL (m) {
  OPTIONAL MATCH (r:MeetingRecord {meetingId: m.id})
  WITH r ORDER BY r.version DESC
  RETURN collect(r) AS versions
}
CALL (m) {
  OPTIONAL MATCH (a:MeetingAction {meetingId: m.id})
  WITH a ORDER BY a.dueOn, a.id
  RETURN collect(a) AS actions
}
RETURN m, versions, actions
