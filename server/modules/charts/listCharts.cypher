// The saved charts the caller may open, most recent first (summaries only: no state, no elements):
// their own, and those shared with them by username or with their agency. A chart saved before
// charts had owners belongs to its creator.
MATCH (c:SavedChart)
WITH c, coalesce(c.owner, c.createdBy) AS owner
WHERE owner = $username
   OR $username IN coalesce(c.sharedWithUsers, [])
   OR (c.sharedWithAgency IS NOT NULL AND c.sharedWithAgency = $agency)
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount, .sharedWithUsers, .sharedWithAgency, owner: owner} AS chart
ORDER BY c.updatedAt DESC, c.name
LIMIT 500
