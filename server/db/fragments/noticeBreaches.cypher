// params: n, p, c
// The breaches of notice `n`, served on `p` to keep them from child `c` (DESIGN.md §4: derived,
// never stored): every record dated after the notice was served that joins the two — an incident
// (a sighting, a missing episode, a concern, a crime, ...) with both in it, a phone call between
// their phones, a call-records contact between their phones, a handset entry of one for the
// other's phone, a KNOWS-family link. Links without a date are not "after" anything and are left
// out. One map per piece of evidence: id, kind, date, sources, and the node when it is one.
COLLECT {
  MATCH ({{p}})-[:PARTY_TO|VICTIM_OF]->(e:Incident)<-[:PARTY_TO|VICTIM_OF]-({{c}})
  WHERE {{n}}.servedOn IS NOT NULL AND e.kind <> 'licence_event' AND coalesce(e.date, e.datedOn) > {{n}}.servedOn
  RETURN {id: e.id, kind: coalesce(e.kind, 'incident'), date: coalesce(e.date, e.datedOn), sources: coalesce(e.sources, []), node: e} AS b
  UNION
  MATCH ({{p}})-[:HAS_PHONE]->(:Phone)<-[:CALLER|CALLED]-(e:PhoneCall)-[:CALLER|CALLED]->(:Phone)<-[:HAS_PHONE]-({{c}})
  WHERE {{n}}.servedOn IS NOT NULL AND coalesce(e.call_date, e.date, e.datedOn) > {{n}}.servedOn
  RETURN {id: e.id, kind: 'phone_call', date: coalesce(e.call_date, e.date, e.datedOn), sources: coalesce(e.sources, []), node: e} AS b
  UNION
  MATCH ({{p}})-[:HAS_PHONE]->(:Phone)-[e:CONTACTED]-(:Phone)<-[:HAS_PHONE]-({{c}})
  WHERE {{n}}.servedOn IS NOT NULL AND coalesce(e.lastOn, e.datedOn) > {{n}}.servedOn
  RETURN {id: e.id, kind: 'phone_contact', date: coalesce(e.lastOn, e.datedOn), sources: coalesce(e.sources, []), node: null} AS b
  UNION
  MATCH (x:Person)-[e:HAS_CONTACT]->(:Phone)<-[:HAS_PHONE]-(y:Person)
  WHERE ((x = {{c}} AND y = {{p}}) OR (x = {{p}} AND y = {{c}}))
    AND {{n}}.servedOn IS NOT NULL AND coalesce(e.from, e.datedOn) > {{n}}.servedOn
  RETURN {id: e.id, kind: 'handset_contact', date: coalesce(e.from, e.datedOn), sources: coalesce(e.sources, []), node: null} AS b
  UNION
  MATCH ({{p}})-[e:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-({{c}})
  WHERE {{n}}.servedOn IS NOT NULL AND coalesce(e.from, e.datedOn) > {{n}}.servedOn
  RETURN {id: e.id, kind: 'knows', date: coalesce(e.from, e.datedOn), sources: coalesce(e.sources, []), node: null} AS b
}
