// One application (licence) and the checks recorded on it, newest first.
MATCH (l:Licence {id: $licenceId})
RETURN l, COLLECT { MATCH (c:LicenceCheck)-[:CHECK_FOR]->(l) RETURN c ORDER BY c.checkedOn DESC, c.recordedAt DESC } AS checks
