// A survivor and the persons merged into it.
MATCH (s:Person {id: $survivor})
OPTIONAL MATCH (a:MergedPerson {mergedInto: $survivor})
RETURN properties(s) AS s, collect(properties(a)) AS joined
