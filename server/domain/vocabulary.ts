/**
 * The graph vocabulary of DESIGN.md §4 (contract). Labels and relationship types are identifiers,
 * not parameters, in Cypher: anything interpolated into a query must be checked against these
 * lists first (see `assertLabel` / `assertLinkType`).
 */

/** Labels in order of specificity: an entity's `kind` is the first of these it carries. */
export const LABELS = [
  'Officer',
  'Person',
  'Crime',
  'Incident',
  'Phone',
  'Email',
  'Vehicle',
  'Location',
  'PhoneCall',
  'Object',
  'PostCode',
  'Area',
  'Operator',
  'Licence',
  'Notice',
  'Meeting',
  'Operation',
  'Report',
  // Licensing decisions on the record (issue 20 item 10, server/modules/decisions/).
  'LicensingDecision',
  'Representation',
  'LicenceCheck',
] as const;
export type Label = (typeof LABELS)[number];

export const LINK_TYPES = [
  'KNOWS',
  'KNOWS_LW',
  'KNOWS_SN',
  'KNOWS_PHONE',
  'FAMILY_REL',
  'CURRENT_ADDRESS',
  'ATTENDS',
  'DISCUSSED_AT',
  'HAS_PHONE',
  'HAS_EMAIL',
  'HAS_CONTACT',
  'USES_VEHICLE',
  'PARTY_TO',
  'VICTIM_OF',
  'INVOLVED_IN',
  'OCCURRED_AT',
  'INVESTIGATED_BY',
  'CALLER',
  'CALLED',
  'HAS_POSTCODE',
  'LOCATION_IN_AREA',
  'POSTCODE_IN_AREA',
  'RAISED_AT',
  'DRIVES_FOR',
  'RUNS',
  'HOLDS',
  'CONTACT_PHONE',
  'OPERATED_BY',
  'BASED_AT',
  'SERVED_ON',
  'PROTECTS',
  'SERVED_AT',
  'NAMES_PLACE',
  'ON_CHART',
  'PART_OF',
  'MENTIONS',
  'CONTACTED',
  // Licensing decisions on the record (issue 20 item 10, server/modules/decisions/).
  'DECISION_ON',
  'REPRESENTATION_ON',
  'CHECK_FOR',
  'CLOSING_STATEMENT',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * Link types that record how the data is kept (charts, reports, meetings, postcodes and areas), not
 * evidence that two things are connected: everyone on an operation's chart is two ON_CHART links from
 * everyone else. Paths and connecting networks leave them out unless asked for (DESIGN.md §5).
 */
export const BOOKKEEPING_LINK_TYPES = [
  'ON_CHART',
  'PART_OF',
  'MENTIONS',
  'RAISED_AT',
  'DISCUSSED_AT',
  'INVESTIGATED_BY',
  'HAS_POSTCODE',
  'LOCATION_IN_AREA',
  'POSTCODE_IN_AREA',
  // A decision's own records: no route between people runs through them (issue 20 item 10).
  'DECISION_ON',
  'REPRESENTATION_ON',
  'CHECK_FOR',
] as const satisfies readonly LinkType[];

const bookkeepingSet = new Set<string>(BOOKKEEPING_LINK_TYPES);
/** The vocabulary's link types that say two things are connected: the default of paths. */
export const EVIDENTIAL_LINK_TYPES: readonly LinkType[] = LINK_TYPES.filter((t) => !bookkeepingSet.has(t));

const labelSet = new Set<string>(LABELS);
const linkTypeSet = new Set<string>(LINK_TYPES);

export const isLabel = (s: string): s is Label => labelSet.has(s);
export const isLinkType = (s: string): s is LinkType => linkTypeSet.has(s);

/** The most specific vocabulary label of a node, or its first label when none is known. */
export function kindOf(labels: readonly string[]): string {
  for (const l of LABELS) if (labels.includes(l)) return l;
  return labels[0] ?? 'Entity';
}

/** Vocabulary values that DESIGN.md §4 lists for `kind`-like properties. */
export const LOCATION_KINDS = ['home', 'park', 'takeaway', 'taxi_office', 'residential_unit', 'school', 'hotel', 'shop', 'other'] as const;
// school_absence and health_flag (issue 20 item 7): a school's or health service's record about a child (VICTIM_OF).
export const INCIDENT_KINDS = ['crime', 'concern', 'missing', 'complaint', 'sighting', 'threat', 'licence_event', 'other', 'school_absence', 'health_flag'] as const;
export const DISPOSITIONS = ['identified', 'arrested', 'charged', 'convicted', 'acquitted', 'nfa', 'disrupted'] as const;
