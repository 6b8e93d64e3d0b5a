// params: xs...
// A route through records `xs` counts for the caller unless every report behind it (their
// `sources`) that was received by $asOf is withheld from them: no report of it received yet, or one
// the caller may see.
(none(rid IN {{sourcesOf xs...}} WHERE {{received rid}}) OR any(rid IN {{sourcesOf xs...}} WHERE NOT rid IN $withheld AND {{received rid}}))
