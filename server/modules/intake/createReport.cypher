// The report itself, dated by when it was received (datedOn: the as-of rule).
CREATE (r:Entity:Report {id: $id})
SET r += $props
SET r.datedOn = {{nodeDatedOn r}}
RETURN r
