// Every relationship, with its type, ends and properties.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS t, properties(r) AS p
