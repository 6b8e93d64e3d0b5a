// One driver's whole record for a renewal decision: licences, operators driven for, every case in
// every state (complaints, concerns and crimes the driver is party to, and incidents involving the
// driver's licence or a vehicle while the driver used it), notices, and reports disclosed to
// licensing that mention the driver. Children appear nowhere here: only the incidents themselves.
// A link only reports withheld from the caller support ($withheld) puts nothing on the record.
MATCH (p:Person {id: $personId})
WHERE coalesce(p.child, false) = false
CALL (p) {
  MATCH (p)-[h:HOLDS]->(l:Licence)
  WHERE NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld))
  RETURN collect(DISTINCT l) AS licences
}
CALL (p) {
  OPTIONAL MATCH (p)-[d:DRIVES_FOR]->(o:Operator)
  WHERE NOT (size(coalesce(d.sources, [])) > 0 AND all(s IN d.sources WHERE s IN $withheld))
  RETURN collect(DISTINCT CASE WHEN o IS NULL THEN NULL ELSE {operator: o, from: d.from, to: d.to} END) AS spells
}
// Cases collected inside their own subquery, so that a driver with none still has a record.
CALL (p) {
  CALL (p) {
    MATCH (p)-[pt:PARTY_TO]->(i:Incident) WHERE NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld)) RETURN i, 'party to it' AS via
    UNION
    MATCH (p)-[h:HOLDS]->(:Licence)-[li:INVOLVED_IN]->(i:Incident) WHERE NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld)) AND NOT (size(coalesce(li.sources, [])) > 0 AND all(s IN li.sources WHERE s IN $withheld)) RETURN i, 'involves the driver\'s licence' AS via
    UNION
    MATCH (p)-[u:USES_VEHICLE]->(:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
    WHERE coalesce(u.from, '') <= coalesce(i.date, '') AND (u.to IS NULL OR i.date <= u.to) AND NOT (size(coalesce(u.sources, [])) > 0 AND all(s IN u.sources WHERE s IN $withheld)) AND NOT (size(coalesce(vi.sources, [])) > 0 AND all(s IN vi.sources WHERE s IN $withheld))
    RETURN i, 'involves a vehicle the driver used' AS via
  }
  WITH i, collect(via) AS vias
  ORDER BY i.date, i.id
  RETURN collect({incident: i, via: vias}) AS cases
}
CALL (p) {
  OPTIONAL MATCH (n:Notice)-[so:SERVED_ON]->(p)
  WHERE NOT (size(coalesce(so.sources, [])) > 0 AND all(s IN so.sources WHERE s IN $withheld))
  RETURN collect(DISTINCT n) AS notices
}
CALL (p) {
  OPTIONAL MATCH (r:Report)-[:MENTIONS]->(p)
  WHERE 'licensing' IN [a IN coalesce(r.sharedWith, []) | toLower(a)] OR toLower(coalesce(r.ownerAgency, '')) = 'licensing'
  RETURN collect(DISTINCT r) AS disclosures
}
RETURN p, licences, spells, cases, notices, disclosures
