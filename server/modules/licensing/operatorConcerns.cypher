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
  WHERE {{asOf io}} AND NOT {{held io}}
  RETURN i
  UNION
  MATCH (o)<-[ob:OPERATED_BY]-(:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
  WHERE coalesce(ob.from, '') <= coalesce(i.date, '') AND (ob.to IS NULL OR i.date <= ob.to) AND {{asOf vi}} AND NOT {{held ob}} AND NOT {{held vi}}
  RETURN i
  UNION
  MATCH (o)<-[df:DRIVES_FOR]-(:Person)-[pt:PARTY_TO]->(i:Incident)
  WHERE coalesce(df.from, '') <= coalesce(i.date, '') AND (df.to IS NULL OR i.date <= df.to) AND {{asOf pt}} AND NOT {{held df}} AND NOT {{held pt}}
  RETURN i
}
WITH o, i
WHERE i.kind <> 'licence_event'
  AND ($from IS NULL OR i.date >= $from) AND ($to IS NULL OR i.date <= $to)
  AND {{asOf i}}
  AND NOT {{held i}}
WITH o, collect(DISTINCT i) AS concerns
RETURN o,
       size(concerns) AS concernCount,
       size([i IN concerns WHERE i.kind = 'complaint']) AS complaints,
       [i IN concerns | left(coalesce(i.date, '?'), 4)] AS years,
       COUNT {
         MATCH (i2:Incident)-[ra:RAISED_AT]->(m:Meeting)
         WHERE i2 IN concerns AND {{asOf m}} AND {{asOf ra}}
           AND NOT {{held ra}}
         RETURN DISTINCT m
       } AS meetings,
       COUNT {
         MATCH (c:Person)-[v:VICTIM_OF]->(i2:Incident)
         WHERE i2 IN concerns AND c.child = true
           AND NOT {{held v}}
         RETURN DISTINCT c
       } AS children,
       COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(:Person)-[df:DRIVES_FOR]->(o) WHERE {{asOf n}} AND {{asOf so}} AND {{asOf df}} AND NOT {{held so}} AND NOT {{held df}} AND NOT {{held n}} RETURN DISTINCT n } AS notices,
       COUNT { MATCH (d:Person)-[df:DRIVES_FOR]->(o) WHERE {{asOf df}} AND NOT {{held df}} RETURN DISTINCT d } AS drivers,
       COUNT { MATCH (v:Vehicle)-[ob:OPERATED_BY]->(o) WHERE {{asOf ob}} AND NOT {{held ob}} RETURN DISTINCT v } AS vehicles
ORDER BY concernCount DESC, o.id
LIMIT $top
