// A registration with or without spaces: stored registrations are upper case without spaces.
// Hidden records are filtered before the limit (see fulltext.cypher).
MATCH (node:Vehicle)
WHERE node.reg CONTAINS $reg
  AND NOT {{held node}}
RETURN node, CASE WHEN node.reg = $reg THEN 100.0 ELSE 50.0 END AS score
LIMIT $cap
