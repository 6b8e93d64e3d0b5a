// One driver's whole record for a renewal decision: licences, operators driven for, every case in
// every state (complaints, concerns and crimes the driver is party to, and incidents involving the
// driver's licence or a vehicle while the driver used it), notices, and reports disclosed to
// licensing that mention the driver. Children appear nowhere here: only the incidents themselves.
// A link only reports withheld from the caller support ($withheld) puts nothing on the record.
// Each case comes with how it was closed: its closingBasis and the adults whose statement closed it
// (CLOSING_STATEMENT), each with the ties that make them an interested party: running an operator
// the driver drives for (RUNS), or family of the driver (FAMILY_REL).
MATCH (p:Person {id: $personId})
WHERE coalesce(p.child, false) = false
CALL (p) {
  MATCH (p)-[h:HOLDS]->(l:Licence)
  WHERE NOT {{held h}}
  RETURN collect(DISTINCT l) AS licences
}
CALL (p) {
  OPTIONAL MATCH (p)-[d:DRIVES_FOR]->(o:Operator)
  WHERE NOT {{held d}}
  RETURN collect(DISTINCT CASE WHEN o IS NULL THEN NULL ELSE {operator: o, from: d.from, to: d.to} END) AS spells
}
// Cases collected inside their own subquery, so that a driver with none still has a record.
CALL (p) {
  CALL (p) {
    MATCH (p)-[pt:PARTY_TO]->(i:Incident) WHERE NOT {{held pt}} RETURN i, 'party to it' AS via
    UNION
    MATCH (p)-[h:HOLDS]->(:Licence)-[li:INVOLVED_IN]->(i:Incident) WHERE NOT {{held h}} AND NOT {{held li}} RETURN i, 'involves the driver\'s licence' AS via
    UNION
    MATCH (p)-[u:USES_VEHICLE]->(:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
    WHERE coalesce(u.from, '') <= coalesce(i.date, '') AND (u.to IS NULL OR i.date <= u.to) AND NOT {{held u}} AND NOT {{held vi}}
    RETURN i, 'involves a vehicle the driver used' AS via
  }
  WITH p, i, collect(via) AS vias
  ORDER BY i.date, i.id
  RETURN collect({incident: i, via: vias, closingBasis: i.closingBasis, statements: COLLECT {
    MATCH (s:Person)-[cs:CLOSING_STATEMENT]->(i)
    WHERE coalesce(s.child, false) = false AND NOT {{held cs}}
    RETURN {
      name: coalesce(s.name + ' ' + s.surname, s.name, s.id),
      runs: [(s)-[r:RUNS]->(o:Operator) WHERE EXISTS { (p)-[:DRIVES_FOR]->(o) } | replace(coalesce(r.role, 'runs'), '_', ' ') + ' of ' + coalesce(o.name, o.id)],
      family: [(s)-[f:FAMILY_REL]-(p) | toLower(coalesce(f.rel_type, 'family'))]
    } AS statement
  } }) AS cases
}
CALL (p) {
  OPTIONAL MATCH (n:Notice)-[so:SERVED_ON]->(p)
  WHERE NOT {{held so}}
  RETURN collect(DISTINCT n) AS notices
}
CALL (p) {
  OPTIONAL MATCH (r:Report)-[:MENTIONS]->(p)
  WHERE 'licensing' IN [a IN coalesce(r.sharedWith, []) | toLower(a)] OR toLower(coalesce(r.ownerAgency, '')) = 'licensing'
  RETURN collect(DISTINCT r) AS disclosures
}
RETURN p, licences, spells, cases, notices, disclosures
