/**
 * Relationship types of the graph vocabulary (DESIGN.md §4, a contract, so safe to list here): the
 * choices offered when narrowing an expansion. Kept in the web app rather than imported from
 * server/ so the browser bundle never pulls in server code.
 */
export const LINK_TYPES = [
  'KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL',
  'CURRENT_ADDRESS', 'ATTENDS', 'DISCUSSED_AT',
  'HAS_PHONE', 'HAS_EMAIL', 'HAS_CONTACT', 'CONTACTED', 'USES_VEHICLE',
  'PARTY_TO', 'VICTIM_OF', 'INVOLVED_IN', 'OCCURRED_AT', 'INVESTIGATED_BY',
  'CALLER', 'CALLED', 'HAS_POSTCODE', 'LOCATION_IN_AREA', 'POSTCODE_IN_AREA',
  'RAISED_AT', 'DRIVES_FOR', 'RUNS', 'HOLDS', 'CONTACT_PHONE', 'OPERATED_BY', 'BASED_AT',
  'SERVED_ON', 'PROTECTS', 'SERVED_AT', 'NAMES_PLACE',
  'ON_CHART', 'PART_OF', 'MENTIONS',
  // Licensing decisions on the record (issue 20 item 10).
  'DECISION_ON', 'REPRESENTATION_ON', 'CHECK_FOR', 'CLOSING_STATEMENT',
] as const;
