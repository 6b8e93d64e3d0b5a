// Suspected successor operators: for each operator whose licence was revoked, suspended or
// surrendered (the predecessor), every later-licensed operator linked to it by a signal. None of
// the signals needs to be stored as a link; each is derived here and described in words, as
// '<kind>: <detail>'. A link only reports withheld from the caller support ($withheld) is no signal.
MATCH (p:Operator)-[ph1:HOLDS]->(pl:Licence {kind: 'operator'})
WHERE pl.status IN ['revoked', 'suspended', 'surrendered'] AND NOT (size(coalesce(ph1.sources, [])) > 0 AND all(rid IN ph1.sources WHERE rid IN $withheld))
MATCH (s:Operator)-[sh1:HOLDS]->(sl:Licence {kind: 'operator'})
WHERE s <> p AND NOT (size(coalesce(sh1.sources, [])) > 0 AND all(rid IN sh1.sources WHERE rid IN $withheld)) AND coalesce(sl.grantedOn, '') >= coalesce(pl.grantedOn, '')
  AND ($operatorId IS NULL OR $operatorId IN [s.id, p.id])
CALL (p, s) {
  MATCH (p)-[b1:BASED_AT]->(l:Location)<-[b2:BASED_AT]-(s)
  WHERE NOT (size(coalesce(b1.sources, [])) > 0 AND all(rid IN b1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(b2.sources, [])) > 0 AND all(rid IN b2.sources WHERE rid IN $withheld))
  RETURN 'same base: ' + coalesce(l.address, l.id) + ' (' + l.id + ')' AS signal
  UNION
  MATCH (p)-[h1:HAS_PHONE]->(ph:Phone)<-[h2:HAS_PHONE]-(s)
  WHERE NOT (size(coalesce(h1.sources, [])) > 0 AND all(rid IN h1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(h2.sources, [])) > 0 AND all(rid IN h2.sources WHERE rid IN $withheld))
  RETURN 'same booking line: ' + coalesce(ph.phoneNo, ph.id) AS signal
  UNION
  MATCH (s)-[h1:HOLDS]->(:Licence)-[cp:CONTACT_PHONE]->(ph:Phone)
  WHERE NOT (size(coalesce(h1.sources, [])) > 0 AND all(rid IN h1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(cp.sources, [])) > 0 AND all(rid IN cp.sources WHERE rid IN $withheld))
    AND (EXISTS { (p)-[h2:HAS_PHONE]->(ph) WHERE NOT (size(coalesce(h2.sources, [])) > 0 AND all(rid IN h2.sources WHERE rid IN $withheld)) } OR EXISTS { (p)<-[r:RUNS]-(:Person)-[h3:HAS_PHONE]->(ph) WHERE NOT (size(coalesce(r.sources, [])) > 0 AND all(rid IN r.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(h3.sources, [])) > 0 AND all(rid IN h3.sources WHERE rid IN $withheld)) })
  RETURN 'application phone: ' + coalesce(ph.phoneNo, ph.id) + ' belongs to the predecessor or a person who ran it' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[r2:RUNS]->(s)
  WHERE NOT (size(coalesce(r1.sources, [])) > 0 AND all(rid IN r1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(r2.sources, [])) > 0 AND all(rid IN r2.sources WHERE rid IN $withheld))
  RETURN 'same person ran both: ' + coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' → ' + coalesce(r2.role, 'runs') + ')' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[f:FAMILY_REL]-(y:Person)-[r2:RUNS]->(s)
  WHERE x <> y AND NOT (size(coalesce(r1.sources, [])) > 0 AND all(rid IN r1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(f.sources, [])) > 0 AND all(rid IN f.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(r2.sources, [])) > 0 AND all(rid IN r2.sources WHERE rid IN $withheld))
  RETURN 'family tie: ' + coalesce(y.name + ' ' + y.surname, y.id) + ' (' + coalesce(r2.role, 'runs it') + ') is ' + coalesce(f.rel_type, 'family of') + ' of ' +
         coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' of the predecessor)' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[f:FAMILY_REL]-(y:Person)-[r2:RUNS {role: 'licensing_contact'}]->(s)
  WHERE NOT (size(coalesce(r1.sources, [])) > 0 AND all(rid IN r1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(f.sources, [])) > 0 AND all(rid IN f.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(r2.sources, [])) > 0 AND all(rid IN r2.sources WHERE rid IN $withheld))
  RETURN 'licensing deals with: ' + coalesce(y.name + ' ' + y.surname, y.id) + ', family of ' + coalesce(x.name + ' ' + x.surname, x.id) AS signal
  UNION
  MATCH (p)<-[d1:DRIVES_FOR]-(d:Person)-[d2:DRIVES_FOR]->(s)
  WHERE coalesce(d2.from, '') >= coalesce(d1.from, '') AND NOT (size(coalesce(d1.sources, [])) > 0 AND all(rid IN d1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(d2.sources, [])) > 0 AND all(rid IN d2.sources WHERE rid IN $withheld))
  WITH count(DISTINCT d) AS moved WHERE moved > 0
  RETURN 'drivers moved: ' + moved + ' from the predecessor' AS signal
  UNION
  MATCH (p)<-[v1:OPERATED_BY]-(v:Vehicle)-[v2:OPERATED_BY]->(s)
  WHERE coalesce(v2.from, '') >= coalesce(v1.from, '') AND NOT (size(coalesce(v1.sources, [])) > 0 AND all(rid IN v1.sources WHERE rid IN $withheld)) AND NOT (size(coalesce(v2.sources, [])) > 0 AND all(rid IN v2.sources WHERE rid IN $withheld))
  WITH count(DISTINCT v) AS moved WHERE moved > 0
  RETURN 'vehicles moved: ' + moved + ' from the predecessor' AS signal
}
WITH p, s, pl, collect(signal) AS signals
RETURN s AS operator, p AS predecessor, pl.status AS predecessorStatus, pl.endedOn AS predecessorEndedOn, signals
ORDER BY size(signals) DESC, s.id, p.id
LIMIT 200
