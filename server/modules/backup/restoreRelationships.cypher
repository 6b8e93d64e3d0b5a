// One batch of relationships from a backup, joined to their nodes by the temporary key.
UNWIND $rows AS row
MATCH (a:__Restore {__key: row.s})
MATCH (b:__Restore {__key: row.e})
CREATE (a)-[r:$(row.t)]->(b)
SET r = row.p
SET r.datedOn = {{linkDatedOn r}}
RETURN count(r) AS created
