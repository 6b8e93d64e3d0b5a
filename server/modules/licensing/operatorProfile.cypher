// One operator's page for licensing, as of $asOf (null: everything): its history as it stood then —
// what had begun by $asOf, spells that have since ended included, each with its dates (the as-of
// rule's history half, fragments/dated.cypher: a revoked operator's drivers are what licensing
// looks for in its successors; server/domain/asOf.ts). Its licences, the people who
// run it, its drivers (with their driver-licence status and notices served on them), its vehicles,
// bases and phones, and its concerns (incidents that name it, involve one of its vehicles while it
// operated the vehicle, or have one of its drivers party to them while driving for it), each with
// the meetings that raised it and how many children it concerned, as a count only.
// A concern only reports withheld from the caller support ($withheld) is listed (it shows as held)
// but nothing that follows from it is: no meetings, no children. Nor does any link only withheld
// reports support (a driver's or vehicle's spell, a licence held, a notice served, a RAISED_AT or
// VICTIM_OF) count or show.
// Each concern says when licensing first knew of it (knownToLicensingOn): the earliest date a report
// behind it was made by licensing ($licensingAgency, lower case) or shared with it (sharedOn, or its
// receipt when undated). Asked "what we knew then" (asOfBasis KNOWN), the as-of slots take the
// opt-in `known` part of the rule (fragments/known.cypher).
MATCH (o:Operator {id: $operatorId})
CALL (o) {
  MATCH (o)-[h:HOLDS]->(l:Licence)
  WHERE {{dated h}} AND {{dated l}} AND NOT {{held h}}
  WITH l ORDER BY coalesce(l.grantedOn, ''), l.id
  RETURN collect(l) AS licences
}
CALL (o) {
  MATCH (x:Person)-[r:RUNS]->(o)
  WHERE {{dated r}} AND NOT {{held r}}
  WITH x, r ORDER BY coalesce(r.from, ''), x.id
  RETURN collect({entity: x, role: r.role, from: r.from, to: r.to}) AS people
}
CALL (o) {
  MATCH (d:Person)-[df:DRIVES_FOR]->(o)
  WHERE {{dated df}} AND NOT {{held df}}
  WITH d, df ORDER BY coalesce(df.from, ''), d.id
  RETURN collect({
    person: d, from: df.from, to: df.to,
    licenceStatus: head(COLLECT { MATCH (d)-[h:HOLDS]->(l:Licence {kind: 'driver'}) WHERE {{dated h}} AND {{dated l}} AND NOT {{held h}} AND NOT {{held l}} RETURN l.status ORDER BY coalesce(l.grantedOn, '') DESC }),
    notices: COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(d) WHERE {{dated n}} AND {{dated so}} AND NOT {{held so}} AND NOT {{held n}} RETURN DISTINCT n }
  }) AS drivers
}
CALL (o) {
  MATCH (v:Vehicle)-[ob:OPERATED_BY]->(o)
  WHERE {{dated ob}} AND NOT {{held ob}}
  WITH v, ob ORDER BY coalesce(ob.from, ''), v.id
  RETURN collect({entity: v, role: null, from: ob.from, to: ob.to}) AS vehicles
}
CALL (o) {
  MATCH (o)-[b:BASED_AT]->(loc:Location)
  WHERE {{dated b}} AND NOT {{held b}}
  WITH loc, b ORDER BY coalesce(b.from, ''), loc.id
  RETURN collect({entity: loc, role: null, from: b.from, to: b.to}) AS bases
}
CALL (o) {
  CALL (o) {
    MATCH (o)-[hp:HAS_PHONE]->(ph:Phone) WHERE {{dated hp}} AND NOT {{held hp}} RETURN ph, 'booking line' AS role
    UNION
    MATCH (o)-[h:HOLDS]->(l:Licence)-[cp:CONTACT_PHONE]->(ph:Phone) WHERE {{dated h}} AND {{dated l}} AND {{dated cp}} AND NOT {{held h}} AND NOT {{held cp}} RETURN ph, 'application phone' AS role
  }
  WITH ph, collect(role) AS roles ORDER BY ph.id
  RETURN collect({entity: ph, role: reduce(s = '', r IN roles | s + CASE s WHEN '' THEN '' ELSE ', ' END + r), from: null, to: null}) AS phones
}
CALL (o) {
  CALL (o) {
    MATCH (o)-[io:INVOLVED_IN]->(i:Incident)
    WHERE {{dated io}} AND NOT {{held io}}
    RETURN i, 'names the operator' AS via
    UNION
    MATCH (o)<-[ob:OPERATED_BY]-(v:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
    WHERE coalesce(ob.from, '') <= coalesce(i.date, '') AND (ob.to IS NULL OR i.date <= ob.to) AND {{dated vi}} AND NOT {{held ob}} AND NOT {{held vi}}
    RETURN i, 'its vehicle ' + coalesce(v.reg, v.id) AS via
    UNION
    MATCH (o)<-[df:DRIVES_FOR]-(d:Person)-[pt:PARTY_TO]->(i:Incident)
    WHERE coalesce(df.from, '') <= coalesce(i.date, '') AND (df.to IS NULL OR i.date <= df.to) AND {{dated pt}} AND NOT {{held df}} AND NOT {{held pt}}
    RETURN i, 'its driver ' + coalesce(d.name + ' ' + d.surname, d.id) AS via
  }
  WITH i, collect(via) AS via
  WHERE i.kind <> 'licence_event' AND {{dated i}}
  WITH i, via, {{held i}} AS held
  ORDER BY coalesce(i.date, '') DESC, i.id
  RETURN collect({
    incident: i, via: via,
    meetings: CASE WHEN held THEN [] ELSE COLLECT {
      MATCH (i)-[ra:RAISED_AT]->(m:Meeting)
      WHERE {{dated m}} AND {{dated ra}}
        AND NOT {{held ra}}
      RETURN m ORDER BY coalesce(m.date, ''), m.id
    } END,
    children: CASE WHEN held THEN 0 ELSE COUNT {
      MATCH (c:Person)-[v:VICTIM_OF]->(i)
      WHERE c.child = true AND NOT {{held v}}
      RETURN DISTINCT c
    } END,
    knownToLicensingOn: CASE WHEN held THEN null ELSE head(COLLECT {
      UNWIND coalesce(i.sources, []) AS sid
      MATCH (rep:Entity {id: sid}) WHERE rep:Report
      WITH CASE WHEN toLower(trim(coalesce(rep.ownerAgency, ''))) = $licensingAgency THEN rep.receivedOn
                WHEN $licensingAgency IN [a IN coalesce(rep.sharedWith, []) | toLower(trim(toString(a)))] THEN coalesce(rep.sharedOn, rep.receivedOn) END AS knownOn
      WHERE knownOn IS NOT NULL
      RETURN left(toString(knownOn), 10) AS knownOn ORDER BY knownOn LIMIT 1
    }) END
  }) AS concerns
}
RETURN o, licences, people, drivers, vehicles, bases, phones, concerns
