// The audit chain's head (null before the first entry).
OPTIONAL MATCH (h:AuditHead {id: 'head'}) RETURN h
