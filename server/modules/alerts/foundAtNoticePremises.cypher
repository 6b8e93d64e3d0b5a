// A missing child found at premises where a notice was served or that a notice names, or where a
// notice's subject lives. For the strategy meeting and analysts; the child by pseudonym only.
MATCH (c:Person {child: true})-[:VICTIM_OF]->(i:Incident {kind: 'missing'})-[:OCCURRED_AT]->(l:Location)
MATCH (n:Notice)
WHERE EXISTS { (n)-[:SERVED_AT|NAMES_PLACE]->(l) } OR EXISTS { (n)-[:SERVED_ON]->(:Person)-[:CURRENT_ADDRESS]->(l) }
WITH c, i, l, n
WHERE $ids IS NULL OR any(x IN [c.id, i.id, l.id, n.id] WHERE x IN $ids)
RETURN 'found_at_notice_premises:' + i.id + ':' + n.id AS key, 'found_at_notice_premises' AS rule, ['safeguarding', 'analyst'] AS audience,
       'Missing child ' + coalesce(c.pseudonym, 'a child') + ' was found ' + coalesce(i.date, '') + ' at ' + coalesce(l.address, l.id) +
       ', where notice ' + n.id + ' (served ' + coalesce(n.servedOn, '?') + ') was served, names the place, or whose subject lives.' AS summary,
       [i.id, l.id, n.id] AS entityIds
