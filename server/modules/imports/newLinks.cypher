// Links an import asserts from or to an entity the same transaction created: none can exist yet, so
// each is created without looking for one (links.cypher looks). __TYPE__ is a vocabulary link type.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props, r.sources = [$rid], r.propSources = row.propSources
SET r.datedOn = __LINK_DATED_ON(r)__
RETURN count(r) AS created
