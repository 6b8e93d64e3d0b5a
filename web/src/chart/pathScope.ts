/**
 * Which links a path search or connecting network follows, as the analyst chooses it in the
 * Analysis panel: the chart's current filters (the default: what the analyst is looking at), or link
 * types ticked in groups named in words. Link types come from the server's vocabulary (pure data,
 * safe in the browser bundle, like linkWords).
 */
import { BOOKKEEPING_LINK_TYPES, EVIDENTIAL_LINK_TYPES, type LinkType } from '../../../server/domain/vocabulary';
import { linkWords } from '../../../server/domain/linkWords';
import type { Filters } from './filters';
import type { Path, PathScope } from '../api/analysis';

/** Every vocabulary link type in one group, in the order an analyst reads them. */
export const LINK_GROUPS: readonly { name: string; types: readonly LinkType[] }[] = [
  { name: 'People', types: ['KNOWS', 'KNOWS_LW', 'KNOWS_SN', 'KNOWS_PHONE', 'FAMILY_REL'] },
  { name: 'Phones and e-mail', types: ['HAS_PHONE', 'HAS_CONTACT', 'CONTACTED', 'CALLER', 'CALLED', 'CONTACT_PHONE', 'HAS_EMAIL'] },
  { name: 'Incidents', types: ['PARTY_TO', 'VICTIM_OF', 'INVOLVED_IN', 'CLOSING_STATEMENT'] },
  { name: 'Places', types: ['CURRENT_ADDRESS', 'ATTENDS', 'OCCURRED_AT', 'NAMES_PLACE'] },
  { name: 'Vehicles and licensing', types: ['USES_VEHICLE', 'DRIVES_FOR', 'RUNS', 'HOLDS', 'OPERATED_BY', 'BASED_AT', 'SERVED_ON', 'SERVED_AT', 'PROTECTS'] },
  { name: 'Record keeping (not evidence of a connection)', types: BOOKKEEPING_LINK_TYPES },
];

export { linkWords };

/** "Use chart filters", or the link types ticked. */
export type PathChoice = { mode: 'filters' } | { mode: 'chosen'; linkTypes: string[] };

export const DEFAULT_PATH_CHOICE: PathChoice = { mode: 'filters' };

/** The evidential link types, for a fresh "choose link types". */
export const evidentialTypes = (): string[] => [...EVIDENTIAL_LINK_TYPES];

/**
 * What the server is asked to follow. With the chart's filters: every evidential type but those the
 * filters leave out (null, the server's own default, when they leave none out), and nothing dated
 * after the filters' end date.
 */
export function pathScope(choice: PathChoice, filters: Filters): PathScope {
  if (choice.mode === 'chosen') return { linkTypes: [...choice.linkTypes], asOf: null };
  const out = new Set(filters.linkTypes);
  const linkTypes = out.size ? EVIDENTIAL_LINK_TYPES.filter((t) => !out.has(t)) : null;
  return { linkTypes, asOf: filters.to || null };
}

/** The choice in a few words, for the panel and the notice after a search. */
export function describeScope(choice: PathChoice, filters: Filters): string {
  const scope = pathScope(choice, filters);
  const types = scope.linkTypes === null ? 'evidential links' : scope.linkTypes.length === 1 ? linkWords(scope.linkTypes[0]!) + ' links' : `${scope.linkTypes.length} link types`;
  return scope.asOf ? `${types}, as of ${scope.asOf}` : types;
}

/** A chosen set that would find nothing: the search button says so instead of asking. */
export const nothingChosen = (choice: PathChoice) => choice.mode === 'chosen' && choice.linkTypes.length === 0;

/** Ticks or unticks one type (or a whole group) of a chosen set. */
export function toggleTypes(chosen: readonly string[], types: readonly string[], on: boolean): string[] {
  const set = new Set(chosen);
  for (const t of types) {
    if (on) set.add(t);
    else set.delete(t);
  }
  // Kept in vocabulary order, so the same choice is always the same list.
  return LINK_GROUPS.flatMap((g) => g.types).filter((t) => set.has(t));
}

/** A route in words: "Darren Kershaw —knows (phone contact)→ Callum Coldmere —phone contact, knows→ Otto Dransby". */
export function describeRoute(path: Pick<Path, 'nodes' | 'hops'>): string {
  let text = path.nodes[0]?.label ?? '';
  path.hops.forEach((h, i) => {
    const words = [...new Set(h.links.map((l) => linkWords(l.type, l.properties)))].join(', ');
    text += ` —${words}→ ${path.nodes[i + 1]?.label ?? ''}`;
  });
  return text;
}
