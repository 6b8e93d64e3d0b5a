// The demo's meeting records, actions and deliveries (seeds/demo/followThrough.ts), as stored.
CALL () {
  UNWIND $records AS r
  MERGE (x:MeetingRecord {id: r.id})
  SET x = r
  RETURN count(*) AS records
}
CALL () {
  UNWIND $actions AS a
  MERGE (x:MeetingAction {id: a.id})
  SET x = a
  RETURN count(*) AS actions
}
CALL () {
  UNWIND $deliveries AS d
  MERGE (x:Delivery {id: d.id})
  SET x = d
  RETURN count(*) AS deliveries
}
RETURN records, actions, deliveries
