// Moves every link of an absorbed person onto the survivor, non-destructively: each moved link is
// recreated with the same type and properties plus mergedFrom (the absorbed id), mergeId and
// mergedEnd (which end was the absorbed person), so that unmerge can put it back exactly. Moved
// links and the survivor keep the as-of date their properties give them (datedOn, domain/asOf.ts).
MATCH (survivor:Person {id: $survivor}), (absorbed:Person {id: $absorbed})
CALL {
  WITH survivor, absorbed
  MATCH (absorbed)-[r]-(other)
  WITH DISTINCT survivor, absorbed, r, startNode(r) AS s, endNode(r) AS e
  WITH survivor, absorbed, r, type(r) AS t, properties(r) AS props,
       CASE WHEN s = absorbed AND e = absorbed THEN 'both' WHEN s = absorbed THEN 'start' ELSE 'end' END AS mergedEnd,
       CASE WHEN s = absorbed THEN survivor ELSE s END AS newStart,
       CASE WHEN e = absorbed THEN survivor ELSE e END AS newEnd
  CREATE (newStart)-[moved:$(t)]->(newEnd)
  SET moved = props, moved.mergedFrom = absorbed.id, moved.mergeId = $mergeId, moved.mergedEnd = mergedEnd
  SET moved.datedOn = {{linkDatedOn moved}}
  DELETE r
  RETURN count(*) AS moved
}
REMOVE absorbed:Entity:Person
SET absorbed:MergedPerson, absorbed.mergedInto = survivor.id, absorbed.mergeId = $mergeId
SET survivor.mergedFrom = coalesce(survivor.mergedFrom, []) + absorbed.id
SET survivor.datedOn = {{nodeDatedOn survivor}}
RETURN moved
