// Every link between nodes of the neighbourhood (each once, in its stored direction), at most
// $linkCap + 1.
// Returned as values, not as graph structures: a node as [labels, properties], a link as [type,
// properties, source id, target id, element id only for a link stored without an id]. The driver then decodes no element ids (three per link) and
// the name search keys (nameKeys, never shown) stay in the database: for a hub's 300 nodes and
// their links that halves what is sent and decoded.
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND {{asOf r}}
  WITH r, a, b
  LIMIT $linkCap + 1
  RETURN collect([type(r), properties(r), a.id, b.id, CASE WHEN r.id IS NULL THEN elementId(r) END]) AS links
}
RETURN [n IN seen | [labels(n), n {.*, nameKeys: null, nameKeysV: null}]] AS nodes, links, truncated
