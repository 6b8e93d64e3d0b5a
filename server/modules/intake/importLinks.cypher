// One batch of imported links of one type ({{:type}}, of the vocabulary): MERGEd on their own id
// between their endpoints, with their as-of date (datedOn, domain/asOf.ts); rows whose start or end
// id is unknown are returned, with which end is missing, and write nothing.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.start})
OPTIONAL MATCH (b:Entity {id: row.end})
FOREACH (_ IN CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN [1] ELSE [] END |
  MERGE (a)-[r:{{:type}} {id: row.id}]->(b)
  SET r += row.props
  SET r.datedOn = {{linkDatedOn r}})
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line, a IS NULL AS noStart, b IS NULL AS noEnd, row.start AS start, row.end AS end
