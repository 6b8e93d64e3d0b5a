// params: x
// The as-of rule (server/domain/asOf.ts), with $asOf given: record `x` (a node or a link) is in view
// as of $asOf when the date that places it in time (`datedOn`, absent when undated) is not later,
// and its validity has not ended before it (`to` absent, or on or after $asOf). Both ends inclusive.
// Asked "what we knew then", also supported by a report known by then (known.cypher, opt-in).
(coalesce({{x}}.datedOn, '') <= $asOf AND ({{x}}.to IS NULL OR {{x}}.to >= $asOf){{known x}})
