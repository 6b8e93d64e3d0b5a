// Person → child links derived under the rules of DESIGN.md §4 (never stored), one row per route.
// For the persons in $personIds (an index seek per person, not a scan); childLinks.ts switches the
// idIn slots off to ask about every adult, and adds a tail after it.
// Routes: an incident the person is PARTY_TO and the child VICTIM_OF; a notice SERVED_ON the person
// that PROTECTS the child; a phone the person HAS_PHONE that the child HAS_CONTACT; a direct
// KNOWS-family or FAMILY_REL link. Sharing only a location is a lead, not a link.
// As of $asOf, a route whose incident, notice or link is out of view (the as-of rule) is out of
// view, and so is a report received later. Each route's `sources` are the reports behind the records it goes through.
CALL {
  MATCH (p:Person)-[pt:PARTY_TO]->(i:Incident)<-[v:VICTIM_OF]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf i}} AND {{asOf pt}} AND {{asOf v}}
  RETURN p, c, 'incident' AS kind, i.id AS via, i.date AS date,
         'party to ' + coalesce(i.kind, 'an incident') + ' ' + i.id + ' where the child is the victim' AS description,
         coalesce(i.sources, []) + coalesce(pt.sources, []) + coalesce(v.sources, []) AS sources
  UNION
  MATCH (n:Notice)-[s:SERVED_ON]->(p:Person), (n)-[pr:PROTECTS]->(c:Person)
  WHERE {{idIn p personIds}} AND {{asOf n}} AND {{asOf s}} AND {{asOf pr}}
  RETURN p, c, 'notice' AS kind, n.id AS via, n.servedOn AS date,
         'abduction notice ' + n.id + ' served on the person protects the child' AS description,
         coalesce(n.sources, []) + coalesce(s.sources, []) AS sources
  UNION
  MATCH (p:Person)-[hp:HAS_PHONE]->(ph:Phone)<-[h:HAS_CONTACT]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf hp}} AND {{asOf h}}
  RETURN p, c, 'phone contact' AS kind, ph.id AS via, coalesce(h.from, hp.from) AS date,
         'the person\'s phone ' + coalesce(ph.phoneNo, ph.id) + ' is in the child\'s handset as "' + coalesce(h.savedAs, '?') + '"' AS description,
         coalesce(h.sources, []) + coalesce(hp.sources, []) AS sources
  UNION
  MATCH (p:Person)-[k:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true})
  WHERE {{idIn p personIds}} AND {{asOf k}}
  RETURN p, c, 'direct link' AS kind, k.id AS via, k.from AS date,
         'direct ' + type(k) + ' link' AS description, coalesce(k.sources, []) AS sources
}
WITH p, c, kind, via, date, description,
     [s IN sources WHERE {{received s}}] AS sources
WHERE coalesce(p.child, false) = false
