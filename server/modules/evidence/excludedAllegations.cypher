// Allegations excluded from a pack on this person by a reasoned change (server/modules/changes:
// kind allegation_excluded, with a reason code and a named reviewer): an incident or a report.
MATCH (c:Change {kind: 'allegation_excluded', outcome: 'made', contextId: $personId})
RETURN c.subjectId AS subjectId, c.reasonCode AS reasonCode, c.reviewer AS reviewer, c.at AS at
ORDER BY c.at
