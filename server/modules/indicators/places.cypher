// Places of concern in the child's records by $asOf: where the child was found when missing, where an
// incident about the child happened, where the child lives or goes; kept when the place is a
// hotspot, a notice was served there or names it, or the child was found there. Notices count only
// when some report behind them is visible to the caller ($withheld); which child a notice protects
// is never read here.
MATCH (c:Person {id: $childId})
CALL {
  WITH c
  MATCH (c)-[:VICTIM_OF|PARTY_TO]->(i:Incident)-[o:OCCURRED_AT]->(l:Location)
  WHERE {{dated i}}
  RETURN l, i AS rec, CASE WHEN i.kind = 'missing' THEN 'found' ELSE 'incident' END AS how
  UNION
  WITH c
  MATCH (c)-[r:CURRENT_ADDRESS|ATTENDS]->(l:Location)
  WHERE {{dated r}}
  RETURN l, r AS rec, CASE type(r) WHEN 'ATTENDS' THEN 'attends' ELSE 'lives' END AS how
}
WITH l, collect({rec: rec, how: how}) AS visits
WITH l, visits,
     [(n:Notice)-[s:SERVED_AT|NAMES_PLACE]->(l) WHERE {{dated n}} AND NOT {{held n}} | {servedOn: n.servedOn, how: type(s), sources: coalesce(n.sources, [])}] AS notices
WHERE l.hotspot = true OR size(notices) > 0 OR any(v IN visits WHERE v.how = 'found')
RETURN l, visits, notices
ORDER BY l.id
