// Saves (or replaces) a named chart. Not an Entity: a service record outside the case graph, so it
// never appears in search, expansion or analysis.
MERGE (c:SavedChart {name: $name})
ON CREATE SET c.id = $id, c.createdBy = $username, c.createdAt = $now
SET c.updatedBy = $username, c.updatedAt = $now, c.state = $state,
    c.entityIds = $entityIds, c.linkIds = $linkIds, c.nodeCount = size($entityIds)
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount} AS chart
