// The reports an agency knew by $asOf ("what we knew then", server/domain/asOf.ts): received by then
// (placed by their datedOn, the receivedOn) and either the agency's own, or shared with it by then
// (its name in sharedWith, on sharedOn; a report that names the agency without a sharing date was
// shared on receipt). $agency null (a user of no agency): every report received by then.
MATCH (r:Report)
WHERE coalesce(r.datedOn, '') <= $asOf
WITH r, toLower(trim(coalesce(r.ownerAgency, ''))) AS owner, [a IN coalesce(r.sharedWith, []) | toLower(trim(toString(a)))] AS shared
WHERE $agency IS NULL OR owner = $agency
   OR ($agency IN shared AND left(toString(coalesce(r.sharedOn, r.receivedOn, '')), 10) <= $asOf)
RETURN collect(r.id) AS known
