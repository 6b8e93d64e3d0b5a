// One batch of links of one type ({{:type}}, of the vocabulary) MERGEd on their own id between their
// endpoints, with their as-of date (datedOn, domain/asOf.ts).
UNWIND $rows AS row
MATCH (a:Entity {id: row.start}), (b:Entity {id: row.end})
MERGE (a)-[r:{{:type}} {id: row.id}]->(b)
SET r += row.props
SET r.datedOn = {{linkDatedOn r}}
