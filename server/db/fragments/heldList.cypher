// params: sources
// The same for a list of report ids (the reports behind a route): all of them withheld.
(size({{sources}}) > 0 AND all(rid IN {{sources}} WHERE rid IN $withheld))
