// params: x
// opt-in:
// "What we knew then" (asOfBasis KNOWN, server/domain/asOf.ts): record `x` counts only when a
// report the asking agency knew by $asOf supports it ($known: received by then and the agency's
// own or shared with it by then; db/knownReports.ts). A record with no sources is placed by its
// date alone. Asked with `on: ['known']`; otherwise it renders as nothing and the rule is unchanged.
AND (size(coalesce({{x}}.sources, [])) = 0 OR any(rid IN {{x}}.sources WHERE rid IN $known))
