// One batch of nodes from a backup: labels as they were (dynamic labels are parameters, never
// query text), properties as they were, and the temporary key relationships are joined on.
UNWIND $rows AS row
CREATE (n:$(row.l))
SET n = row.p, n:__Restore, n.__key = row.k
// A backup taken before records carried datedOn gets it now (domain/asOf.ts).
SET n.datedOn = CASE WHEN n:Entity THEN {{nodeDatedOn n}} END
