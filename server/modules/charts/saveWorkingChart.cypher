// Replaces the caller's working chart. Not an Entity: a service record outside the case graph, so
// it never appears in search, expansion or analysis. Returns the entities it held before, so that
// the audit records only changes of what is on the chart (not every move).
MERGE (w:WorkingChart {owner: $username})
WITH w, coalesce(w.entityIds, []) AS before
SET w.updatedAt = $now, w.state = $state, w.entityIds = $entityIds, w.linkIds = $linkIds, w.nodeCount = size($entityIds)
RETURN w {.updatedAt, .nodeCount} AS saved, before
