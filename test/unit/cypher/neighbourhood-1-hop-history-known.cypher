// Rendered by the composer (test/unit/cypherRender.test.ts); "what we knew then" (asOfBasis KNOWN): the as-of rule with its opt-in known part.
// A neighbourhood in one statement: this start, then neighbourhoodHop.cypher once per hop, then
// neighbourhoodLinks.cypher (composed in queries.ts). `seen` grows hop by hop up to $limit.
MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS seen
WITH seen, seen AS frontier, false AS truncated
// One hop: the distinct new neighbours of the frontier, at most $cap ($limit + 1, so that one more
// than fits shows the answer was cut), then as many as there is room for under $limit.
// As of $asOf, the link and the neighbour must be in view (the as-of rule: fragments/asOf.cypher).
CALL (seen, frontier) {
  UNWIND frontier AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m IN seen
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))
    AND NOT (type(r) IN $privateLinks AND (n.id IN $privateOf OR m.id IN $privateOf))
    AND ($asOf IS NULL OR coalesce(r.datedOn, '') <= $asOf AND (size(coalesce(r.sources, [])) = 0 OR any(rid IN r.sources WHERE rid IN $known)))
    AND ($asOf IS NULL OR coalesce(m.datedOn, '') <= $asOf AND (size(coalesce(m.sources, [])) = 0 OR any(rid IN m.sources WHERE rid IN $known)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN collect(m) AS found
}
WITH seen, found, truncated, CASE WHEN size(seen) < $limit THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated
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
    AND ($asOf IS NULL OR coalesce(r.datedOn, '') <= $asOf AND (size(coalesce(r.sources, [])) = 0 OR any(rid IN r.sources WHERE rid IN $known)))
  WITH r, a, b
  LIMIT $linkCap + 1
  RETURN collect([type(r), properties(r), a.id, b.id, CASE WHEN r.id IS NULL THEN elementId(r) END]) AS links
}
RETURN [n IN seen | [labels(n), n {.*, nameKeys: null, nameKeysV: null}]] AS nodes, links, truncated

