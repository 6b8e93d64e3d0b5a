// Unacknowledged deliveries sent before $before and not yet escalated, with the managers of the
// receiving agency (and role, when the delivery names one) to name in the alert.
MATCH (d:Delivery {status: 'unacknowledged'})
WHERE d.sentAt < $before AND d.escalatedAt IS NULL
OPTIONAL MATCH (u:User)
WHERE u.manager = true AND coalesce(u.disabled, false) = false
  AND toLower(trim(u.agency)) = toLower(trim(d.toAgency))
  AND (d.toRole IS NULL OR u.role = d.toRole)
WITH d, collect(u.username) AS managers
RETURN d.id AS id, d.kind AS kind, d.fromAgency AS fromAgency, d.fromRole AS fromRole, d.toAgency AS toAgency,
       d.toRole AS toRole, d.sentAt AS sentAt, d.subjectIds AS subjectIds, managers
ORDER BY d.sentAt
LIMIT 500
