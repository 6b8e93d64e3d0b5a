// Suspected successor operators: for each operator whose licence was revoked, suspended or
// surrendered (the predecessor), every later-licensed operator linked to it by a signal. None of
// the signals needs to be stored as a link; each is derived here and described in words, as
// '<kind>: <detail>'.
MATCH (p:Operator)-[:HOLDS]->(pl:Licence {kind: 'operator'})
WHERE pl.status IN ['revoked', 'suspended', 'surrendered']
MATCH (s:Operator)-[:HOLDS]->(sl:Licence {kind: 'operator'})
WHERE s <> p AND coalesce(sl.grantedOn, '') >= coalesce(pl.grantedOn, '')
  AND ($operatorId IS NULL OR $operatorId IN [s.id, p.id])
CALL (p, s) {
  MATCH (p)-[:BASED_AT]->(l:Location)<-[:BASED_AT]-(s)
  RETURN 'same base: ' + coalesce(l.address, l.id) + ' (' + l.id + ')' AS signal
  UNION
  MATCH (p)-[:HAS_PHONE]->(ph:Phone)<-[:HAS_PHONE]-(s)
  RETURN 'same booking line: ' + coalesce(ph.phoneNo, ph.id) AS signal
  UNION
  MATCH (s)-[:HOLDS]->(:Licence)-[:CONTACT_PHONE]->(ph:Phone)
  WHERE EXISTS { (p)-[:HAS_PHONE]->(ph) } OR EXISTS { (p)<-[:RUNS]-(:Person)-[:HAS_PHONE]->(ph) }
  RETURN 'application phone: ' + coalesce(ph.phoneNo, ph.id) + ' belongs to the predecessor or a person who ran it' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[r2:RUNS]->(s)
  RETURN 'same person ran both: ' + coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' → ' + coalesce(r2.role, 'runs') + ')' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[f:FAMILY_REL]-(y:Person)-[r2:RUNS]->(s)
  WHERE x <> y
  RETURN 'family tie: ' + coalesce(y.name + ' ' + y.surname, y.id) + ' (' + coalesce(r2.role, 'runs it') + ') is ' + coalesce(f.rel_type, 'family of') + ' of ' +
         coalesce(x.name + ' ' + x.surname, x.id) + ' (' + coalesce(r1.role, 'ran') + ' of the predecessor)' AS signal
  UNION
  MATCH (p)<-[r1:RUNS]-(x:Person)-[:FAMILY_REL]-(y:Person)-[r2:RUNS {role: 'licensing_contact'}]->(s)
  RETURN 'licensing deals with: ' + coalesce(y.name + ' ' + y.surname, y.id) + ', family of ' + coalesce(x.name + ' ' + x.surname, x.id) AS signal
  UNION
  MATCH (p)<-[d1:DRIVES_FOR]-(d:Person)-[d2:DRIVES_FOR]->(s)
  WHERE coalesce(d2.from, '') >= coalesce(d1.from, '')
  WITH count(DISTINCT d) AS moved WHERE moved > 0
  RETURN 'drivers moved: ' + moved + ' from the predecessor' AS signal
  UNION
  MATCH (p)<-[v1:OPERATED_BY]-(v:Vehicle)-[v2:OPERATED_BY]->(s)
  WHERE coalesce(v2.from, '') >= coalesce(v1.from, '')
  WITH count(DISTINCT v) AS moved WHERE moved > 0
  RETURN 'vehicles moved: ' + moved + ' from the predecessor' AS signal
}
WITH p, s, pl, collect(signal) AS signals
RETURN s AS operator, p AS predecessor, pl.status AS predecessorStatus, pl.endedOn AS predecessorEndedOn, signals
ORDER BY size(signals) DESC, s.id, p.id
LIMIT 200
