// One saved chart with everything needed to rebuild it.
MATCH (c:SavedChart {id: $id})
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount, .state, .entityIds, .linkIds} AS chart
