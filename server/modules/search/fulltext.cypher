// Words: names, aliases, addresses, postcodes, makes and models, through the full-text index.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $cap})
YIELD node, score
WHERE $kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)
RETURN node, score
