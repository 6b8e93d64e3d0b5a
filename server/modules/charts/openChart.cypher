// One saved chart with everything needed to rebuild it, when the caller may open it (their own, or
// shared with them by username or with their agency); otherwise nothing, as for no such chart.
MATCH (c:SavedChart {id: $id})
WITH c, coalesce(c.owner, c.createdBy) AS owner
WHERE owner = $username
   OR $username IN coalesce(c.sharedWithUsers, [])
   OR (c.sharedWithAgency IS NOT NULL AND c.sharedWithAgency = $agency)
RETURN c {.id, .name, .createdBy, .updatedBy, .updatedAt, .nodeCount, .sharedWithUsers, .sharedWithAgency,
          .state, .entityIds, .linkIds, owner: owner} AS chart
