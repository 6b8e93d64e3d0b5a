// Pairs of persons that may be one person, with the evidence. Strong signals only: a shared phone
// (attributed by HAS_PHONE, not a handset nickname), the same date of birth, or one's alias being
// the other's name. Names are compared for similarity in the server, and the date and alias
// signals judged again there from what the caller sees of both persons (merge.ts).
// A phone, or an attribution, that only reports withheld from the caller support ($withheld) is
// no evidence the caller may see: it is left out.
CALL {
  MATCH (a:Person)-[ra:HAS_PHONE]->(ph:Phone)<-[rb:HAS_PHONE]-(b:Person)
  WHERE a.id < b.id
    AND none(x IN [ph, ra, rb] WHERE size(coalesce(x.sources, [])) > 0 AND all(s IN x.sources WHERE s IN $withheld))
  RETURN a, b, 'both hold phone ' + coalesce(ph.phoneNo, ph.id) AS evidence
  UNION ALL
  MATCH (a:Person)
  WHERE a.dob IS NOT NULL
  MATCH (b:Person {dob: a.dob})
  WHERE a.id < b.id
  RETURN a, b, 'same date of birth ' + a.dob AS evidence
  UNION ALL
  MATCH (a:Person)
  WHERE a.aliases IS NOT NULL
  UNWIND a.aliases AS alias
  MATCH (b:Person)
  WHERE b <> a AND toLower(trim(coalesce(b.name, '') + ' ' + coalesce(b.surname, ''))) = toLower(trim(alias))
  RETURN CASE WHEN a.id < b.id THEN a ELSE b END AS a, CASE WHEN a.id < b.id THEN b ELSE a END AS b,
         'alias "' + alias + '" is the other\'s name' AS evidence
}
RETURN a, b, collect(DISTINCT evidence) AS evidence
LIMIT 2000
