// The entities named in an export, so the audit entry records real ids (and who was a person).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
