/**
 * The link types offered when expanding an entity by type: in words, grouped by what they lead
 * to, and only those that can touch an entity of its labels (DESIGN.md §4, "from → to").
 */
import { LINK_TYPES } from '../vocabulary';
import { LINK_WORDS } from '../chart/linkWords';
import { ANY_LABEL, LINK_ENDS } from '../../../server/domain/linkEnds';

type LinkType = (typeof LINK_TYPES)[number];

/** Groups in the order an analyst reaches for them. */
const GROUPS: { name: string; types: LinkType[] }[] = [
  { name: 'People', types: ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'] },
  { name: 'Phones, vehicles, e-mail', types: ['HAS_PHONE', 'HAS_CONTACT', 'USES_VEHICLE', 'HAS_EMAIL', 'CONTACT_PHONE', 'CALLER', 'CALLED'] },
  { name: 'Places', types: ['CURRENT_ADDRESS', 'ATTENDS', 'OCCURRED_AT', 'BASED_AT', 'SERVED_AT', 'NAMES_PLACE'] },
  { name: 'Incidents', types: ['PARTY_TO', 'VICTIM_OF', 'INVOLVED_IN', 'INVESTIGATED_BY'] },
  { name: 'Licensing and notices', types: ['DRIVES_FOR', 'RUNS', 'HOLDS', 'OPERATED_BY', 'SERVED_ON', 'PROTECTS'] },
  { name: 'Meetings and operations', types: ['DISCUSSED_AT', 'RAISED_AT', 'ON_CHART', 'PART_OF'] },
  { name: 'Records and areas', types: ['MENTIONS', 'HAS_POSTCODE', 'LOCATION_IN_AREA', 'POSTCODE_IN_AREA'] },
];

export interface ExpandGroup {
  name: string;
  options: { type: string; words: string }[];
}

/** Whether a link of `type` can have an entity with these labels at one end. */
function touches(type: LinkType, labels: string[] | null): boolean {
  if (!labels) return true;
  const [from, to] = LINK_ENDS[type];
  return [...from, ...to].some((l) => l === ANY_LABEL || labels.includes(l));
}

/**
 * The grouped choices for entities with these labels (null: any entity, as for a multiple
 * selection). Types in no group still appear, last, so a new vocabulary type is never lost.
 */
export function expandGroups(labels: string[] | null): ExpandGroup[] {
  const grouped = new Set<string>(GROUPS.flatMap((g) => g.types));
  const rest: LinkType[] = LINK_TYPES.filter((t) => !grouped.has(t));
  const all = [...GROUPS, ...(rest.length ? [{ name: 'Other', types: rest }] : [])];
  return all
    .map((g) => ({ name: g.name, options: g.types.filter((t) => touches(t, labels)).map((type) => ({ type, words: LINK_WORDS[type] ?? type.toLowerCase().replace(/_/g, ' ') })) }))
    .filter((g) => g.options.length > 0);
}
