// One batch of nodes sharing the same labels ({{:labels}}, of the vocabulary), MERGEd on id: each
// also gets the Entity label, its as-of date (datedOn, domain/asOf.ts) and, for a batch that carries
// coordinates, the `point` the map and the point index use (the locatedPoint slot is switched off
// for a batch without: a fifth faster).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:{{:labels}}
SET n += row.props
SET n.datedOn = {{nodeDatedOn n}}
{{locatedPoint n}}
