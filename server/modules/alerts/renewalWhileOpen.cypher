// A licence renewed while its holder has cases open (open, or with police: a case passed to police
// stays open until licensing decides). For licensing.
MATCH (l:Licence)-[:INVOLVED_IN]->(e:Incident {kind: 'licence_event'})
WHERE toLower(coalesce(e.type, '')) = 'renewal' OR toLower(coalesce(e.outcome, '')) = 'renewed'
MATCH (p:Person)-[:HOLDS]->(l)
WHERE $ids IS NULL OR any(x IN [l.id, e.id, p.id] WHERE x IN $ids)
MATCH (p)-[:PARTY_TO]->(c:Incident)
WHERE c.kind <> 'licence_event' AND coalesce(c.status, 'open') IN ['open', 'with_police'] AND coalesce(c.date, '') <= coalesce(e.date, '')
WITH p, l, e, collect(c.id) AS open
RETURN 'renewal_while_open:' + e.id AS key, 'renewal_while_open' AS rule, ['licensing'] AS audience,
       'Licence ' + coalesce(l.number, l.id) + ' of ' + coalesce(p.name + ' ' + p.surname, p.id) + ' was renewed ' + coalesce(e.date, '') +
       ' while ' + size(open) + ' case(s) were open: ' + reduce(s = '', x IN open | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) + '.' AS summary,
       [p.id, l.id, e.id] + open AS entityIds
