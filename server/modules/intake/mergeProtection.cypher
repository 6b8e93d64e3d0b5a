// A survivor takes the strongest protection of everyone merged into it.
MATCH (s:Person {id: $survivor})
OPTIONAL MATCH (a:MergedPerson {mergedInto: $survivor})
WITH s, collect(a) AS joined
SET s.child = CASE WHEN s.child = true OR any(a IN joined WHERE a.child = true) THEN true ELSE s.child END,
    s.lookedAfter = CASE WHEN s.lookedAfter = true OR any(a IN joined WHERE a.lookedAfter = true) THEN true ELSE s.lookedAfter END,
    s.restricted = CASE WHEN s.restricted = true OR any(a IN joined WHERE a.restricted = true) THEN true ELSE s.restricted END,
    s.pseudonym = coalesce(s.pseudonym, head([a IN joined WHERE a.pseudonym IS NOT NULL | a.pseudonym]))
