// Stores a released version of one free-text field beside the original: $released is
// {released_<field>: text}, the field from the allow-list (FREE_TEXT), with who and when.
MATCH (n:Entity {id: $id})
SET n += $released, n.releasedBy = $by, n.releasedAt = $at
RETURN n
