// Which of these reports the pack may not rely on: the child's own account (sourceType victim) and
// reports discounted through a reasoned change. Read for every report, a withheld one included, only
// to leave it out of the pack; nothing else of them is read.
MATCH (r:Report) WHERE r.id IN $ids AND (r.sourceType = 'victim' OR r.discounted = true)
WITH collect(r) AS rs
RETURN [x IN rs WHERE x.sourceType = 'victim' | x.id] AS victim, [x IN rs WHERE x.discounted = true | x.id] AS discounted
