UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.start})
OPTIONAL MATCH (b:Entity {id: row.end})
FOREACH (_ IN CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN [1] ELSE [] END |
  MERGE (a)-[r:KNOWS {id: row.id}]->(b)
  SET r += row.props
  SET r.datedOn = [d IN [r.from] WHERE d IS NOT NULL AND toString(d) =~ '\\d{4}-\\d{2}-\\d{2}.*' | left(toString(d), 10)][0])
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line, a IS NULL AS noStart, b IS NULL AS noEnd, row.start AS start, row.end AS end
