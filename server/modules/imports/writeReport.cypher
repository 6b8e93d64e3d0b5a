// The report of one imported file: created once; importing the same file again finds it as it was.
OPTIONAL MATCH (old:Report {id: $id})
WITH old IS NOT NULL AS existed
MERGE (r:Entity:Report {id: $id})
ON CREATE SET r += $props
RETURN existed
