// The caller's own working chart (one per user); nothing for anyone else's.
MATCH (w:WorkingChart {owner: $username})
RETURN w {.updatedAt, .nodeCount, .state, .entityIds, .linkIds} AS chart
