// The receiving agency acknowledges once: who, when, what they decided.
MATCH (d:Delivery {id: $id})
WHERE toLower(trim(d.toAgency)) = $agency AND d.status = 'unacknowledged'
SET d.status = 'acknowledged', d.receivedBy = $by, d.receivedAt = $now, d.outcome = $decision
RETURN d
