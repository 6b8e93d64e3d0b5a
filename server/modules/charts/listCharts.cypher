// Saved charts, most recent first (summaries only: no state, no elements).
MATCH (c:SavedChart)
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount} AS chart
ORDER BY c.updatedAt DESC, c.name
LIMIT 500
