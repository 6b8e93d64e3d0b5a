// Who an unmerge of $id brings back: that absorbed person, or everyone merged into the survivor $id.
OPTIONAL MATCH (m:MergedPerson {id: $id})
OPTIONAL MATCH (s:Person {id: $id})
RETURN CASE WHEN m IS NOT NULL THEN [m.id] ELSE coalesce(s.mergedFrom, []) END AS absorbed
