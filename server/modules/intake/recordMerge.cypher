// Records a merge decision: who, why, when.
CREATE (m:MergeDecision {id: $mergeId, survivor: $survivor, absorbed: $absorbed, reason: $reason, by: $by, at: datetime()})
