// One check on an application, a record of its own beside the licence (never a property on it).
MATCH (l:Licence {id: $licenceId})
CREATE (c:Entity:LicenceCheck {id: $id})
SET c += $props, c.from = $props.checkedOn, c.recordedAt = $recordedAt
SET c.datedOn = {{nodeDatedOn c}}
CREATE (c)-[k:CHECK_FOR {from: $props.checkedOn}]->(l)
SET k.datedOn = {{linkDatedOn k}}
RETURN c
