// Which of the given hits are one link from a restricted record kept from the caller ($restricted).
MATCH (h:Entity)--(n:Entity)
WHERE h.id IN $ids AND n.id IN $restricted
RETURN h.id AS hit, collect(DISTINCT n.id) AS near
