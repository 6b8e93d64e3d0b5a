// A new record of the kind the report says ({{:kind}}, a vocabulary label), with its point, its as-of date and a MENTIONS link from the report.
CREATE (n:Entity:{{:kind}} {id: $id})
SET n += $props, n += $keys, n.sources = [$rid], n.propSources = $propSources
SET n.point = CASE WHEN n.latitude IS NOT NULL AND n.longitude IS NOT NULL THEN point({latitude: n.latitude, longitude: n.longitude}) END
SET n.datedOn = {{nodeDatedOn n}}
WITH n
MATCH (r:Report {id: $rid})
MERGE (r)-[:MENTIONS {id: $mid}]->(n)
RETURN n
