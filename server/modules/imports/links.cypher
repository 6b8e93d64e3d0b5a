// Links an import asserts: a link of the same type between the same two entities gains the report
// in its `sources` (as submitReport does); otherwise it is created with the report as its source.
// An existing link without per-property provenance gets its properties attributed to the reports
// it had (`fix`, written by the caller), so that what only withheld reports gave stays hidden.
// __TYPE__ is a vocabulary link type (checked first).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:__TYPE__]->(b)
WITH a, b, row, head(collect(existing)) AS existing
CALL {
  WITH a, b, row, existing
  WITH a, b, row, existing WHERE existing IS NULL
  CREATE (a)-[r:__TYPE__ {id: row.id}]->(b)
  SET r += row.props, r.sources = [$rid], r.propSources = row.propSources
  SET r.datedOn = __LINK_DATED_ON(r)__
  RETURN true AS created, null AS fix
  UNION
  WITH a, b, row, existing
  WITH existing AS r WHERE r IS NOT NULL
  WITH r, coalesce(r.sources, []) AS before, [k IN keys(r) WHERE NOT k IN ['id', 'sources', 'propSources', 'datedOn']] AS held
  SET r.sources = CASE WHEN $rid IN before THEN before ELSE before + $rid END
  RETURN false AS created,
         CASE WHEN r.propSources IS NULL AND size(held) > 0 AND size(before) > 0 AND NOT $rid IN before THEN {eid: elementId(r), keys: held, before: before} END AS fix
}
RETURN created, fix
