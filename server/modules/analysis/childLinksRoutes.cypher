// After childLinks.cypher: every route the caller may see (routes only withheld reports support
// are not the caller's to see, nor to count), capped at $cap.
WITH p, c, kind, via, date, description, sources
WHERE NOT {{heldList sources}}
RETURN p, c, kind, via, date, description, sources
ORDER BY p.id, c.id, kind, via
LIMIT $cap
