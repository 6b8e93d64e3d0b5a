// A phone number in any format: the stored number ends with the significant digits typed.
// Hidden numbers (victims' phones, for licensing) are filtered before the limit (see fulltext.cypher).
MATCH (node:Phone)
WHERE (node.phoneNo ENDS WITH $suffix OR node.phoneNo = $e164)
  AND NOT node.id IN $hidden
  AND NOT {{held node}}
RETURN node, CASE WHEN node.phoneNo = $e164 OR node.phoneNo ENDS WITH $suffix AND size($suffix) >= 9 THEN 100.0 ELSE 50.0 END AS score
LIMIT $cap
