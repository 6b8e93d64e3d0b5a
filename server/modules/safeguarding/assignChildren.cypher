// Replaces a user's assigned children with those of $childIds that are children.
MATCH (u:User {username: $username})
OPTIONAL MATCH (c:Person) WHERE c.id IN $childIds AND c.child = true
WITH u, collect(c.id) AS ids
SET u.assignedChildren = ids, u.updatedAt = datetime()
RETURN u.username AS username, ids AS assignedChildren
