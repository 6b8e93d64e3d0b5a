// A record and the agencies owning the reports behind it (who may release its free text).
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (r:Report) WHERE r.id IN coalesce(n.sources, [])
RETURN n, collect(DISTINCT r.ownerAgency) AS owners
