// Removes a saved chart, only when the caller owns it (a chart saved before charts had owners
// belongs to its creator). Nothing is removed, and 0 counted, for anyone else's chart.
MATCH (c:SavedChart {id: $id})
WHERE coalesce(c.owner, c.createdBy) = $username
DETACH DELETE c
RETURN count(*) AS n
