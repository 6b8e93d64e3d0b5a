// One child by id (nothing when the id is not a child's).
MATCH (c:Person {id: $childId}) WHERE c.child = true RETURN c
