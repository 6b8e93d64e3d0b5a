// The demo's restrictions and pending access request (seeds/demo/restrictions.ts), MERGEd on id so
// a second write changes nothing; the demo analyst joins the CSE Team when that account exists.
UNWIND $restrictions AS r
MERGE (x:Restriction {id: r.id})
ON CREATE SET x += r, x.ownerRole = 'analyst', x.createdAt = r.since + 'T09:00:00.000Z'
WITH count(*) AS written
MERGE (q:AccessRequest {id: $request.id})
ON CREATE SET q += $request, q.status = 'pending'
WITH written
OPTIONAL MATCH (u:User {username: $analyst})
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | SET u.team = $team)
RETURN written
