// Lifting keeps the record: who lifted it, when and why.
MATCH (x:Restriction {id: $id}) WHERE x.liftedAt IS NULL
SET x.liftedAt = $now, x.liftedBy = $by, x.liftReason = $reason
RETURN properties(x) AS x, 0 AS pending
