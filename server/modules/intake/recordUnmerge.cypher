// Records an unmerge decision: who, why, when.
CREATE (:MergeDecision {id: $id, undoes: $absorbed, reason: $reason, by: $by, at: datetime()})
