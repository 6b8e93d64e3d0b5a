// params: sources
// A route (the reports behind it: `sources`) counts for the caller unless every report behind it
// that was received by $asOf is withheld from them: no report of it received yet, or one the
// caller may see.
(none(rid IN {{sources}} WHERE {{received rid}}) OR any(rid IN {{sources}} WHERE NOT rid IN $withheld AND {{received rid}}))
