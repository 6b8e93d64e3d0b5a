// The persons of the pairs the name blocking found, by id (one index seek each). A person only
// reports withheld from the caller support ($withheld) is left out: it is no one's to pair.
MATCH (p:Person)
WHERE p.id IN $ids
  AND NOT {{held p}}
RETURN p
