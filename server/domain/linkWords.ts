/**
 * Link types in words, for people: chart labels, the legend, the strategy-meeting PDF. One table,
 * imported by the server and (through a relative path) by the web app, so a link reads the same on
 * screen and on paper. Pure data and string functions only: the browser bundle imports this file.
 */
import type { LinkType } from './vocabulary.js';

/** Every vocabulary link type in plain words (DESIGN.md §4), read as "source <words> target". */
export const LINK_WORDS: Record<LinkType, string> = {
  KNOWS: 'knows',
  KNOWS_LW: 'knows (lives with)',
  KNOWS_SN: 'knows (social network)',
  KNOWS_PHONE: 'knows (phone contact)',
  FAMILY_REL: 'family',
  CURRENT_ADDRESS: 'lives at',
  ATTENDS: 'attends',
  DISCUSSED_AT: 'discussed at',
  HAS_PHONE: 'uses phone',
  HAS_EMAIL: 'uses email',
  HAS_CONTACT: 'has in contacts',
  USES_VEHICLE: 'uses vehicle',
  PARTY_TO: 'party to',
  VICTIM_OF: 'victim of',
  INVOLVED_IN: 'involved in',
  OCCURRED_AT: 'happened at',
  INVESTIGATED_BY: 'investigated by',
  CALLER: 'made by',
  CALLED: 'called',
  HAS_POSTCODE: 'postcode',
  LOCATION_IN_AREA: 'in area',
  POSTCODE_IN_AREA: 'in area',
  RAISED_AT: 'raised at',
  DRIVES_FOR: 'drives for',
  RUNS: 'runs',
  HOLDS: 'holds licence',
  CONTACT_PHONE: 'contact phone',
  OPERATED_BY: 'operated by',
  BASED_AT: 'based at',
  SERVED_ON: 'served on',
  PROTECTS: 'protects',
  SERVED_AT: 'served at',
  NAMES_PLACE: 'names place',
  ON_CHART: 'on operation',
  PART_OF: 'part of',
  MENTIONS: 'mentions',
  CONTACTED: 'in contact with (calls)',
  // Licensing decisions on the record (issue 20 item 10).
  DECISION_ON: 'decision on',
  REPRESENTATION_ON: 'representation on',
  CHECK_FOR: 'check for',
  CLOSING_STATEMENT: 'statement that closed',
};

/** Not vocabulary types but drawn as links: a link held under conditions by another agency. */
const EXTRA_WORDS: Record<string, string> = { HELD: 'held' };

/** A property value as words: 'usual_driver' → 'usual driver', 'SIBLING' → 'sibling'. */
function plain(v: unknown): string {
  return String(v).replace(/_/g, ' ').toLowerCase();
}

/**
 * Words for one link, with the detail its properties add where that changes the meaning:
 * "family (sibling)", "uses vehicle (keeper)", "runs (director)", "suspect · convicted".
 * Unknown types fall back to the code in lower case with spaces, never an empty label.
 */
export function linkWords(type: string, properties: Record<string, unknown> = {}): string {
  const base = (LINK_WORDS as Record<string, string>)[type] ?? EXTRA_WORDS[type] ?? plain(type);
  const p = properties ?? {};
  switch (type) {
    case 'FAMILY_REL':
      return p.rel_type ? `family (${plain(p.rel_type)})` : base;
    case 'USES_VEHICLE':
    case 'RUNS':
    case 'CURRENT_ADDRESS':
      return p.role ? `${base} (${plain(p.role)})` : base;
    case 'ON_CHART': {
      const parts = [p.role ? plain(p.role) : 'on operation', p.disposition ? plain(p.disposition) : ''].filter(Boolean);
      return parts.join(' · ');
    }
    default:
      return base;
  }
}
