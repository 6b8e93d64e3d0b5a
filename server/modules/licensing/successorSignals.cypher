// Suspected successor operators: for each operator whose licence was revoked, suspended or
// surrendered (the predecessor), every later-licensed operator linked to it by a signal. None of
// the signals needs to be stored as a link; each is derived here and described in words, as
// '<kind>: <detail>'. A link only reports withheld from the caller support ($withheld) is no signal.
MATCH (p:Operator)-[ph1:HOLDS]->(pl:Licence {kind: 'operator'})
WHERE pl.status IN ['revoked', 'suspended', 'surrendered'] AND NOT {{held ph1}}
MATCH (s:Operator)-[sh1:HOLDS]->(sl:Licence {kind: 'operator'})
WHERE s <> p AND NOT {{held sh1}} AND coalesce(sl.grantedOn, '') >= coalesce(pl.grantedOn, '')
  AND ($operatorId IS NULL OR $operatorId IN [s.id, p.id])
CALL (p, s) {
  MATCH (p)-[b1:BASED_AT]->(l:Location)<-[b2:BASED_AT]-(s)
  WHERE NOT {{held b1}} AND NOT {{held b2}}
  RETURN 'same base: ' + coalesce(l.address, l.id) + ' (' + l.id + ')' AS signal
  UNION
  MATCH (p)-[h1:HAS_PHONE]->(ph:Phone)<-[h2:HAS_PHONE]-(s)
  WHERE NOT {{held h1}} AND NOT {{held h2}}
  RETURN 'same booking line: ' + coalesce(ph.phoneNo, ph.id) AS signal
  UNION
  MATCH (s)-[h1:HOLDS]->(:Licence)-[cp:CONTACT_PHONE]->(ph:Phone)
  WHERE NOT {{held h1}} AND NOT {{held cp}}
    AND (EXISTS { (p)-[h2:HAS_PHONE]->(ph) WHERE NOT {{held h2}} } OR EXISTS { (p)<-[r:RUNS]-(:Person)-[h3:HAS_PHONE]->(ph) WHERE NOT {{held r}} AND NOT {{held h3}} })
  RETURN 'application phone: ' + coalesce(ph.phoneNo, ph.id) + ' belongs to the predecessor or a person who ran it' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[r2:RUNS]->(s)
  WHERE NOT {{held r1}} AND NOT {{held r2}}
  RETURN 'same person ran both: ' + coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' → ' + coalesce(r2.role, 'runs') + ')' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[f:FAMILY_REL]-(y:Person)-[r2:RUNS]->(s)
  WHERE x <> y AND NOT {{held r1}} AND NOT {{held f}} AND NOT {{held r2}}
  RETURN 'family tie: ' + coalesce(y.name + ' ' + y.surname, y.id) + ' (' + coalesce(r2.role, 'runs it') + ') is ' + coalesce(f.rel_type, 'family of') + ' of ' +
         coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' of the predecessor)' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[f:FAMILY_REL]-(y:Person)-[r2:RUNS {role: 'licensing_contact'}]->(s)
  WHERE NOT {{held r1}} AND NOT {{held f}} AND NOT {{held r2}}
  RETURN 'licensing deals with: ' + coalesce(y.name + ' ' + y.surname, y.id) + ', family of ' + coalesce(x.name + ' ' + x.surname, x.id) AS signal
  UNION
  MATCH (p)<-[d1:DRIVES_FOR]-(d:Person)-[d2:DRIVES_FOR]->(s)
  WHERE coalesce(d2.from, '') >= coalesce(d1.from, '') AND NOT {{held d1}} AND NOT {{held d2}}
  WITH count(DISTINCT d) AS moved WHERE moved > 0
  RETURN 'drivers moved: ' + moved + ' from the predecessor' AS signal
  UNION
  MATCH (p)<-[v1:OPERATED_BY]-(v:Vehicle)-[v2:OPERATED_BY]->(s)
  WHERE coalesce(v2.from, '') >= coalesce(v1.from, '') AND NOT {{held v1}} AND NOT {{held v2}}
  WITH count(DISTINCT v) AS moved WHERE moved > 0
  RETURN 'vehicles moved: ' + moved + ' from the predecessor' AS signal
}
WITH p, s, pl, collect(signal) AS signals
RETURN s AS operator, p AS predecessor, pl.status AS predecessorStatus, pl.endedOn AS predecessorEndedOn, signals
ORDER BY size(signals) DESC, s.id, p.id
LIMIT 200
