// Links an import asserts from or to an entity the same transaction created: none can exist yet, so
// each is created without looking for one (links.cypher looks). {{:type}} is a vocabulary link type (checked by the composer).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:{{:type}} {id: row.id}]->(b)
SET r += row.props, r.sources = [$rid], r.propSources = row.propSources
SET r.datedOn = {{linkDatedOn r}}
RETURN count(r) AS created
