// Concerns per operator: incidents in [$from, $to] (and not after $asOf) that name the operator
// (INVOLVED_IN), involve one of its vehicles while operated by it, or have one of its drivers party
// to them while driving for it. With the meetings that raised them, the notices served on its
// drivers, its drivers and vehicles, and the children concerned as a count only (never who).
// An incident or link that only reports withheld from the caller support ($withheld) is held: it
// is neither counted nor followed (DESIGN.md §6).
MATCH (o:Operator)
CALL (o) {
  MATCH (o)-[io:INVOLVED_IN]->(i:Incident)
  WHERE NOT (size(coalesce(io.sources, [])) > 0 AND all(s IN io.sources WHERE s IN $withheld))
  RETURN i
  UNION
  MATCH (o)<-[ob:OPERATED_BY]-(:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
  WHERE coalesce(ob.from, '') <= coalesce(i.date, '') AND (ob.to IS NULL OR i.date <= ob.to) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(s IN ob.sources WHERE s IN $withheld)) AND NOT (size(coalesce(vi.sources, [])) > 0 AND all(s IN vi.sources WHERE s IN $withheld))
  RETURN i
  UNION
  MATCH (o)<-[df:DRIVES_FOR]-(:Person)-[pt:PARTY_TO]->(i:Incident)
  WHERE coalesce(df.from, '') <= coalesce(i.date, '') AND (df.to IS NULL OR i.date <= df.to) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(s IN df.sources WHERE s IN $withheld)) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld))
  RETURN i
}
WITH o, i
WHERE i.kind <> 'licence_event'
  AND ($from IS NULL OR i.date >= $from) AND ($to IS NULL OR i.date <= $to)
  AND ($asOf IS NULL OR coalesce(i.date, '') <= $asOf)
  AND NOT (size(coalesce(i.sources, [])) > 0 AND all(s IN i.sources WHERE s IN $withheld))
WITH o, collect(DISTINCT i) AS concerns
RETURN o,
       size(concerns) AS concernCount,
       size([i IN concerns WHERE i.kind = 'complaint']) AS complaints,
       [i IN concerns | left(coalesce(i.date, '?'), 4)] AS years,
       COUNT {
         MATCH (i2:Incident)-[ra:RAISED_AT]->(m:Meeting)
         WHERE i2 IN concerns AND ($asOf IS NULL OR m.date <= $asOf)
           AND NOT (size(coalesce(ra.sources, [])) > 0 AND all(s IN ra.sources WHERE s IN $withheld))
         RETURN DISTINCT m
       } AS meetings,
       COUNT {
         MATCH (c:Person)-[v:VICTIM_OF]->(i2:Incident)
         WHERE i2 IN concerns AND c.child = true
           AND NOT (size(coalesce(v.sources, [])) > 0 AND all(s IN v.sources WHERE s IN $withheld))
         RETURN DISTINCT c
       } AS children,
       COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(:Person)-[df:DRIVES_FOR]->(o) WHERE ($asOf IS NULL OR n.servedOn <= $asOf) AND NOT (size(coalesce(so.sources, [])) > 0 AND all(s IN so.sources WHERE s IN $withheld)) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(s IN df.sources WHERE s IN $withheld)) AND NOT (size(coalesce(n.sources, [])) > 0 AND all(s IN n.sources WHERE s IN $withheld)) RETURN DISTINCT n } AS notices,
       COUNT { MATCH (d:Person)-[df:DRIVES_FOR]->(o) WHERE ($asOf IS NULL OR coalesce(df.from, '') <= $asOf) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(s IN df.sources WHERE s IN $withheld)) RETURN DISTINCT d } AS drivers,
       COUNT { MATCH (v:Vehicle)-[ob:OPERATED_BY]->(o) WHERE ($asOf IS NULL OR coalesce(ob.from, '') <= $asOf) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(s IN ob.sources WHERE s IN $withheld)) RETURN DISTINCT v } AS vehicles
ORDER BY concernCount DESC, o.id
LIMIT $top
