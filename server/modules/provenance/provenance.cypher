// Reports by id, and the reports that mention an entity (MENTIONS is provenance, DESIGN.md §4).
CALL {
  MATCH (r:Report) WHERE r.id IN $reportIds
  RETURN r
  UNION
  MATCH (r:Report)-[:MENTIONS]->(:Entity {id: $entityId})
  RETURN r
}
RETURN DISTINCT r
ORDER BY r.receivedOn, r.id
LIMIT $cap
