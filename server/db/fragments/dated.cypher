// params: x
// The start half of the as-of rule, for histories (a chronology): record `x` had happened by $asOf
// (null: everything). An ended placement is still part of a child's history. Asked "what we knew
// then", also supported by a report known by then (known.cypher, opt-in).
($asOf IS NULL OR coalesce({{x}}.datedOn, '') <= $asOf{{known x}})
