// Rendered by the composer (test/unit/cypherRender.test.ts); "what we knew then" (asOfBasis KNOWN): the as-of rule with its opt-in known part.
// Concerns per operator: incidents in [$from, $to] (and in view as of $asOf) that name the operator
// (INVOLVED_IN), involve one of its vehicles while operated by it, or have one of its drivers party
// to them while driving for it (a spell that has since ended still attributes what happened in it).
// Drivers, vehicles and notices are counted as of $asOf: a spell ended before it is out of view. With the meetings that raised them, the notices served on its
// drivers, its drivers and vehicles, and the children concerned as a count only (never who).
// An incident or link that only reports withheld from the caller support ($withheld) is held: it
// is neither counted nor followed (DESIGN.md §6).
MATCH (o:Operator)
CALL (o) {
  MATCH (o)-[io:INVOLVED_IN]->(i:Incident)
  WHERE ($asOf IS NULL OR (coalesce(io.datedOn, '') <= $asOf AND (io.to IS NULL OR io.to >= $asOf) AND (size(coalesce(io.sources, [])) = 0 OR any(rid IN io.sources WHERE rid IN $known)))) AND NOT (size(coalesce(io.sources, [])) > 0 AND all(rid IN io.sources WHERE rid IN $withheld))
  RETURN i
  UNION
  MATCH (o)<-[ob:OPERATED_BY]-(:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
  WHERE coalesce(ob.from, '') <= coalesce(i.date, '') AND (ob.to IS NULL OR i.date <= ob.to) AND ($asOf IS NULL OR (coalesce(vi.datedOn, '') <= $asOf AND (vi.to IS NULL OR vi.to >= $asOf) AND (size(coalesce(vi.sources, [])) = 0 OR any(rid IN vi.sources WHERE rid IN $known)))) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(rid IN ob.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(vi.sources, [])) > 0 AND all(rid IN vi.sources WHERE rid IN $withheld))
  RETURN i
  UNION
  MATCH (o)<-[df:DRIVES_FOR]-(:Person)-[pt:PARTY_TO]->(i:Incident)
  WHERE coalesce(df.from, '') <= coalesce(i.date, '') AND (df.to IS NULL OR i.date <= df.to) AND ($asOf IS NULL OR (coalesce(pt.datedOn, '') <= $asOf AND (pt.to IS NULL OR pt.to >= $asOf) AND (size(coalesce(pt.sources, [])) = 0 OR any(rid IN pt.sources WHERE rid IN $known)))) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(rid IN df.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(rid IN pt.sources WHERE rid IN $withheld))
  RETURN i
}
WITH o, i
WHERE i.kind <> 'licence_event'
  AND ($from IS NULL OR i.date >= $from) AND ($to IS NULL OR i.date <= $to)
  AND ($asOf IS NULL OR (coalesce(i.datedOn, '') <= $asOf AND (i.to IS NULL OR i.to >= $asOf) AND (size(coalesce(i.sources, [])) = 0 OR any(rid IN i.sources WHERE rid IN $known))))
  AND NOT (size(coalesce(i.sources, [])) > 0 AND all(rid IN i.sources WHERE rid IN $withheld))
WITH o, collect(DISTINCT i) AS concerns
RETURN o,
       size(concerns) AS concernCount,
       size([i IN concerns WHERE i.kind = 'complaint']) AS complaints,
       [i IN concerns | left(coalesce(i.date, '?'), 4)] AS years,
       COUNT {
         MATCH (i2:Incident)-[ra:RAISED_AT]->(m:Meeting)
         WHERE i2 IN concerns AND ($asOf IS NULL OR (coalesce(m.datedOn, '') <= $asOf AND (m.to IS NULL OR m.to >= $asOf) AND (size(coalesce(m.sources, [])) = 0 OR any(rid IN m.sources WHERE rid IN $known)))) AND ($asOf IS NULL OR (coalesce(ra.datedOn, '') <= $asOf AND (ra.to IS NULL OR ra.to >= $asOf) AND (size(coalesce(ra.sources, [])) = 0 OR any(rid IN ra.sources WHERE rid IN $known))))
           AND NOT (size(coalesce(ra.sources, [])) > 0 AND all(rid IN ra.sources WHERE rid IN $withheld))
         RETURN DISTINCT m
       } AS meetings,
       COUNT {
         MATCH (c:Person)-[v:VICTIM_OF]->(i2:Incident)
         WHERE i2 IN concerns AND c.child = true
           AND NOT (size(coalesce(v.sources, [])) > 0 AND all(rid IN v.sources WHERE rid IN $withheld))
         RETURN DISTINCT c
       } AS children,
       COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(:Person)-[df:DRIVES_FOR]->(o) WHERE ($asOf IS NULL OR (coalesce(n.datedOn, '') <= $asOf AND (n.to IS NULL OR n.to >= $asOf) AND (size(coalesce(n.sources, [])) = 0 OR any(rid IN n.sources WHERE rid IN $known)))) AND ($asOf IS NULL OR (coalesce(so.datedOn, '') <= $asOf AND (so.to IS NULL OR so.to >= $asOf) AND (size(coalesce(so.sources, [])) = 0 OR any(rid IN so.sources WHERE rid IN $known)))) AND ($asOf IS NULL OR (coalesce(df.datedOn, '') <= $asOf AND (df.to IS NULL OR df.to >= $asOf) AND (size(coalesce(df.sources, [])) = 0 OR any(rid IN df.sources WHERE rid IN $known)))) AND NOT (size(coalesce(so.sources, [])) > 0 AND all(rid IN so.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(rid IN df.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(n.sources, [])) > 0 AND all(rid IN n.sources WHERE rid IN $withheld)) RETURN DISTINCT n } AS notices,
       COUNT { MATCH (d:Person)-[df:DRIVES_FOR]->(o) WHERE ($asOf IS NULL OR (coalesce(df.datedOn, '') <= $asOf AND (df.to IS NULL OR df.to >= $asOf) AND (size(coalesce(df.sources, [])) = 0 OR any(rid IN df.sources WHERE rid IN $known)))) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(rid IN df.sources WHERE rid IN $withheld)) RETURN DISTINCT d } AS drivers,
       COUNT { MATCH (v:Vehicle)-[ob:OPERATED_BY]->(o) WHERE ($asOf IS NULL OR (coalesce(ob.datedOn, '') <= $asOf AND (ob.to IS NULL OR ob.to >= $asOf) AND (size(coalesce(ob.sources, [])) = 0 OR any(rid IN ob.sources WHERE rid IN $known)))) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(rid IN ob.sources WHERE rid IN $withheld)) RETURN DISTINCT v } AS vehicles
ORDER BY concernCount DESC, o.id
LIMIT $top

