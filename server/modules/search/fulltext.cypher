// Words: names, aliases, addresses, postcodes, makes and models, through the full-text index.
// What the caller may not see is filtered here, before the limit: a protected subject ($hidden),
// or a record that only withheld reports support ($withheld), is never a hit, so neither the hits
// nor their number says that a hidden match exists.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $cap})
YIELD node, score
WHERE ($kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds))
  AND NOT node.id IN $hidden
  AND NOT (size(coalesce(node.sources, [])) > 0 AND all(s IN node.sources WHERE s IN $withheld))
RETURN node, score
