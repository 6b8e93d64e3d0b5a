// The report's link ({{:type}}, a vocabulary type): created with its properties, as-of date and the report as source, or, when the two already have one of that type, that one gains the report as a source.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH (a)-[existing:{{:type}}]->(b)
WITH a, b, head(collect(existing)) AS existing
CALL {
  WITH a, b, existing
  WITH a, b, existing WHERE existing IS NULL
  CREATE (a)-[r:{{:type}} {id: $id}]->(b) SET r += $props, r += $keys, r.sources = [$rid], r.propSources = $propSources
  SET r.datedOn = {{linkDatedOn r}}
  RETURN r
  UNION
  WITH a, b, existing
  WITH existing AS r WHERE r IS NOT NULL
  SET r.sources = CASE WHEN $rid IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $rid END
  RETURN r
}
RETURN r, a.id AS source, b.id AS target
