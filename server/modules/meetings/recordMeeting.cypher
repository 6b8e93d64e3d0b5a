// A new version of a meeting's record, never a change to an old one: the next number after the
// last (the unique id refuses a second writer of the same number), with the actions it records.
// $basedOn: the version the writer corrected (null for a first record); a newer one refuses.
MATCH (m:Meeting {id: $meetingId})
OPTIONAL MATCH (prev:MeetingRecord {meetingId: $meetingId})
WITH m, coalesce(max(prev.version), 0) AS last
WITH m, last, last + 1 AS version
WHERE coalesce($basedOn, 0) = last
CREATE (r:MeetingRecord {
  id: $meetingId + ':v' + toString(version),
  meetingId: $meetingId,
  version: version,
  recordedBy: $by,
  recordedAgency: $agency,
  recordedAt: $now,
  reason: $reason,
  attendees: $attendees,
  itemIds: $itemIds,
  notes: $notes,
  actionIds: [a IN $actions | a.id]
})
WITH r
CALL (r) {
  UNWIND $actions AS a
  CREATE (x:MeetingAction {
    id: a.id,
    meetingId: $meetingId,
    recordId: r.id,
    text: a.text,
    itemIds: a.itemIds,
    ownerUser: a.ownerUser,
    ownerAgency: a.ownerAgency,
    ownerRole: a.ownerRole,
    dueOn: a.dueOn,
    status: 'open',
    createdBy: $by,
    createdAgency: $agency,
    createdAt: $now,
    history: [a.history]
  })
  RETURN count(x) AS made
}
RETURN r
