// Escalated once: the alert's key is stored too, so a later check never raises it again.
MATCH (d:Delivery {id: $id})
WHERE d.escalatedAt IS NULL
SET d.escalatedAt = $now, d.escalatedTo = $managers
