/**
 * Which labels each link type joins, in its stored direction (DESIGN.md §4, "from → to"). Pure
 * data: the web app imports it (which link types an entity can be expanded by) and the demo
 * generator's test checks every link against it.
 */
import type { LinkType } from './vocabulary.js';

/** Any label (a Report MENTIONS anything). */
export const ANY_LABEL = '*';

export const LINK_ENDS: Record<LinkType, readonly [from: readonly string[], to: readonly string[]]> = {
  KNOWS: [['Person'], ['Person']],
  KNOWS_LW: [['Person'], ['Person']],
  KNOWS_SN: [['Person'], ['Person']],
  KNOWS_PHONE: [['Person'], ['Person']],
  FAMILY_REL: [['Person'], ['Person']],
  CURRENT_ADDRESS: [['Person'], ['Location']],
  ATTENDS: [['Person'], ['Location']],
  DISCUSSED_AT: [['Person'], ['Meeting']],
  HAS_PHONE: [['Person', 'Operator'], ['Phone']],
  HAS_EMAIL: [['Person', 'Operator'], ['Email']],
  HAS_CONTACT: [['Person'], ['Phone']],
  USES_VEHICLE: [['Person'], ['Vehicle']],
  PARTY_TO: [['Person'], ['Incident']],
  VICTIM_OF: [['Person'], ['Incident']],
  INVOLVED_IN: [['Vehicle', 'Object', 'Phone', 'Operator', 'Licence'], ['Incident']],
  OCCURRED_AT: [['Incident'], ['Location']],
  INVESTIGATED_BY: [['Crime'], ['Officer']],
  CALLER: [['PhoneCall'], ['Phone']],
  CALLED: [['PhoneCall'], ['Phone']],
  HAS_POSTCODE: [['Location'], ['PostCode']],
  LOCATION_IN_AREA: [['Location'], ['Area']],
  POSTCODE_IN_AREA: [['PostCode'], ['Area']],
  RAISED_AT: [['Incident'], ['Meeting']],
  DRIVES_FOR: [['Person'], ['Operator']],
  RUNS: [['Person'], ['Operator']],
  HOLDS: [['Person', 'Vehicle', 'Operator'], ['Licence']],
  CONTACT_PHONE: [['Licence'], ['Phone']],
  OPERATED_BY: [['Vehicle'], ['Operator']],
  BASED_AT: [['Operator'], ['Location']],
  SERVED_ON: [['Notice'], ['Person']],
  PROTECTS: [['Notice'], ['Person']],
  SERVED_AT: [['Notice'], ['Location']],
  NAMES_PLACE: [['Notice'], ['Location']],
  ON_CHART: [['Person'], ['Operation']],
  PART_OF: [['Incident'], ['Operation']],
  MENTIONS: [['Report'], [ANY_LABEL]],
  CONTACTED: [['Phone'], ['Phone']],
  // Licensing decisions on the record (issue 20 item 10).
  DECISION_ON: [['LicensingDecision'], ['Licence']],
  REPRESENTATION_ON: [['Representation'], ['LicensingDecision']],
  CHECK_FOR: [['LicenceCheck'], ['Licence']],
  CLOSING_STATEMENT: [['Person'], ['Incident']],
};
