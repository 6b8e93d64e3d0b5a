MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    WHERE (coalesce(a.datedOn, '') <= $asOf AND (a.to IS NULL OR a.to >= $asOf))
    MATCH p = SHORTEST 1 (a) ((x)-[r WHERE type(r) IN $linkTypes AND (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf))]-(y WHERE (coalesce(y.datedOn, '') <= $asOf AND (y.to IS NULL OR y.to >= $asOf)))){1,3} (b)
    WITH DISTINCT nodes(p) AS ns
    LIMIT 50
    CALL (ns) {
      UNWIND range(0, size(ns) - 2) AS i
      WITH i, ns[i] AS x, ns[i + 1] AS y
      CALL (x, y) { MATCH (x)-[r WHERE type(r) IN $linkTypes AND (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf))]-(y) RETURN collect(r) AS hop }
      WITH i, hop ORDER BY i
      RETURN collect(hop) AS hops
    }
    RETURN ns, hops
