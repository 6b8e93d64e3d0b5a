// Entities of the graph an import matched on a strong key: they gain only the properties they
// lacked (nothing held is overwritten), the report in `sources`, and a MENTIONS link from it.
MATCH (rep:Report {id: $rid})
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.added, n += row.keys, n.propSources = row.propSources
SET n.sources = CASE WHEN $rid IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $rid END
SET n.datedOn = __DATED_ON(n)__
MERGE (rep)-[:MENTIONS {id: row.mid}]->(n)
RETURN n
