// An existing link of this type ({{:type}}) whose properties are not yet attributed to reports: its keys and the reports it had.
MATCH (:Entity {id: $from})-[e:{{:type}}]->(:Entity {id: $to})
WHERE e.propSources IS NULL
RETURN elementId(e) AS eid, [k IN keys(e) WHERE NOT k IN ['id', 'sources', 'propSources', 'datedOn']] AS keys, coalesce(e.sources, []) AS before
LIMIT 1
