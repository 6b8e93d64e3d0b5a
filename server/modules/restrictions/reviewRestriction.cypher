// A review by the holding team: the next review date, the reason if it changed; each review kept in
// `reviews` ("<date> <username>: review due <date>"), appended, never overwritten.
MATCH (x:Restriction {id: $id}) WHERE x.liftedAt IS NULL
SET x.reviewDue = $reviewDue, x.reason = coalesce($reason, x.reason), x.reviewedAt = $now, x.reviewedBy = $by,
    x.reviews = coalesce(x.reviews, []) + [$today + ' ' + $by + ': review due ' + $reviewDue + CASE WHEN $reason IS NULL THEN '' ELSE ', reason changed' END]
RETURN properties(x) AS x, COUNT { MATCH (q:AccessRequest {restrictionId: x.id, status: 'pending'}) } AS pending
