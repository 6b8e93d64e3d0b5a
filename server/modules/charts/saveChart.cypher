// Saves (or replaces) the caller's own chart of that name. Charts belong to their author: another
// user's chart of the same name is a different chart and is untouched. Not an Entity: a service
// record outside the case graph, so it never appears in search, expansion or analysis.
// A chart saved before charts had owners belongs to its creator: it is adopted, not duplicated.
OPTIONAL MATCH (legacy:SavedChart {name: $name})
WHERE legacy.owner IS NULL AND legacy.createdBy = $username
SET legacy.owner = $username
WITH count(legacy) AS adopted
MERGE (c:SavedChart {owner: $username, name: $name})
ON CREATE SET c.id = $id, c.createdBy = $username, c.createdAt = $now
SET c.updatedBy = $username, c.updatedAt = $now, c.state = $state,
    c.entityIds = $entityIds, c.linkIds = $linkIds, c.nodeCount = size($entityIds),
    // Sharing not given: as it was. sharedWithAgency holds the agency it is shared with.
    c.sharedWithUsers = CASE WHEN $shareUsers THEN $sharedWithUsers ELSE coalesce(c.sharedWithUsers, []) END,
    c.sharedWithAgency = CASE WHEN $shareAgency THEN $sharedWithAgency ELSE c.sharedWithAgency END
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount, .sharedWithUsers, .sharedWithAgency, .owner} AS chart
