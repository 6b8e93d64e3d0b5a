// params: s
// Report id `s` had been received by $asOf (null: every report): an as-of answer names no report
// received later. A report is placed in time by its `datedOn` (its receivedOn); reports do not end.
($asOf IS NULL OR EXISTS { MATCH (rep:Report {id: {{s}}}) WHERE coalesce(rep.datedOn, '') <= $asOf })
