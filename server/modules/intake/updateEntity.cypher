// A known record gains what the report adds ($added, $keys: a person's name keys), the report among its sources, its as-of date again, and a MENTIONS link from the report.
MATCH (n:Entity {id: $id})
SET n += $added, n += $keys, n.propSources = $propSources
SET n.datedOn = {{nodeDatedOn n}}
SET n.sources = CASE WHEN $rid IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $rid END
WITH n
MATCH (r:Report {id: $rid})
MERGE (r)-[:MENTIONS {id: $mid}]->(n)
RETURN n
