// Restrictions in force whose review date has passed, for the review-due alerts.
MATCH (x:Restriction) WHERE x.liftedAt IS NULL AND x.reviewDue < $today
RETURN properties(x) AS x
