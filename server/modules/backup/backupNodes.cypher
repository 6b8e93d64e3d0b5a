// Every node, with its labels and properties; audit entries only up to the head read at the start.
MATCH (n)
WHERE NOT n:AuditEntry OR n.seq <= $lastSeq
RETURN elementId(n) AS k, labels(n) AS l, properties(n) AS p
