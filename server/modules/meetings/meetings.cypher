// Meetings, newest first, with the count of their record's versions and of open and overdue actions.
MATCH (m:Meeting)
WHERE $kind IS NULL OR m.kind = $kind
WITH m ORDER BY m.date DESC, m.id DESC LIMIT $limit
CALL (m) {
  OPTIONAL MATCH (r:MeetingRecord {meetingId: m.id})
  RETURN count(r) AS versions
}
CALL (m) {
  OPTIONAL MATCH (a:MeetingAction {meetingId: m.id, status: 'open'})
  RETURN count(a) AS openActions, count(CASE WHEN a.dueOn < $today THEN 1 END) AS overdueActions
}
RETURN m, versions, openActions, overdueActions
