MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    WHERE NOT (size(coalesce(a.sources, [])) > 0 AND all(rid IN a.sources WHERE rid IN $withheld)) AND NOT a.id IN $withheld
    MATCH p = ALL SHORTEST (a) ((x)-[r WHERE NOT type(r) IN $bookkeeping AND NOT (size(coalesce(r.sources, [])) > 0 AND all(rid IN r.sources WHERE rid IN $withheld))]-(y WHERE NOT (size(coalesce(y.sources, [])) > 0 AND all(rid IN y.sources WHERE rid IN $withheld)) AND NOT y.id IN $withheld)){1,2} (b)
    WITH DISTINCT nodes(p) AS ns
    LIMIT 50
    CALL (ns) {
      UNWIND range(0, size(ns) - 2) AS i
      WITH i, ns[i] AS x, ns[i + 1] AS y
      CALL (x, y) { MATCH (x)-[r WHERE NOT type(r) IN $bookkeeping AND NOT (size(coalesce(r.sources, [])) > 0 AND all(rid IN r.sources WHERE rid IN $withheld))]-(y) RETURN collect(r) AS hop }
      WITH i, hop ORDER BY i
      RETURN collect(hop) AS hops
    }
    RETURN ns, hops
