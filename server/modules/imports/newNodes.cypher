// Entities an import creates, with ids derived from the file (a re-run finds them and adds nothing),
// each with the report in `sources`, per-property provenance, and a MENTIONS link from the report,
// as submitReport records a report's entities. __LABEL__ is a vocabulary label (checked first).
MATCH (rep:Report {id: $rid})
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH rep, row, old IS NULL AS fresh
MERGE (n:Entity {id: row.id})
ON CREATE SET n:__LABEL__, n += row.props, n.sources = [$rid], n.propSources = row.propSources
ON MATCH SET n.sources = CASE WHEN $rid IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $rid END
__POINT__
SET n.datedOn = __DATED_ON(n)__
// A node this statement created has no MENTIONS yet: CREATE (a MERGE would look at the report's
// many links); one that was there already may have it.
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | CREATE (rep)-[:MENTIONS {id: row.mid}]->(n))
FOREACH (_ IN CASE WHEN fresh THEN [] ELSE [1] END | MERGE (rep)-[:MENTIONS {id: row.mid}]->(n))
RETURN row.id AS id, fresh
