// Paths for a caller some children are protected from: no hop walks their family or address links.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    
    MATCH p = SHORTEST 1 (a) ((x)-[r WHERE NOT type(r) IN $bookkeeping]-(y) WHERE NOT (type(r) IN $privateLinks AND (x.id IN $privateOf OR y.id IN $privateOf))){1,2} (b)
    WITH DISTINCT nodes(p) AS ns
    LIMIT 50
    // Each hop of the route with every link that joins its two entities under the same conditions.
    CALL (ns) {
      UNWIND range(0, size(ns) - 2) AS i
      WITH i, ns[i] AS x, ns[i + 1] AS y
      CALL (x, y) { MATCH (x)-[r WHERE NOT type(r) IN $bookkeeping]-(y) RETURN collect(r) AS hop }
      WITH i, hop ORDER BY i
      RETURN collect(hop) AS hops
    }
    RETURN ns, hops
