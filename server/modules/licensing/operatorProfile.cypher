// One operator's page for licensing, as of $asOf (null: everything): its licences, the people who
// run it, its drivers (with their driver-licence status and notices served on them), its vehicles,
// bases and phones, and its concerns (incidents that name it, involve one of its vehicles while it
// operated the vehicle, or have one of its drivers party to them while driving for it), each with
// the meetings that raised it and how many children it concerned, as a count only.
// A concern only reports withheld from the caller support ($withheld) is listed (it shows as held)
// but nothing that follows from it is: no meetings, no children. Nor does any link only withheld
// reports support (a driver's or vehicle's spell, a licence held, a notice served, a RAISED_AT or
// VICTIM_OF) count or show.
MATCH (o:Operator {id: $operatorId})
CALL (o) {
  MATCH (o)-[h:HOLDS]->(l:Licence)
  WHERE NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld))
  WITH l ORDER BY coalesce(l.grantedOn, ''), l.id
  RETURN collect(l) AS licences
}
CALL (o) {
  MATCH (x:Person)-[r:RUNS]->(o)
  WHERE ($asOf IS NULL OR coalesce(r.from, '') <= $asOf) AND NOT (size(coalesce(r.sources, [])) > 0 AND all(s IN r.sources WHERE s IN $withheld))
  WITH x, r ORDER BY coalesce(r.from, ''), x.id
  RETURN collect({entity: x, role: r.role, from: r.from, to: r.to}) AS people
}
CALL (o) {
  MATCH (d:Person)-[df:DRIVES_FOR]->(o)
  WHERE ($asOf IS NULL OR coalesce(df.from, '') <= $asOf) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(s IN df.sources WHERE s IN $withheld))
  WITH d, df ORDER BY coalesce(df.from, ''), d.id
  RETURN collect({
    person: d, from: df.from, to: df.to,
    licenceStatus: head(COLLECT { MATCH (d)-[h:HOLDS]->(l:Licence {kind: 'driver'}) WHERE NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld)) AND NOT (size(coalesce(l.sources, [])) > 0 AND all(s IN l.sources WHERE s IN $withheld)) RETURN l.status ORDER BY coalesce(l.grantedOn, '') DESC }),
    notices: COUNT { MATCH (n:Notice)-[so:SERVED_ON]->(d) WHERE ($asOf IS NULL OR coalesce(n.servedOn, '') <= $asOf) AND NOT (size(coalesce(so.sources, [])) > 0 AND all(s IN so.sources WHERE s IN $withheld)) AND NOT (size(coalesce(n.sources, [])) > 0 AND all(s IN n.sources WHERE s IN $withheld)) RETURN DISTINCT n }
  }) AS drivers
}
CALL (o) {
  MATCH (v:Vehicle)-[ob:OPERATED_BY]->(o)
  WHERE ($asOf IS NULL OR coalesce(ob.from, '') <= $asOf) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(s IN ob.sources WHERE s IN $withheld))
  WITH v, ob ORDER BY coalesce(ob.from, ''), v.id
  RETURN collect({entity: v, role: null, from: ob.from, to: ob.to}) AS vehicles
}
CALL (o) {
  MATCH (o)-[b:BASED_AT]->(loc:Location)
  WHERE NOT (size(coalesce(b.sources, [])) > 0 AND all(s IN b.sources WHERE s IN $withheld))
  WITH loc, b ORDER BY coalesce(b.from, ''), loc.id
  RETURN collect({entity: loc, role: null, from: b.from, to: b.to}) AS bases
}
CALL (o) {
  CALL (o) {
    MATCH (o)-[hp:HAS_PHONE]->(ph:Phone) WHERE NOT (size(coalesce(hp.sources, [])) > 0 AND all(s IN hp.sources WHERE s IN $withheld)) RETURN ph, 'booking line' AS role
    UNION
    MATCH (o)-[h:HOLDS]->(:Licence)-[cp:CONTACT_PHONE]->(ph:Phone) WHERE NOT (size(coalesce(h.sources, [])) > 0 AND all(s IN h.sources WHERE s IN $withheld)) AND NOT (size(coalesce(cp.sources, [])) > 0 AND all(s IN cp.sources WHERE s IN $withheld)) RETURN ph, 'application phone' AS role
  }
  WITH ph, collect(role) AS roles ORDER BY ph.id
  RETURN collect({entity: ph, role: reduce(s = '', r IN roles | s + CASE s WHEN '' THEN '' ELSE ', ' END + r), from: null, to: null}) AS phones
}
CALL (o) {
  CALL (o) {
    MATCH (o)-[io:INVOLVED_IN]->(i:Incident)
    WHERE NOT (size(coalesce(io.sources, [])) > 0 AND all(s IN io.sources WHERE s IN $withheld))
    RETURN i, 'names the operator' AS via
    UNION
    MATCH (o)<-[ob:OPERATED_BY]-(v:Vehicle)-[vi:INVOLVED_IN]->(i:Incident)
    WHERE coalesce(ob.from, '') <= coalesce(i.date, '') AND (ob.to IS NULL OR i.date <= ob.to) AND NOT (size(coalesce(ob.sources, [])) > 0 AND all(s IN ob.sources WHERE s IN $withheld)) AND NOT (size(coalesce(vi.sources, [])) > 0 AND all(s IN vi.sources WHERE s IN $withheld))
    RETURN i, 'its vehicle ' + coalesce(v.reg, v.id) AS via
    UNION
    MATCH (o)<-[df:DRIVES_FOR]-(d:Person)-[pt:PARTY_TO]->(i:Incident)
    WHERE coalesce(df.from, '') <= coalesce(i.date, '') AND (df.to IS NULL OR i.date <= df.to) AND NOT (size(coalesce(df.sources, [])) > 0 AND all(s IN df.sources WHERE s IN $withheld)) AND NOT (size(coalesce(pt.sources, [])) > 0 AND all(s IN pt.sources WHERE s IN $withheld))
    RETURN i, 'its driver ' + coalesce(d.name + ' ' + d.surname, d.id) AS via
  }
  WITH i, collect(via) AS via
  WHERE i.kind <> 'licence_event' AND ($asOf IS NULL OR coalesce(i.date, '') <= $asOf)
  WITH i, via, (size(coalesce(i.sources, [])) > 0 AND all(s IN i.sources WHERE s IN $withheld)) AS held
  ORDER BY coalesce(i.date, '') DESC, i.id
  RETURN collect({
    incident: i, via: via,
    meetings: CASE WHEN held THEN [] ELSE COLLECT {
      MATCH (i)-[ra:RAISED_AT]->(m:Meeting)
      WHERE ($asOf IS NULL OR coalesce(m.date, '') <= $asOf)
        AND NOT (size(coalesce(ra.sources, [])) > 0 AND all(s IN ra.sources WHERE s IN $withheld))
      RETURN m ORDER BY coalesce(m.date, ''), m.id
    } END,
    children: CASE WHEN held THEN 0 ELSE COUNT {
      MATCH (c:Person)-[v:VICTIM_OF]->(i)
      WHERE c.child = true AND NOT (size(coalesce(v.sources, [])) > 0 AND all(s IN v.sources WHERE s IN $withheld))
      RETURN DISTINCT c
    } END
  }) AS concerns
}
RETURN o, licences, people, drivers, vehicles, bases, phones, concerns
