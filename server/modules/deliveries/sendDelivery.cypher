// A delivery as sent: written once; only its acknowledgement and escalation are added later.
CREATE (d:Delivery {
  id: $id, kind: $kind, title: $title, note: $note, subjectIds: $subjectIds,
  sentBy: $by, fromAgency: $fromAgency, fromRole: $fromRole, sentAt: $now,
  toAgency: $toAgency, toRole: $toRole, status: 'unacknowledged', escalatedTo: []
})
RETURN d
