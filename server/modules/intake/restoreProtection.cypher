// After an unmerge: the survivor's own protection, and that of whoever is still merged into it; the kept-aside flags go when no one is.
MATCH (s:Person {id: $id})
OPTIONAL MATCH (a:MergedPerson {mergedInto: $id})
WITH s, collect(a) AS joined
SET s.child = CASE WHEN $child = true OR any(a IN joined WHERE a.child = true) THEN true ELSE $child END,
    s.lookedAfter = CASE WHEN $lookedAfter = true OR any(a IN joined WHERE a.lookedAfter = true) THEN true ELSE $lookedAfter END,
    s.restricted = CASE WHEN $restricted = true OR any(a IN joined WHERE a.restricted = true) THEN true ELSE $restricted END,
    s.pseudonym = coalesce($pseudonym, head([a IN joined WHERE a.pseudonym IS NOT NULL | a.pseudonym]))
WITH s, joined
FOREACH (_ IN CASE WHEN size(joined) = 0 THEN [1] ELSE [] END | REMOVE s.protectionBeforeMerge)
