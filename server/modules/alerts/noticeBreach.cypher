// A child abduction notice breached: a record dated after service that joins the notice's subject
// and the child it protects (fragments/noticeBreaches.cypher). One alert per notice and piece of
// evidence, for police analysts and safeguarding; the child by pseudonym only, the evidence by id
// and date.
MATCH (n:Notice)-[:SERVED_ON]->(p:Person), (n)-[:PROTECTS]->(c:Person)
WITH n, p, c, {{noticeBreaches n p c}} AS breaches
WHERE size(breaches) > 0 AND ($ids IS NULL OR any(x IN [n.id, p.id, c.id] + [b IN breaches | b.id] WHERE x IN $ids))
UNWIND breaches AS b
RETURN 'notice_breach:' + n.id + ':' + b.id AS key, 'notice_breach' AS rule, ['analyst', 'safeguarding'] AS audience,
       'Notice ' + n.id + ' (served ' + n.servedOn + ' on ' + coalesce(p.name + ' ' + p.surname, p.id) + ', ' + p.id + ', to protect ' +
       coalesce(c.pseudonym, 'a child') + ') breached: ' + replace(b.kind, '_', ' ') + ' ' + b.id + ' on ' + b.date +
       ' joins them after the notice was served.' AS summary,
       [n.id, p.id] + CASE WHEN b.node IS NULL THEN [] ELSE [b.id] END AS entityIds
