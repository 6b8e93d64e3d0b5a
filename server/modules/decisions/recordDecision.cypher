// One licensing decision, written once and never changed (a change is a new decision): the decision
// record, the representations received before it, and the licence's status as the decision leaves it
// ($status null: conditions change no status). Dated by its decision date (`from`, domain/asOf.ts).
MATCH (l:Licence {id: $licenceId})
CREATE (d:Entity:LicensingDecision {id: $id})
SET d += $props, d.from = $props.decidedOn, d.recordedAt = $recordedAt
SET d.datedOn = {{nodeDatedOn d}}
CREATE (d)-[on:DECISION_ON {from: $props.decidedOn}]->(l)
SET on.datedOn = {{linkDatedOn on}}
SET l.status = coalesce($status, l.status),
    l.endedOn = CASE WHEN $status IN ['revoked', 'refused'] THEN $props.decidedOn ELSE l.endedOn END
WITH d
CALL (d) {
  UNWIND $representations AS rep
  CREATE (r:Entity:Representation {id: rep.id})
  SET r += rep.props, r.from = rep.props.receivedOn
  SET r.datedOn = {{nodeDatedOn r}}
  CREATE (r)-[ro:REPRESENTATION_ON {from: rep.props.receivedOn}]->(d)
  SET ro.datedOn = {{linkDatedOn ro}}
  RETURN collect(r) AS reps
}
RETURN d, reps
