// The meeting and the number of its record's latest version (0 when never recorded).
MATCH (m:Meeting {id: $meetingId})
OPTIONAL MATCH (r:MeetingRecord {meetingId: $meetingId})
RETURN m, coalesce(max(r.version), 0) AS last
