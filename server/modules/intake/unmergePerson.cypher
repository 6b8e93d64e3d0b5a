// Puts an absorbed person back: labels restored, and every link moved from it returned to it with
// its original type and properties.
MATCH (absorbed:MergedPerson {id: $absorbed})
MATCH (survivor:Person {id: absorbed.mergedInto})
CALL {
  WITH survivor, absorbed
  MATCH (survivor)-[r]-()
  WHERE r.mergedFrom = absorbed.id
  WITH DISTINCT survivor, absorbed, r, startNode(r) AS s, endNode(r) AS e
  WITH absorbed, r, type(r) AS t, properties(r) AS props,
       CASE WHEN r.mergedEnd IN ['start', 'both'] THEN absorbed ELSE s END AS oldStart,
       CASE WHEN r.mergedEnd IN ['end', 'both'] THEN absorbed ELSE e END AS oldEnd
  CREATE (oldStart)-[back:$(t)]->(oldEnd)
  SET back = props
  REMOVE back.mergedFrom, back.mergeId, back.mergedEnd
  SET back.datedOn = {{linkDatedOn back}}
  DELETE r
  RETURN count(*) AS restored
}
REMOVE absorbed:MergedPerson
SET absorbed:Entity:Person
SET absorbed.datedOn = {{nodeDatedOn absorbed}}, survivor.datedOn = {{nodeDatedOn survivor}}
SET survivor.mergedFrom = [x IN coalesce(survivor.mergedFrom, []) WHERE x <> absorbed.id]
REMOVE absorbed.mergedInto, absorbed.mergeId
WITH survivor, absorbed, restored
// An emptied list is removed, so the survivor is exactly as before.
FOREACH (_ IN CASE WHEN size(survivor.mergedFrom) = 0 THEN [1] ELSE [] END | REMOVE survivor.mergedFrom)
RETURN absorbed, restored, survivor.id AS survivor
