// The calls between two phones, either way, that the caller may see (a call only withheld reports
// give is left out), per day and per hour of the day, from the PhoneCall records (CALLER / CALLED).
MATCH (a:Phone {id: $a}), (b:Phone {id: $b})
CALL {
  WITH a, b
  MATCH (a)<-[:CALLER]-(c:PhoneCall)-[:CALLED]->(b) RETURN c, true AS fromA
  UNION
  WITH a, b
  MATCH (b)<-[:CALLER]-(c:PhoneCall)-[:CALLED]->(a) RETURN c, false AS fromA
}
WITH c, fromA WHERE NOT (size(coalesce(c.sources, [])) > 0 AND all(s IN c.sources WHERE s IN $withheld))
RETURN left(toString(c.call_date), 10) AS day, toInteger(left(toString(c.call_time), 2)) AS hour,
       count(*) AS calls, sum(coalesce(toInteger(c.call_duration), 0)) AS seconds, sum(CASE WHEN fromA THEN 1 ELSE 0 END) AS fromA
