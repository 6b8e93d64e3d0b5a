// Actions with their meeting, filtered: by status, by the child they are about (an item, or
// discussed at the meeting), by owner (a user, or an agency compared as admins type it), due before.
MATCH (a:MeetingAction)
WHERE ($status IS NULL OR a.status = $status)
  AND ($dueBefore IS NULL OR a.dueOn < $dueBefore)
  AND ($ids IS NULL OR a.id IN $ids)
  AND ($childId IS NULL OR $childId IN a.itemIds
       OR EXISTS { MATCH (:Person {id: $childId})-[:DISCUSSED_AT]->(:Meeting {id: a.meetingId}) })
  AND ($agency IS NULL
       OR a.ownerUser = $username
       OR (a.ownerUser IS NULL AND toLower(trim(a.ownerAgency)) = $agency)
       OR ($role IS NOT NULL AND a.ownerUser IS NULL AND a.ownerRole = $role))
OPTIONAL MATCH (m:Meeting {id: a.meetingId})
RETURN a, m
ORDER BY a.dueOn, a.id
LIMIT 1000
