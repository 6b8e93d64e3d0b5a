// Every link between nodes of the neighbourhood (each once, in its stored direction), at most
// $linkCap + 1.
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($asOf IS NULL OR coalesce(r.from, '') <= $asOf)
  WITH r, a, b
  LIMIT $linkCap + 1
  RETURN collect({r: r, source: a.id, target: b.id}) AS links
}
RETURN seen AS nodes, links, truncated
