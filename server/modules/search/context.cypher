// What tells the hits apart: for each hit, the records an analyst recognises it by — a person's
// addresses, phones and vehicles; the persons using a phone or vehicle or living at an address; an
// operator's base. One round trip for every hit of a search.
// Hidden subjects ($hidden) and records or links that only withheld reports support ($withheld) are
// left out here; every neighbour is projected again by the viewer before anything is shown (context.ts).
UNWIND $ids AS hitId
MATCH (n:Entity {id: hitId})
CALL (n) {
  MATCH (n)-[r:CURRENT_ADDRESS|HAS_PHONE|USES_VEHICLE|BASED_AT]-(m:Entity)
  WHERE NOT m.id IN $hidden
    AND NOT {{held m}}
    AND NOT {{held r}}
  // current records first (no end date); a vehicle's keeper and usual driver before those seen in it; then the latest
  WITH r, m ORDER BY r.to IS NULL DESC, CASE r.role WHEN 'keeper' THEN 0 WHEN 'usual_driver' THEN 1 WHEN 'seen_in' THEN 3 ELSE 2 END,
    coalesce(r.from, '') DESC, m.id
  LIMIT 12
  RETURN collect({r: r, node: m, source: startNode(r).id, target: endNode(r).id}) AS around
}
RETURN hitId, around
